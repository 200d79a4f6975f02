import { randomUUID } from 'node:crypto';
import { withFreshDatabase } from '@jyta/db/src/testing';
import { readModelMigrations } from './migrations';
import { listProposals } from './queries';
import type { Awaiting } from './queues';

const db = withFreshDatabase({ migrations: readModelMigrations });

/** A list row written directly: the queues read the stored state, so each case states just what it needs. */
async function row(name: string, over: { status?: string; major?: boolean; urgent?: boolean; topic?: string; proposers?: string[]; state?: object }) {
  await db.pool.query(
    `INSERT INTO proposal_list (proposal_id, number, kind, level, session_year, period, title, topic, status, major, urgent,
       proposer_names, registered_at, updated_at, version, state)
     VALUES ($1, $2, 'npc_suggestion', 'municipal', 2026, 'plenary', $2, $3, $4, $5, $6, $7, now(), now(), 1, $8)`,
    [
      randomUUID(),
      name,
      over.topic ?? null,
      over.status ?? 'assigned',
      over.major ?? false,
      over.urgent ?? false,
      over.proposers ?? ['测试代表甲'],
      JSON.stringify({ status: over.status ?? 'assigned', units: [], ...over.state }),
    ],
  );
}

const names = async (f: Parameters<typeof listProposals>[1]) => (await listProposals(db.pool, f)).items.map((i) => i.number).sort();
const queue = (awaiting: Awaiting) => names({ awaiting, page: 1, pageSize: 50 });

const unit = (over: object) => ({ unitId: 'rsj', role: 'lead', status: 'assigned', returnRequests: [], ...over });
const reply = (over: object) => ({ replyId: 'r1', unitId: 'rsj', stages: ['unit_leader', 'office'], reviews: [], status: 'in_review', ...over });

beforeAll(async () => {
  await row('plain', { topic: '城乡建设', proposers: ['王五', '赵六'], urgent: true });
  await row('return-open', { state: { units: [unit({ returnRequests: [{ reason: 'x', requestedAt: '2026-03-02' }] })] } });
  await row('return-decided', {
    state: { units: [unit({ returnRequests: [{ reason: 'x', requestedAt: '2026-03-02', decision: { approve: false, comment: '不同意', decidedAt: '2026-03-03' } }] })] },
  });
  await row('awaiting-reassignment', { status: 'awaiting_reassignment' });
  await row('part-to-reassign', { state: { partsAwaitingReassignment: [{ unitId: 'jyj', since: '2026-03-05' }] } });
  await row('major-new', { status: 'registered', major: true });
  await row('major-submitted', { status: 'registered', major: true, state: { majorApproval: { viceMayor: 'vice-mayor-1', submittedAt: '2026-03-01' } } });
  await row('major-approved', {
    status: 'registered',
    major: true,
    state: { majorApproval: { viceMayor: 'vice-mayor-1', submittedAt: '2026-03-01', approvedAt: '2026-03-02' } },
  });
  await row('at-leader', { state: { replies: [reply({})] } });
  await row('at-office', { state: { replies: [reply({ reviews: [{ stage: 'unit_leader', approve: true, comment: '', at: '2026-04-01' }] })] } });
  await row('sent-back-by-leader', { state: { replies: [reply({ status: 'returned_for_revision', reviews: [{ stage: 'unit_leader', approve: false, comment: '改', at: '2026-04-01' }] })] } });
  await row('doc-to-compile', { state: { replies: [reply({ status: 'awaiting_document' })] } });
  await row('doc-to-send', { state: { replies: [reply({ status: 'document_signed' })] } });
  await row('doc-in-review', { state: { replies: [reply({ status: 'document_in_review' })] } });
  await row('merged', { status: 'merged' });
});

