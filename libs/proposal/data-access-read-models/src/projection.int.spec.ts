import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { eventStoreMigrations, PostgresEventStore, ProjectionRunner, type NewEvent } from '@jyta/event-store';
import { DEFAULT_POLICY } from '@jyta/proposal-domain';
import { readModelMigrations } from './migrations';
import { proposalListProjection } from './projection';
import { findProposalSummary, listProposals } from './queries';

const db = withFreshDatabase({ migrations: [...eventStoreMigrations, ...readModelMigrations] });
let store: PostgresEventStore;
let runner: ProjectionRunner;

beforeAll(() => {
  store = new PostgresEventStore(db.pool);
  runner = new ProjectionRunner(db.pool, store, proposalListProjection);
});

const actor = { userId: 'u1', username: 'office', role: 'office', unitId: null };
const ev = (type: string, data: unknown, occurredAt = new Date().toISOString()): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { actor, occurredAt, correlationId: 'test' },
});
const deadline = (dueAt: string) => ({ lastDay: dueAt.slice(0, 10), dueAt, explanation: { text: '…' } });

function registered(id: string, over: Record<string, unknown> = {}) {
  return ev('ProposalRegistered', {
    proposalId: id,
    number: '2026-建议-0001',
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '关于加装电梯的建议',
    content: '……',
    topic: '城乡建设',
    proposers: [{ name: '测试代表甲', username: 'deputy-1' }],
    key: false,
    major: false,
    urgent: false,
    policy: DEFAULT_POLICY,
    ...over,
  });
}

function assigned(units: [string, string][], assignedOn = '2026-03-01', replyDue = '2026-06-01T16:00:00.000Z') {
  return ev('ProposalAssigned', {
    mode: units.length === 1 ? 'single' : 'lead',
    assignedOn,
    leaderInCharge: 'vice-mayor-1',
    units: units.map(([unitId, role]) => ({ unitId, role, returnWindow: deadline('2026-03-16T16:00:00.000Z'), replyDue: deadline(replyDue) })),
    reassignment: false,
  });
}

