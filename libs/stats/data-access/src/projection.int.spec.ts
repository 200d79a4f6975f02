import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { eventStoreMigrations, PostgresEventStore, ProjectionRunner, type NewEvent, type StoredEvent } from '@jyta/event-store';
import { casesOf, drillDown, endOfShanghaiDay, foldFacts, kpiReport, kpiReportFromGroups, kpisFromHistories, KPI_NAMES, recordedBefore, type HistoryEvent, type OutcomeFilter } from '@jyta/stats-domain';
import { statsMigrations } from './migrations';
import { statsProjection } from './projection';
import { countCases, drillDownCases, selectCases } from './queries';

const db = withFreshDatabase({ migrations: [...eventStoreMigrations, ...statsMigrations] });
let store: PostgresEventStore;
let runner: ProjectionRunner;

beforeAll(() => {
  store = new PostgresEventStore(db.pool);
  runner = new ProjectionRunner(db.pool, store, statsProjection);
});

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const ev = (type: string, data: unknown, occurredAt = new Date().toISOString()): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor, occurredAt, correlationId: 'test' },
});
const due = (day: string) => ({ lastDay: day, dueAt: endOfShanghaiDay(day)! });
const registered = (n: string, kind = 'npc_suggestion', key = false) =>
  ev('ProposalRegistered', { number: n, title: `标题 ${n}`, kind, level: 'municipal', sessionYear: 2026, key, proposers: [] });
const assigned = (unitId: string, lastDay = '2999-01-01') =>
  ev('ProposalAssigned', { mode: 'single', assignedOn: '2026-03-01', leaderInCharge: 'vice-mayor-1', units: [{ unitId, role: 'lead', replyDue: due(lastDay) }], reassignment: false });

const histories = new Map<string, StoredEvent[]>();
async function append(id: string, ...events: NewEvent[]) {
  const h = histories.get(id) ?? [];
  const res = await store.append(`proposal-${id}`, events, { expectedVersion: h.length });
  histories.set(id, [...h, ...res.events]);
  // each append in its own instant, so that every cut between them is a different past
  await new Promise((r) => setTimeout(r, 5));
}
const asHistory = (e: StoredEvent): HistoryEvent => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt, recordedAt: e.recordedAt });