describe('the office queues (awaiting=…), filtered and paged in the database', () => {
  it('return-decision: only a request without a decision', async () => {
    expect(await queue('return-decision')).toEqual(['return-open']);
  });

  it('reassignment: all lead units returned, or a separate part waiting', async () => {
    expect(await queue('reassignment')).toEqual(['awaiting-reassignment', 'part-to-reassign']);
  });

  it('major-approval: major items not yet approved (to submit, or submitted)', async () => {
    expect(await queue('major-approval')).toEqual(['major-new', 'major-submitted']);
  });

  it("quality-check: replies whose current review stage is the office's (Art. 18)", async () => {
    expect(await queue('quality-check')).toEqual(['at-office']);
  });

  it('government-document: to compile or signed and to send, not while in review', async () => {
    expect(await queue('government-document')).toEqual(['doc-to-compile', 'doc-to-send']);
  });

  it('merged: items following a main item', async () => {
    expect(await queue('merged')).toEqual(['merged']);
  });

  it('pages a queue on the server with its total', async () => {
    const page = await listProposals(db.pool, { awaiting: 'government-document', page: 2, pageSize: 1 });
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe('list filters major / urgent / topic / proposer', () => {
  it('major and urgent', async () => {
    expect(await names({ major: true, page: 1, pageSize: 50 })).toEqual(['major-approved', 'major-new', 'major-submitted']);
    expect(await names({ urgent: true, page: 1, pageSize: 50 })).toEqual(['plain']);
  });

  it('topic and proposer by substring, wildcards taken literally', async () => {
    expect(await names({ topic: '城乡', page: 1, pageSize: 50 })).toEqual(['plain']);
    expect(await names({ proposer: '赵', page: 1, pageSize: 50 })).toEqual(['plain']);
    expect(await names({ proposer: '%', page: 1, pageSize: 50 })).toEqual([]);
  });
});

describe("the vice mayor's queue (awaiting=vice-mayor…), scoped to the vice mayor asking", () => {
  const VM = { username: 'vm-a', departmentUnitIds: ['rsj', 'jtj'] };
  const OTHER = { username: 'vm-b', departmentUnitIds: ['rsj', 'jtj'] };
  const inCharge = (leader?: string) => ({ assignment: { mode: 'single', ...(leader ? { leaderInCharge: leader } : {}) } });
  const approve = (stage: string) => ({ stage, approve: true, comment: '', at: '2026-04-01' });
  const doc = (over: object) => ({ round: 1, title: 't', body: 'b', stages: ['office_director', 'vice_mayor_signature'], reviews: [], status: 'in_review', compiledAt: '2026-04-02', ...over });
  const satisfied = { attitude: 'satisfied', result: 'satisfied', contact: 'visit', sendBack: false, at: '2026-04-03' };
  const vmQueue = (awaiting: Awaiting, viceMayor = VM) => names({ awaiting, viceMayor, page: 1, pageSize: 50 });

  beforeAll(async () => {
    await row('vm-major-mine', { status: 'registered', major: true, state: { majorApproval: { viceMayor: 'vm-a', submittedAt: '2026-03-01' } } });
    await row('vm-major-other', { status: 'registered', major: true, state: { majorApproval: { viceMayor: 'vm-b', submittedAt: '2026-03-01' } } });
    await row('vm-major-done', { status: 'registered', major: true, state: { majorApproval: { viceMayor: 'vm-a', submittedAt: '2026-03-01', approvedAt: '2026-03-02' } } });
    const joint = { stages: ['unit_leader', 'vice_mayor', 'office'] };
    await row('vm-review-mine', { state: { ...inCharge('vm-a'), replies: [reply({ ...joint, reviews: [approve('unit_leader')] })] } });
    await row('vm-review-unnamed', { state: { ...inCharge(), replies: [reply({ ...joint, reviews: [approve('unit_leader')] })] } });
    await row('vm-review-other', { state: { ...inCharge('vm-b'), replies: [reply({ ...joint, reviews: [approve('unit_leader')] })] } });
    await row('vm-review-not-yet', { state: { ...inCharge('vm-a'), replies: [reply({ ...joint })] } });
    await row('vm-sign-mine', { state: { ...inCharge('vm-a'), replies: [reply({ status: 'document_in_review', documents: [doc({ reviews: [approve('office_director')] })] })] } });
    await row('vm-sign-not-yet', { state: { ...inCharge('vm-a'), replies: [reply({ status: 'document_in_review', documents: [doc({})] })] } });
    await row('vm-sign-old-round', {
      state: { ...inCharge('vm-a'), replies: [reply({ status: 'awaiting_document', documents: [doc({ status: 'returned', reviews: [approve('office_director')] })] })] },
    });
    await row('vm-read-mine', { status: 'archived', state: { ...inCharge('vm-a'), replies: [reply({ status: 'closed', feedback: satisfied })] } });
    await row('vm-read-organization', { state: { ...inCharge('vm-a'), replies: [reply({ unitId: 'cl', status: 'sent', feedback: satisfied })] } });
    await row('vm-read-done', { state: { ...inCharge('vm-a'), replies: [reply({ status: 'sent', feedback: satisfied, reading: { by: 'vm-a', at: '2026-04-04' } })] } });
    await row('vm-read-dissatisfied', { state: { ...inCharge('vm-a'), replies: [reply({ status: 'sent', feedback: { ...satisfied, result: 'dissatisfied' } })] } });
    await row('vm-read-sent-back', { state: { ...inCharge('vm-a'), replies: [reply({ status: 'sent', feedback: { ...satisfied, sendBack: true } })] } });
    await row('vm-read-unnamed', { state: { ...inCharge(), replies: [reply({ status: 'sent', feedback: satisfied })] } });
  });

  it('阅批: a major item put before me and not yet approved', async () => {
    expect(await vmQueue('vice-mayor-major')).toEqual(['vm-major-mine']);
  });

  it('审查: a joint reply at my stage, where I am in charge or none is named', async () => {
    expect(await vmQueue('vice-mayor-review')).toEqual(['vm-review-mine', 'vm-review-unnamed']);
  });

  it('签发: the latest government document waiting for my signature', async () => {
    expect(await vmQueue('vice-mayor-signing')).toEqual(['vm-sign-mine']);
  });

  it('阅示: a satisfied reply of a department, not read, where I am the leader in charge (also archived)', async () => {
    expect(await vmQueue('vice-mayor-reading')).toEqual(['vm-read-mine']);
  });

  it('vice-mayor: all of them in one queue, paged on the server', async () => {
    expect(await vmQueue('vice-mayor')).toEqual(['vm-major-mine', 'vm-read-mine', 'vm-review-mine', 'vm-review-unnamed', 'vm-sign-mine']);
    const page = await listProposals(db.pool, { awaiting: 'vice-mayor', viceMayor: VM, page: 2, pageSize: 2 });
    expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it("another vice mayor's queue holds only theirs; without a vice mayor the queue is empty", async () => {
    expect(await vmQueue('vice-mayor', OTHER)).toEqual(['vm-major-other', 'vm-review-other', 'vm-review-unnamed']);
    expect(await names({ awaiting: 'vice-mayor', page: 1, pageSize: 50 })).toEqual([]);
  });
});
