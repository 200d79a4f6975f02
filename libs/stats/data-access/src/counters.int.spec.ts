import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { eventStoreMigrations, PostgresEventStore, ProjectionRunner, type NewEvent, type StoredEvent } from '@jyta/event-store';
import { endOfShanghaiDay, kpiReportFromGroups, kpiReportFromLevels, kpisFromHistories, type HistoryEvent } from '@jyta/stats-domain';
import { statsMigrations } from './migrations';
import { statsProjection } from './projection';
import { countCases, countCurrent } from './queries';

/**
 * stats_counters (what the "now" figures read) against the full recomputation from the events,
 * after every single append of a history with every kind of case: re-handled, merged (and split
 * off), provincial, pending past its deadline, no feedback, returned, assigned separately.
 */
const db = withFreshDatabase({ migrations: [...eventStoreMigrations, ...statsMigrations] });
let store: PostgresEventStore;
let runner: ProjectionRunner;

beforeAll(() => {
  store = new PostgresEventStore(db.pool);
  runner = new ProjectionRunner(db.pool, store, statsProjection);
});

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const ev = (type: string, data: unknown): NewEvent => ({ eventId: randomUUID(), type, data, metadata: { actor, occurredAt: new Date().toISOString(), correlationId: 'test' } });
const due = (day: string) => ({ lastDay: day, dueAt: endOfShanghaiDay(day)! });
const registered = (n: string, o: { kind?: string; key?: boolean; level?: string } = {}) =>
  ev('ProposalRegistered', { number: n, title: `标题 ${n}`, kind: o.kind ?? 'npc_suggestion', level: o.level ?? 'municipal', sessionYear: 2026, key: !!o.key, proposers: [] });
const assigned = (units: string[], lastDay = '2999-01-01', mode = 'single', leader = 'vice-mayor-1') =>
  ev('ProposalAssigned', { mode, assignedOn: '2026-03-01', leaderInCharge: leader, units: units.map((unitId) => ({ unitId, role: mode === 'separate' ? 'separate' : 'lead', replyDue: due(lastDay) })), reassignment: false });
const drafted = (replyId: string, unitId: string, category: string) => ev('ReplyDrafted', { replyId, unitId, round: 1, category, body: 'x', cc: [], stages: [] });
const sent = (replyId: string, unitId: string) => ev('ReplySent', { replyId, unitId, cc: [], feedbackDueAt: '2999-01-01T00:00:00.000Z' });
const feedback = (replyId: string, unitId: string, result: string, sendBack = false) => ev('FeedbackReceived', { replyId, unitId, attitude: 'satisfied', result, contact: 'face_to_face', sendBack });

const histories = new Map<string, StoredEvent[]>();
const asHistory = (e: StoredEvent): HistoryEvent => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt, recordedAt: e.recordedAt });
const dump = async () => (await db.pool.query('SELECT * FROM stats_counters ORDER BY 1, 2, 3, 4, 5, 6, 7')).rows;

let steps = 0;
/** Appends, lets the projection take it in, and checks the counters against a replay of everything. */
async function step(id: string, ...events: NewEvent[]) {
  const h = histories.get(id) ?? [];
  const res = await store.append(`proposal-${id}`, events, { expectedVersion: h.length });
  histories.set(id, [...h, ...res.events]);
  await runner.catchUp();
  steps++;
  for (const at of [new Date().toISOString(), '2999-01-02T00:00:00.000Z']) {
    const replay = kpisFromHistories([...histories.entries()].map(([proposalId, x]) => ({ proposalId, events: x.map(asHistory) })), { year: 2026, at });
    const fromCounters = kpiReportFromLevels(await countCurrent(db.pool, { year: 2026, at }), { year: 2026, at });
    expect({ step: steps, at, figures: fromCounters }).toEqual({ step: steps, at, figures: replay });
    // and the versions valid now (what asOf reads) give the same
    if (at < '2999') {
      const fromVersions = kpiReportFromGroups(await countCases(db.pool, { year: 2026, at }, true), { year: 2026, at });
      expect({ step: steps, at, figures: fromVersions }).toEqual({ step: steps, at, figures: replay });
    }
  }
  // every current case is counted once in the figure that concerns all (satisfaction), and no row counted down to nothing
  const { rows } = await db.pool.query<{ counted: number; current: number; empty: number }>(
    `SELECT (SELECT coalesce(sum(n), 0)::int FROM stats_counters WHERE kpi = 'satisfaction') AS counted, (SELECT count(*)::int FROM stats_cases WHERE valid_to IS NULL) AS current,
            (SELECT count(*)::int FROM stats_counters WHERE n <= 0) AS empty`,
  );
  expect({ step: steps, ...rows[0] }).toEqual({ step: steps, counted: rows[0].current, current: rows[0].current, empty: 0 });
}

