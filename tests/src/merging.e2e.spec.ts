/**
 * 并案办理 end to end (Art. 6, 10, 11, 17), through HTTP on the real Temporal server and PostgreSQL:
 * three suggestions of three NPC deputies merged into the first and handled once; each deputy gets
 * their own copy of the reply, their own feedback form and their own archive; one sends it back
 * and only they get the second reply. A CPPCC proposal is refused; a split item is assigned on its own.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ITEM_STEPS_WORKFLOW_TYPE, operationId, type ItemStepsInput } from '@jyta/workflows';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { fetchWorkflowHistories, keepAsFixtures, replay, replayEveryItem } from './histories';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'jtj-handler', 'deputy-1', 'deputy-2', 'deputy-3', 'deputy-4', 'member-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const register = async (username: string, overrides: Record<string, unknown> = {}) => {
  const res = await as.office.post('/api/proposals', registration({ proposers: [{ name: `代表${username}`, username }], ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; number: string };
};
const detail = async (client: ApiClient, id: string) => (await client.get(`/api/proposals/${id}`)).body;
const typesOf = async (id: string) => ((await as.office.get(`/api/proposals/${id}/events`)).body as any[]).map((e) => e.type);
const inbox = async (client: ApiClient) => (await client.get('/api/me/inbox?pageSize=100')).body.items as any[];
const answer = (token: string, body: Record<string, unknown>) => new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, body);
const satisfied = { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' };

/** The proposer's own open form on their item: the token of the reply they have to answer. */
const openToken = (client: ApiClient, id: string, round: number) =>
  eventually(`form of round ${round}`, async () => (await detail(client, id)).replies.find((r: any) => r.round === round && r.feedbackToken)?.feedbackToken as string | undefined);