describe('proposal_list projection', () => {
  const a = randomUUID();
  const b = randomUUID();

  it('lists a registered item, then follows assignment, signing and an approved return', async () => {
    await store.append(`proposal-${a}`, [registered(a)], { expectedVersion: 0 });
    await store.append(`proposal-${b}`, [registered(b, { number: '2026-提案-0001', kind: 'cppcc_proposal', title: '关于100%覆盖_的提案', key: true })], {
      expectedVersion: 0,
    });
    await store.append('other-stream', [ev('Whatever', {})], { expectedVersion: 0 });
    await runner.catchUp();
    expect(await findProposalSummary(db.pool, a)).toMatchObject({ id: a, status: 'registered', unitIds: [], version: 1, assignedOn: null });

    await store.append(`proposal-${a}`, [assigned([['cjj', 'lead'], ['zfbzj', 'co']])], { expectedVersion: 1 });
    await store.append(`proposal-${a}`, [ev('ReceiptSigned', { unitId: 'cjj' }), ev('ReturnRequested', { unitId: 'zfbzj', reason: 'x' })], {
      expectedVersion: 2,
    });
    await store.append(`proposal-${a}`, [ev('ReturnApproved', { unitId: 'zfbzj', comment: '同意', awaitingReassignment: false })], {
      expectedVersion: 4,
    });
    await runner.catchUp();
    expect(await findProposalSummary(db.pool, a)).toMatchObject({
      status: 'assigned',
      unitIds: ['cjj', 'zfbzj'],
      activeUnitIds: ['cjj'],
      leadUnitIds: ['cjj'],
      assignedOn: '2026-03-01',
      replyDueAt: '2026-06-01T16:00:00.000Z',
      leaderInCharge: 'vice-mayor-1',
      version: 5,
    });
  });

  it('filters and pages', async () => {
    const all = await listProposals(db.pool, { page: 1, pageSize: 10 });
    expect(all.total).toBe(2);
    expect((await listProposals(db.pool, { unitId: 'zfbzj', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([a]);
    expect((await listProposals(db.pool, { activeUnitId: 'zfbzj', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await listProposals(db.pool, { kind: 'cppcc_proposal', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([b]);
    expect((await listProposals(db.pool, { kinds: ['npc_suggestion'], page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([a]);
    expect((await listProposals(db.pool, { key: true, page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([b]);
    expect((await listProposals(db.pool, { q: '提案-0001', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([b]);
    expect((await listProposals(db.pool, { q: '100%', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([b]);
    expect((await listProposals(db.pool, { q: '%', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([b]);
    expect((await listProposals(db.pool, { year: 2025, page: 1, pageSize: 10 })).total).toBe(0);
    expect((await listProposals(db.pool, { status: 'assigned', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([a]);
    expect((await listProposals(db.pool, { proposerUsername: 'deputy-1', page: 1, pageSize: 10 })).total).toBe(2);
    expect((await listProposals(db.pool, { overdue: true, page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual(
      Date.now() > Date.parse('2026-06-01T16:00:00.000Z') ? [a] : [],
    );
    const p2 = await listProposals(db.pool, { page: 2, pageSize: 1 });
    expect(p2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(p2.items).toHaveLength(1);
  });

  it('overdue is Art. 19 overdue: past the deadline with neither reply nor explanation; not a co-unit, not once explained', async () => {
    const past = '2026-01-01T16:00:00.000Z';
    const [silent, explained, future] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [id, replyDue] of [[silent, past], [explained, past], [future, '2999-01-01T16:00:00.000Z']] as const) {
      await store.append(`proposal-${id}`, [registered(id, { number: `2026-建议-9${id.slice(0, 3)}` }), assigned([['jtj', 'lead'], ['cjj', 'co']], '2025-10-01', replyDue)], {
        expectedVersion: 0,
      });
    }
    await store.append(`proposal-${explained}`, [ev('ExplanationFiled', { unitId: 'jtj', reasons: '涉及多部门', measures: '已协调', expectedOn: '2026-03-01' })], {
      expectedVersion: 2,
    });
    await runner.catchUp();
    const overdue = (await listProposals(db.pool, { overdue: true, page: 1, pageSize: 50 })).items.map((i) => i.id);
    expect(overdue).toContain(silent);
    expect(overdue).not.toContain(explained);
    expect(overdue).not.toContain(future);
    const notOverdue = (await listProposals(db.pool, { overdue: false, page: 1, pageSize: 50 })).items.map((i) => i.id);
    expect(notOverdue).toEqual(expect.arrayContaining([explained, future]));
    expect(notOverdue).not.toContain(silent);
    expect((await findProposalSummary(db.pool, silent))?.overdue).toBe(true);
  });

  it('all units returned: awaiting reassignment; a rebuild gives the same rows', async () => {
    await store.append(`proposal-${a}`, [ev('ReturnRequested', { unitId: 'cjj', reason: 'y' })], { expectedVersion: 5 });
    await store.append(`proposal-${a}`, [ev('ReturnApproved', { unitId: 'cjj', comment: '', awaitingReassignment: true })], { expectedVersion: 6 });
    await runner.catchUp();
    const before = await findProposalSummary(db.pool, a);
    expect(before).toMatchObject({ status: 'awaiting_reassignment', activeUnitIds: [], unitIds: ['cjj', 'zfbzj'], replyDueAt: null });
    await runner.rebuild();
    expect(await findProposalSummary(db.pool, a)).toEqual(before);
  });
});

describe('proposal_list projection, 分别办理 with a part re-assigned (改派)', () => {
  const c = randomUUID();

  it('the returned unit stays among the units ever assigned; the new unit is active, leads its part and sets the earliest deadline', async () => {
    await store.append(
      `proposal-${c}`,
      [
        registered(c, { number: '2026-建议-0009' }),
        ev('ProposalAssigned', {
          mode: 'separate',
          assignedOn: '2026-03-01',
          units: ['rsj', 'jyj'].map((unitId) => ({ unitId, role: 'separate', returnWindow: deadline('2026-03-16T16:00:00.000Z'), replyDue: deadline('2026-06-01T16:00:00.000Z') })),
          reassignment: false,
        }),
        ev('ReturnRequested', { unitId: 'rsj', reason: '不属本单位职责' }),
        ev('ReturnApproved', { unitId: 'rsj', comment: '同意', awaitingReassignment: false, partAwaitingReassignment: true }),
      ],
      { expectedVersion: 0 },
    );
    await runner.catchUp();
    expect(await findProposalSummary(db.pool, c)).toMatchObject({ status: 'assigned', activeUnitIds: ['jyj'], leadUnitIds: ['jyj'] });
    await store.append(
      `proposal-${c}`,
      [
        ev('PartReassigned', {
          fromUnitId: 'rsj',
          assignedOn: '2026-03-05',
          unit: { unitId: 'wjw', role: 'separate', returnWindow: deadline('2026-03-20T16:00:00.000Z'), replyDue: deadline('2026-05-20T16:00:00.000Z') },
        }),
      ],
      { expectedVersion: 4 },
    );
    await runner.catchUp();
    expect(await findProposalSummary(db.pool, c)).toMatchObject({
      status: 'assigned',
      unitIds: ['rsj', 'jyj', 'wjw'],
      activeUnitIds: ['jyj', 'wjw'],
      leadUnitIds: ['jyj', 'wjw'],
      assignedOn: '2026-03-05',
      replyDueAt: '2026-05-20T16:00:00.000Z',
    });
    expect((await listProposals(db.pool, { unitId: 'wjw', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([c]);
    expect((await listProposals(db.pool, { activeUnitId: 'wjw', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual([c]);
    expect((await listProposals(db.pool, { activeUnitId: 'rsj', page: 1, pageSize: 10 })).items.map((i) => i.id)).not.toContain(c);
  });
});