describe('stats_cases projection', () => {
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    await append(a, registered('2026-建议-0001'), assigned('rsj'));
    await append(b, registered('2026-提案-0001', 'cppcc_proposal', true), assigned('jyj'));
    await append(a, ev('ContactRecorded', { unitId: 'rsj', method: 'face_to_face', on: '2026-03-05', summary: '面商' }));
    await append(a, ev('ReplyDrafted', { replyId: 'ra1', unitId: 'rsj', round: 1, category: 'A', body: 'x', cc: [], stages: [] }));
    // runs part of the way: later events come in later batches
    await runner.catchUp();
    await append(a, ev('ReplySent', { replyId: 'ra1', unitId: 'rsj', cc: [], feedbackDueAt: '2999-01-01T00:00:00.000Z' }));
    await append(b, ev('ReplyDrafted', { replyId: 'rb1', unitId: 'jyj', round: 1, category: 'C', body: 'x', cc: [], stages: [] }));
    await append(b, ev('ReplySent', { replyId: 'rb1', unitId: 'jyj', cc: [], feedbackDueAt: '2999-01-01T00:00:00.000Z' }));
    await append(a, ev('FeedbackReceived', { replyId: 'ra1', unitId: 'rsj', attitude: 'satisfied', result: 'dissatisfied', contact: 'face_to_face', sendBack: true }));
    await append(b, ev('FeedbackMissing', { replyId: 'rb1', unitId: 'jyj' }));
    await append(c, registered('2026-建议-0002'), assigned('rsj'));
    await append(d, registered('2026-建议-0003'), assigned('wjw'));
    await append(c, ev('ReturnApproved', { unitId: 'rsj', comment: '同意', awaitingReassignment: true }));
    await append(a, ev('ReplyDrafted', { replyId: 'ra2', unitId: 'rsj', round: 2, category: 'B', body: 'x', cc: [], stages: [] }), ev('ReplySent', { replyId: 'ra2', unitId: 'rsj', cc: [], feedbackDueAt: '2999-01-01T00:00:00.000Z' }));
    await append(a, ev('FeedbackReceived', { replyId: 'ra2', unitId: 'rsj', attitude: 'satisfied', result: 'basically_satisfied', contact: 'face_to_face', sendBack: false }));
    await runner.catchUp();
  });

  it('at every moment of the history, the table gives the figures a replay of the events recorded by then gives', async () => {
    const all = [...histories.values()].flat().sort((x, y) => Date.parse(x.recordedAt) - Date.parse(y.recordedAt));
    const moments = [...new Set(all.map((e) => e.recordedAt))].flatMap((r) => [r, new Date(Date.parse(r) + 1).toISOString()]);
    const replayed = [...histories.entries()].map(([proposalId, h]) => ({ proposalId, events: h.map(asHistory) }));
    for (const at of moments) {
      const replay = kpisFromHistories(replayed, { year: 2026, at });
      // the versions read back and counted by the domain, and the grouped query counting in SQL
      const fromRecords = kpiReport(await selectCases(db.pool, { year: 2026, at }), { year: 2026, at });
      const fromQuery = kpiReportFromGroups(await countCases(db.pool, { year: 2026, at }, true), { year: 2026, at });
      expect({ at, fromRecords, fromQuery }).toEqual({ at, fromRecords: replay, fromQuery: replay });
      // the drill-down filtered and paged in SQL lists what the rule lists from the replayed cases
      const cases = replayed.flatMap((h) => casesOf(foldFacts(h.proposalId, recordedBefore(h.events, at))));
      for (const kpi of KPI_NAMES) {
        for (const outcome of [undefined, 'numerator', 'denominator', 'pending', 'late', 'no_feedback'] as (OutcomeFilter | undefined)[]) {
          const expected = drillDown(cases, { year: 2026, at, kpi, ...(outcome ? { outcome } : {}) }).map((x) => `${x.number}/${x.unitId}`);
          const page = await drillDownCases(db.pool, { year: 2026, at }, true, { kpi, ...(outcome ? { outcome } : {}), page: 1, pageSize: 100 });
          expect({ at, kpi, outcome, total: page.total, got: page.records.map((r) => `${r.number}/${r.case.unitId}`) }).toEqual({ at, kpi, outcome, total: expected.length, got: expected });
        }
      }
    }
    // and now: the versions in force — and deadlines passing with no event (the clock alone)
    for (const now of [new Date().toISOString(), '2999-01-02T00:00:00.000Z']) {
      const replay = kpisFromHistories(replayed, { year: 2026, at: now });
      expect(kpiReport(await selectCases(db.pool, { year: 2026 }), { year: 2026, at: now })).toEqual(replay);
      expect(kpiReportFromGroups(await countCases(db.pool, { year: 2026, at: now }, false), { year: 2026, at: now })).toEqual(replay);
    }
  });

  it('the figures in the end: the returned unit is gone; key item with no feedback; re-handled item satisfied in round 2', async () => {
    const now = new Date().toISOString();
    const r = kpiReport(await selectCases(db.pool, { year: 2026 }), { year: 2026, at: now });
    expect(r.overall.satisfaction).toMatchObject({ numerator: 1, denominator: 2 });
    expect(r.overall.key_satisfaction).toMatchObject({ numerator: 0, denominator: 1 });
    expect(r.overall.solved).toMatchObject({ numerator: 0, denominator: 2 });
    expect(r.overall.face_to_face).toMatchObject({ numerator: 1, denominator: 2 });
    expect((await selectCases(db.pool, { year: 2026, unitId: 'rsj' })).map((x) => x.number)).toEqual(['2026-建议-0001']);
    expect((await selectCases(db.pool, { year: 2026, kinds: ['cppcc_proposal'] })).map((x) => x.number)).toEqual(['2026-提案-0001']);
    expect(await selectCases(db.pool, { year: 2026, leaderInCharge: 'vice-mayor-2' })).toEqual([]);
  });

  it('a rebuild gives the same versions', async () => {
    const dump = () => db.pool.query('SELECT proposal_id, unit_id, record, valid_from, valid_to FROM stats_cases ORDER BY proposal_id, unit_id, valid_from');
    const before = (await dump()).rows;
    await runner.rebuild();
    expect((await dump()).rows).toEqual(before);
  });
});