async function replyApprovedAndSent(id: string, body: string) {
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  const sent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`);
  expect(sent.status).toBe(200);
  return replyId;
}

describe('并案办理 (Art. 6, 10, 11, 17): three deputies\' suggestions handled as one, each with their own reply and form', () => {
  let a: { id: string; number: string };
  let b: { id: string; number: string };
  let c: { id: string; number: string };
  const tokens: Record<string, string> = {};

  it('Art. 6: merging is all or nothing — a CPPCC proposal among NPC suggestions is refused, naming it, and nothing is merged', async () => {
    a = await register('deputy-1');
    b = await register('deputy-2');
    c = await register('deputy-3');
    const m = await register('member-1', { kind: 'cppcc_proposal' });
    const refused = await as.office.post(`/api/proposals/${a.id}/merge`, { itemIds: [b.id, c.id, m.id] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'MERGE_CHAMBER_MISMATCH', details: { itemId: m.id, number: m.number } });
    expect(refused.body.message).toContain(m.number);
    expect((await detail(as.office, b.id)).status).toBe('registered');
    // Only the office merges; a bad request names the field.
    expect((await as['rsj-handler'].post(`/api/proposals/${a.id}/merge`, { itemIds: [b.id] })).status).toBe(403);
    const bad = await as.office.post(`/api/proposals/${a.id}/merge`, { itemIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('itemIds');
    expect((await as.office.post(`/api/proposals/${a.id}/merge`, { itemIds: [a.id] })).status).toBe(400);
  });

  it('Art. 6: merged into the main item, the others follow it: status merged, no assignment of their own', async () => {
    const res = await as.office.post(`/api/proposals/${a.id}/merge`, { itemIds: [b.id, c.id] });
    expect(res.status).toBe(200);
    expect(res.body.mergedItems.map((x: any) => [x.id, x.number, x.status, x.title])).toEqual([
      [b.id, b.number, 'merged', expect.any(String)],
      [c.id, c.number, 'merged', expect.any(String)],
    ]);
    expect(await detail(as.office, b.id)).toMatchObject({ status: 'merged', mergedInto: { id: a.id, number: a.number } });
    const list = (await as.office.get('/api/proposals?status=merged&pageSize=100')).body.items.map((x: any) => x.id);
    expect(list).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(list).not.toContain(a.id);
    const own = await as.office.post(`/api/proposals/${b.id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ code: 'MERGED_INTO_OTHER', details: { mainProposalId: a.id, mainNumber: a.number } });
    expect(own.body.message).toContain(a.number);
  });

  it('Art. 10, 11: the main item is handled once; each deputy gets their own copy and their own form, and sees nobody else\'s', async () => {
    expect((await as.office.post(`/api/proposals/${a.id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
    // Decided at registration and assignment: an assigned item takes no more items.
    const late = await as.office.post(`/api/proposals/${a.id}/merge`, { itemIds: [(await register('deputy-4')).id] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ALREADY_ASSIGNED', details: { itemId: a.id } });
    expect((await as['rsj-handler'].post(`/api/proposals/${a.id}/units/rsj/receipt`)).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${a.id}/units/rsj/contacts`, { method: 'face_to_face', on: shanghaiDay(), summary: '与三位代表座谈' })).status).toBe(200);
    await replyApprovedAndSent(a.id, '关于加装电梯的建议，答复如下：……');

    tokens['deputy-1'] = await openToken(as['deputy-1'], a.id, 1);
    tokens['deputy-2'] = await openToken(as['deputy-2'], b.id, 1);
    tokens['deputy-3'] = await openToken(as['deputy-3'], c.id, 1);
    expect(new Set(Object.values(tokens)).size).toBe(3);
    const copy = (await detail(as['deputy-2'], b.id)).replies[0];
    expect(copy).toMatchObject({ unitId: 'rsj', round: 1, status: 'sent', category: 'B', merging: { from: { proposalId: a.id, number: a.number } } });
    expect(copy.feedbackDueAt).toEqual(expect.any(String));
    // Each one's inbox carries their own token only.
    for (const [user, id] of [['deputy-1', a.id], ['deputy-2', b.id], ['deputy-3', c.id]] as const) {
      const notice = await eventually(`${user}'s notice`, async () => (await inbox(as[user])).find((n) => n.kind === 'reply_sent' && n.feedbackToken));
      expect(notice).toMatchObject({ proposalId: id, feedbackToken: tokens[user] });
      expect((await inbox(as[user])).filter((n) => n.feedbackToken).map((n) => n.feedbackToken)).toEqual([tokens[user]]);
    }
    expect((await detail(as.office, a.id)).replies[0].feedbackToken).toBeUndefined();
    expect((await as['deputy-1'].get(`/api/proposals/${b.id}`)).status).toBe(403);
    expect((await as['deputy-2'].get(`/api/proposals/${a.id}`)).status).toBe(403);
  });

  it('Art. 11, 17: deputies 1 and 3 are satisfied — deputy 3\'s item is archived on its own, the main item waits for deputy 2', async () => {
    expect((await answer(tokens['deputy-1'], satisfied)).status).toBe(200);
    const c1 = await answer(tokens['deputy-3'], { ...satisfied, result: 'basically_satisfied' });
    expect(c1.status).toBe(200);
    expect(c1.body.proposalStatus).toBe('archived');
    await eventually('C done on the main item', async () => ((await detail(as.office, a.id)).mergedItems.find((x: any) => x.id === c.id)?.status === 'done' ? true : undefined));
    const main = await detail(as.office, a.id);
    expect(main.status).toBe('assigned');
    expect(main.assignments[0].status).toBe('done');
  });

  it('Art. 10: deputy 2 sends it back — the unit handles it again and the second reply reaches deputy 2 only', async () => {
    expect((await answer(tokens['deputy-2'], { attitude: 'basically_satisfied', result: 'dissatisfied', contact: 'face_to_face', comments: '进度太慢', sendBack: true })).status).toBe(200);
    expect((await detail(as.office, b.id)).status).toBe('merged');
    await eventually('the unit handling again', async () => ((await detail(as.office, a.id)).assignments[0].status === 'handling' ? true : undefined));
    expect((await detail(as.office, a.id)).mergedItems.find((x: any) => x.id === b.id)).toMatchObject({ status: 'merged', awaitingReply: true });
    // The re-handling runs on its own deadline, from deputy 2's send-back (SPEC §5).
    const reopened = (await detail(as.office, a.id)).assignments[0];
    expect(reopened).toMatchObject({ round: 2, overdue: false });
    expect(reopened.rounds.map((r: any) => r.round)).toEqual([1, 2]);
    expect(reopened.replyDueAt).toBe(reopened.rounds[1].replyDueAt);

    const r2 = await replyApprovedAndSent(a.id, '再次答复：已列入明年计划，年内开工。');
    const main = await detail(as.office, a.id);
    expect(main.replies.find((r: any) => r.id === r2)).toMatchObject({ round: 2, status: 'closed', merging: { copiedTo: [b.id], forMergedItemsOnly: true } });
    const second = await openToken(as['deputy-2'], b.id, 2);
    expect(second).not.toBe(tokens['deputy-2']);
    expect((await detail(as['deputy-2'], b.id)).replies.map((r: any) => [r.round, r.status, r.sentBack])).toEqual([
      [1, 'closed', true],
      [2, 'sent', false],
    ]);
    // Deputies 1 and 3, satisfied, get nothing new.
    expect((await detail(as['deputy-1'], a.id)).replies.filter((r: any) => r.feedbackToken)).toEqual([]);
    expect((await detail(as['deputy-3'], c.id)).replies).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500)); // the notices projection polls every second
    expect((await inbox(as['deputy-1'])).filter((n) => n.kind === 'reply_sent')).toHaveLength(1);
    expect((await inbox(as['deputy-3'])).filter((n) => n.kind === 'reply_sent')).toHaveLength(1);
    await eventually("deputy 2's second notice", async () => ((await inbox(as['deputy-2'])).some((n) => n.feedbackToken === second) ? true : undefined));
    tokens['deputy-2'] = second;
  });

  it('Art. 11, 17: deputy 2 is satisfied — the merged item and then the main item are archived, every step an event', async () => {
    const res = await answer(tokens['deputy-2'], satisfied);
    expect(res.body.proposalStatus).toBe('archived');
    await eventually('the main item archived', async () => ((await detail(as.office, a.id)).status === 'archived' ? true : undefined));
    expect((await detail(as.office, a.id)).mergedItems.map((x: any) => x.status)).toEqual(['done', 'done']);
    expect(await typesOf(a.id)).toEqual([
      'ProposalRegistered',
      'ProposalsMerged',
      'ProposalAssigned',
      'ReceiptSigned',
      'ContactRecorded',
      'ReplyDrafted',
      'ReplyReviewed',
      'ReplyReviewed',
      'ReplySent',
      'ReplyCopiedToMergedItems',
      'FeedbackFormIssued',
      'FeedbackReceived',
      'MergedItemCompleted',
      'MergedItemReopened',
      'RehandlingStarted',
      'ReplyDrafted',
      'ReplyReviewed',
      'ReplyReviewed',
      'ReplyCopiedToMergedItems',
      'MergedItemCompleted',
      'ProposalArchived',
    ]);
    expect(await typesOf(b.id)).toEqual([
      'ProposalRegistered',
      'MergedIntoProposal',
      'MergedReplyReceived',
      'FeedbackFormIssued',
      'FeedbackReceived',
      'MergedReplyReceived',
      'FeedbackFormIssued',
      'FeedbackReceived',
      'ProposalArchived',
    ]);
    expect(await typesOf(c.id)).toEqual(['ProposalRegistered', 'MergedIntoProposal', 'MergedReplyReceived', 'FeedbackFormIssued', 'FeedbackReceived', 'ProposalArchived']);
    // A done item is not split off.
    const split = await as.office.post(`/api/proposals/${a.id}/split`, { itemId: c.id });
    expect(split.status).toBe(409);
    expect(split.body).toMatchObject({ code: 'MERGED_ITEM_DONE', details: { itemId: c.id } });
  });
});