describe('stats_counters', () => {
  it('equal the figures recomputed from the events after every event of a history', async () => {
    const [rehandled, main, merged, provincial, late, nofb, returned, separate] = Array.from({ length: 8 }, () => randomUUID());
    // re-handled: replied B (a promise), sent back dissatisfied, a re-handling deadline, replied again, satisfied; the promise kept
    await step(rehandled, registered('2026-建议-0001'), assigned(['rsj']));
    await step(rehandled, ev('ContactRecorded', { unitId: 'rsj', method: 'face_to_face', on: '2026-03-05', summary: '面商' }));
    await step(rehandled, drafted('r1', 'rsj', 'B'), sent('r1', 'rsj'));
    await step(rehandled, feedback('r1', 'rsj', 'dissatisfied', true));
    await step(rehandled, ev('RehandlingStarted', { unitId: 'rsj', replyDue: due('2999-02-01') }));
    await step(rehandled, drafted('r2', 'rsj', 'A'), sent('r2', 'rsj'));
    await step(rehandled, feedback('r2', 'rsj', 'basically_satisfied'));
    await step(rehandled, ev('PromiseFollowUpRequested', { unitId: 'rsj', replyId: 'r1', round: 1, dueAt: due('2999-03-01').dueAt }));
    await step(rehandled, ev('PromiseProgressReported', { unitId: 'rsj', replyId: 'r1', text: '已列入计划', done: false }));
    await step(rehandled, ev('PromiseFulfilled', { unitId: 'rsj', replyId: 'r1' }));
    // merged: the main item replies, the merged item gets its copy and answers it; then split off
    await step(main, registered('2026-提案-0001', { kind: 'cppcc_proposal', key: true }), assigned(['jyj'], '2999-01-01', 'single', 'vice-mayor-2'));
    await step(merged, registered('2026-提案-0002', { kind: 'cppcc_proposal' }));
    await step(merged, ev('MergedIntoProposal', { mainProposalId: main, mainNumber: '2026-提案-0001' }));
    await step(main, drafted('m1', 'jyj', 'A'), sent('m1', 'jyj'));
    await step(merged, ev('MergedReplyReceived', { replyId: 'm1', unitId: 'jyj', category: 'A', sentAt: new Date().toISOString() }));
    await step(merged, feedback('m1', 'jyj', 'satisfied'));
    await step(main, feedback('m1', 'jyj', 'satisfied'));
    await step(merged, ev('ProposalSplitOff', { mainProposalId: main }));
    // provincial: the opinion sent to the proposer is the reply; the answer on it counts
    await step(provincial, registered('2026-建议-0002', { level: 'provincial' }), assigned(['wjw']));
    await step(provincial, drafted('p1', 'wjw', 'C'), ev('OpinionSentToProposer', { replyId: 'p1', unitId: 'wjw' }));
    await step(provincial, ev('FeedbackReceived', { replyId: 'p1', unitId: 'wjw', attitude: 'satisfied', result: 'satisfied', awaitingDocument: true }));
    // pending past its deadline (late by the clock alone), then the timer's event
    await step(late, registered('2026-建议-0003', { key: true }), assigned(['jtj'], '2026-01-10'));
    await step(late, ev('ReplyDeadlinePassed', { unitId: 'jtj', dueAt: due('2026-01-10').dueAt }));
    // no feedback: never satisfied
    await step(nofb, registered('2026-提案-0003', { kind: 'cppcc_recommendation' }), assigned(['cjj']));
    await step(nofb, drafted('n1', 'cjj', 'A'), sent('n1', 'cjj'));
    await step(nofb, ev('FeedbackMissing', { replyId: 'n1', unitId: 'cjj' }));
    // returned: the unit leaves, another takes it
    await step(returned, registered('2026-建议-0004'), assigned(['rsj']));
    await step(returned, ev('ReturnApproved', { unitId: 'rsj', comment: '同意', awaitingReassignment: true }));
    await step(returned, assigned(['zfbzj']));
    // separately: two cases of one item
    await step(separate, registered('2026-建议-0005'), assigned(['rsj', 'jyj'], '2999-01-01', 'separate'));
    await step(separate, drafted('s1', 'rsj', 'B'), sent('s1', 'rsj'), drafted('s2', 'jyj', 'B'));
    await step(separate, sent('s2', 'jyj'), feedback('s1', 'rsj', 'dissatisfied'), feedback('s2', 'jyj', 'satisfied'));
    expect(steps).toBe(32);
    // two promises open in the end (s1, s2); r1 was kept
    const now = new Date().toISOString();
    expect(kpiReportFromLevels(await countCurrent(db.pool, { year: 2026, at: now }), { year: 2026, at: now }).openPromises).toBe(2);
    // a scope (one unit, one chamber) from the counters, as from a replay
    const replayed = [...histories.entries()].map(([proposalId, x]) => ({ proposalId, events: x.map(asHistory) }));
    const unit = kpiReportFromLevels(await countCurrent(db.pool, { year: 2026, at: now, unitId: 'rsj' }), { year: 2026, at: now });
    expect(unit.byUnit).toEqual(kpisFromHistories(replayed, { year: 2026, at: now }).byUnit.filter((u) => u.unitId === 'rsj'));
    const npc = kpiReportFromLevels(await countCurrent(db.pool, { year: 2026, at: now, kinds: ['npc_suggestion'] }), { year: 2026, at: now });
    expect(npc.byChamber.map((c) => c.chamber)).toEqual(['npc']);
    expect(npc.overall).toEqual(kpisFromHistories(replayed, { year: 2026, at: now }).byChamber.find((c) => c.chamber === 'npc')!.figures);
  });

  it('a rebuild gives the same counters', async () => {
    const before = await dump();
    expect(before.length).toBeGreaterThan(5);
    await runner.rebuild();
    expect(await dump()).toEqual(before);
  });
});