describe('并案办理: splitting (Art. 6, 17)', () => {
  it('an item split off before assignment returns to registered and is assigned on its own', async () => {
    const main = await register('deputy-3');
    const item = await register('deputy-4');
    expect((await as.office.post(`/api/proposals/${main.id}/merge`, { itemIds: [item.id] })).status).toBe(200);
    const res = await as.office.post(`/api/proposals/${main.id}/split`, { itemId: item.id });
    expect(res.status).toBe(200);
    expect(res.body.mergedItems).toEqual([expect.objectContaining({ id: item.id, status: 'split' })]);
    expect(await detail(as.office, item.id)).toMatchObject({ status: 'registered', mergedInto: null });
    const again = await as.office.post(`/api/proposals/${main.id}/split`, { itemId: item.id });
    expect(again.status).toBe(200); // a retry changes nothing
    const assigned = await as.office.post(`/api/proposals/${item.id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assignments: [expect.objectContaining({ unitId: 'jtj' })] });
    expect((await as['jtj-handler'].post(`/api/proposals/${item.id}/units/jtj/receipt`)).status).toBe(200);
    const other = await register('deputy-4');
    const notMerged = await as.office.post(`/api/proposals/${main.id}/split`, { itemId: other.id });
    expect(notMerged.status).toBe(409);
    expect(notMerged.body.code).toBe('NOT_MERGED');
    expect(await typesOf(item.id)).toEqual(['ProposalRegistered', 'MergedIntoProposal', 'ProposalSplitOff', 'ProposalAssigned', 'ReceiptSigned']);
    expect(await typesOf(main.id)).toEqual(['ProposalRegistered', 'ProposalsMerged', 'MergedProposalSplit']);
  });
});

describe('并案办理 as a durable operation (issue 7, item 8)', () => {
  it('an item refusing midway (a race the API could not see): the operation undoes the merge done so far and reports the refusal', async () => {
    const main = await register('deputy-1');
    const first = await register('deputy-2');
    const late = await register('deputy-3');
    // Assigned after the API's check would have passed: its MergeIntoProposal is refused by its own domain.
    expect((await as.office.post(`/api/proposals/${late.id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() })).status).toBe(200);
    const me = (await as.office.get('/api/me')).body;
    const mainDetail = await detail(as.office, main.id);
    const tell = { type: 'MergeIntoProposal', data: { mainProposalId: main.id, mainNumber: main.number, mainKind: mainDetail.kind, mainLevel: mainDetail.level } };
    const input: ItemStepsInput = {
      kind: 'merge-items',
      steps: [
        { proposalId: first.id, number: first.number, command: tell as ItemStepsInput['steps'][number]['command'] },
        { proposalId: late.id, number: late.number, command: tell as ItemStepsInput['steps'][number]['command'] },
      ],
      undo: { command: { type: 'SplitFromProposal', data: { mainProposalId: main.id } }, steps: [0, 1], alreadyDone: [] },
      actor: { userId: me.id, username: me.username, role: me.role, unitId: null },
      correlationId: 'e2e-undo',
    };
    const id = operationId('merge-items', randomUUID());
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const client = new Client({ connection });
      const result = await client.workflow.execute(ITEM_STEPS_WORKFLOW_TYPE, { taskQueue: stack.taskQueue, workflowId: id, args: [input] });
      expect(result).toMatchObject({ status: 'failed', done: 1, failed: 1, error: { proposalId: late.id, number: late.number, code: 'ALREADY_ASSIGNED', status: 409 } });
    } finally {
      await connection.close();
    }
    // The first item was merged, then split back: registered again, every step an event.
    expect(await typesOf(first.id)).toEqual(['ProposalRegistered', 'MergedIntoProposal', 'ProposalSplitOff']);
    expect(await detail(as.office, first.id)).toMatchObject({ status: 'registered', mergedInto: null });
    expect(await typesOf(late.id)).toEqual(['ProposalRegistered', 'ProposalAssigned']);
    // The office reads the operation and why it failed.
    const op = await as.office.get(`/api/operations/${id}`);
    expect(op.status).toBe(200);
    expect(op.body).toMatchObject({ id, kind: 'merge-items', status: 'failed', total: 2, error: { code: 'ALREADY_ASSIGNED', proposalId: late.id } });
    // Its history (a refusal, then the undo) replays against the current workflow code.
    const histories = await fetchWorkflowHistories([id]);
    keepAsFixtures('merge-undo', histories);
    expect((await replay(histories)).map((r) => r.error)).toEqual([undefined]);
  });

  it('a merge retried with the same Idempotency-Key is the same operation', async () => {
    const main = await register('deputy-1');
    const item = await register('deputy-2');
    const key = { 'idempotency-key': `merge-${main.id}` };
    const first = await as.office.post(`/api/proposals/${main.id}/merge`, { itemIds: [item.id] }, key);
    expect(first.status).toBe(200);
    const again = await as.office.post(`/api/proposals/${main.id}/merge`, { itemIds: [item.id] }, key);
    expect(again.status).toBe(200);
    expect(again.body.mergedItems).toEqual(first.body.mergedItems);
    expect(await typesOf(item.id)).toEqual(['ProposalRegistered', 'MergedIntoProposal']);
    expect(await typesOf(main.id)).toEqual(['ProposalRegistered', 'ProposalsMerged']);
  });
});

describe('workflow determinism', () => {
  it('every item workflow of this file (并案: forwarded signals between items, copies and split) replays against the current workflow code', async () => {
    const { ids, results } = await replayEveryItem(stack.pool, 'merging');
    expect(ids.length).toBeGreaterThan(0);
    expect(results.map((r) => [r.workflowId, r.error])).toEqual(ids.map((id) => [`proposal-${id}`, undefined]));
  });
});
