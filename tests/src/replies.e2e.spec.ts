/**
 * 答复 and 反馈 end to end (Art. 9, 10, 11, 17, 18), through HTTP on the real Temporal server and
 * PostgreSQL: one complete municipal item from registration to archive with its events checked
 * step by step, sent back twice by the proposer and satisfied on the third reply.
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { replayEveryItem } from './histories';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'wjw-handler', 'vice-mayor-1', 'vice-mayor-2', 'deputy-1', 'deputy-2'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const typesOf = async (id: string) => (await eventsOf(id)).map((e) => e.type);

async function assigned(body: Record<string, unknown>) {
  const reg = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1', phone: '13800000000' }] }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), ...body })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  return id;
}

/** Draft → leader → office → send, as the unit would; returns the reply id. */
async function replyApprovedAndSent(id: string, category = 'B') {
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category, body: '关于您提出的建议，答复如下：……' });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '质量审查通过' })).status).toBe(200);
  const sent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`);
  expect(sent.status).toBe(200);
  return replyId;
}

async function tokenFor(id: string, replyId: string) {
  const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
  const token = mine.body.replies.find((r: any) => r.id === replyId)?.feedbackToken;
  expect(token).toEqual(expect.any(String));
  return token as string;
}

describe('Art. 9/10/11/17/18: a complete municipal item, sent back twice and satisfied on the third reply', () => {
  let id: string;
  const replies: string[] = [];

  it('Art. 9/18: a draft goes to the unit leader and the office; the office may send it back (every round kept)', async () => {
    id = await assigned({ mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'vice-mayor-1' });
    const early = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'A', body: '草稿' });
    expect(early.status).toBe(201);
    const first = early.body.replyId;
    // The office cannot skip the unit leader.
    const skip = await as.office.post(`/api/proposals/${id}/replies/${first}/review`, { approve: true });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('WRONG_REVIEW_STAGE');
    // Not approved yet: it cannot be sent.
    const unsent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${first}/send`);
    expect(unsent.status).toBe(409);
    expect(unsent.body.code).toBe('REPLY_NOT_APPROVED');
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${first}/review`, { approve: true })).status).toBe(200);
    const back = await as.office.post(`/api/proposals/${id}/replies/${first}/review`, { approve: false, comment: '答复内容不具体，请补充办理时限' });
    expect(back.status).toBe(200);
    expect(back.body.replies[0]).toMatchObject({ status: 'returned_for_revision' });
    expect(back.body.replies[0].reviews.map((r: any) => [r.stage, r.approve])).toEqual([
      ['unit_leader', true],
      ['office', false],
    ]);
  });

  it('Art. 10: the revised reply is approved and sent with the cc list and the feedback form', async () => {
    replies.push(await replyApprovedAndSent(id));
    const detail = (await as.office.get(`/api/proposals/${id}`)).body;
    const r = detail.replies.find((x: any) => x.id === replies[0]);
    expect(r).toMatchObject({ status: 'sent', round: 1 });
    expect(r.cc).toEqual(['分管副市长（vice-mayor-1）', '市人大选任联工委', '市政府办公厅建议提案处']);
    // Only the proposer's own view carries the token.
    expect(r.feedbackToken).toBeUndefined();
    expect(JSON.stringify(await eventsOf(id))).not.toContain((await tokenFor(id, replies[0])).slice(0, 8));
    expect((await as['deputy-2'].get(`/api/proposals/${id}`)).status).toBe(403);
  });

  it('Art. 11: the proposer is not satisfied and sends it back; then again on the second reply', async () => {
    for (let round = 1; round <= 2; round++) {
      const token = await tokenFor(id, replies[round - 1]);
      const form = await new ApiClient(stack.baseUrl).get(`/api/feedback/${token}`);
      expect(form.body).toMatchObject({ open: true, reply: { round } });
      const res = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, {
        attitude: 'basically_satisfied',
        result: 'dissatisfied',
        contact: 'phone',
        comments: '问题没有实质解决',
        sendBack: true,
      });
      expect(res.status).toBe(200);
      // A form answers once.
      const again = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'phone' });
      expect(again.status).toBe(409);
      replies.push(await replyApprovedAndSent(id, round === 1 ? 'B' : 'A'));
    }
    const detail = (await as.office.get(`/api/proposals/${id}`)).body;
    expect(detail.replies.filter((r: any) => r.status !== 'returned_for_revision').map((r: any) => [r.round, r.sentBack, r.status])).toEqual([
      [1, true, 'closed'],
      [2, true, 'closed'],
      [3, false, 'sent'],
    ]);
  });

  it('Art. 11/17: satisfied on the third reply, the item is archived and refuses changes', async () => {
    const token = await tokenFor(id, replies[2]);
    const res = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' });
    expect(res.status).toBe(200);
    expect(res.body.proposalStatus).toBe('archived');
    const refused = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(), summary: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ARCHIVED');
  });

  it('Art. 17: every step is an event, in order, by the right person', async () => {
    const events = await eventsOf(id);
    const steps = events.map((e) => `${e.type}${e.data.stage ? `:${e.data.stage}` : ''}${e.data.approve === false ? ':back' : ''}|${e.actor?.role ?? ''}`);
    // The form goes out with every reply, and to whom is recorded (never the token) by the system.
    const round = ['ReplyDrafted|unit_handler', 'ReplyReviewed:unit_leader|unit_leader', 'ReplyReviewed:office|office', 'ReplySent|unit_handler', 'FeedbackFormIssued|system'];
    expect(steps).toEqual([
      'ProposalRegistered|office',
      'ProposalAssigned|office',
      'ReceiptSigned|unit_handler',
      'ReplyDrafted|unit_handler',
      'ReplyReviewed:unit_leader|unit_leader',
      'ReplyReviewed:office:back|office',
      ...round,
      'FeedbackReceived|proposer',
      // Each send-back opens a re-handling with its own reply deadline (SPEC §5).
      'RehandlingStarted|proposer',
      ...round,
      'FeedbackReceived|proposer',
      'RehandlingStarted|proposer',
      ...round,
      'FeedbackReceived|proposer',
      'ProposalArchived|proposer',
    ]);
    expect(events.filter((e) => e.type === 'RehandlingStarted').map((e) => [e.data.unitId, e.data.round])).toEqual([
      ['rsj', 2],
      ['rsj', 3],
    ]);
    expect(events.filter((e) => e.type === 'FeedbackReceived').map((e) => e.data.sendBack)).toEqual([true, true, false]);
  });
});

describe('Art. 9: several units together — the vice mayor in charge approves', () => {
  it('lead + co-unit: leader → vice mayor in charge → office; another vice mayor is refused', async () => {
    const id = await assigned({ mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'], leaderInCharge: 'vice-mayor-1' });
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '联合答复' });
    expect(d.body.replies[0].stages).toEqual(['unit_leader', 'vice_mayor', 'office']);
    const replyId = d.body.replyId;
    // The co-unit does not answer on its own.
    const co = await as['wjw-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'wjw', category: 'B', body: 'x' });
    expect(co.status).toBe(409);
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as['vice-mayor-2'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(403);
    const vm = await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true });
    expect(vm.status).toBe(200);
    expect(vm.body.replies[0].currentStage).toBe('office');
  });
});

describe('Art. 11: no answer in the feedback period is "no feedback", never satisfied', () => {
  it('the feedback timer records FeedbackMissing and the item is archived', async () => {
    await publishPolicy(stack.pool, { feedbackPeriod: 'PT6S' }, 'e2e');
    const id = await assigned({ mode: 'single', leadUnitIds: ['rsj'] });
    await publishPolicy(stack.pool, { feedbackPeriod: 'P30D' }, 'e2e');
    const replyId = await replyApprovedAndSent(id, 'C');
    const missing = await eventually('FeedbackMissing', async () => (await eventsOf(id)).find((e) => e.type === 'FeedbackMissing'));
    expect(missing.data.replyId).toBe(replyId);
    expect(missing.actor.role).toBe('system');
    expect(await typesOf(id)).not.toContain('FeedbackReceived');
    const detail = (await as.office.get(`/api/proposals/${id}`)).body;
    expect(detail.status).toBe('archived');
    expect(detail.replies[0]).toMatchObject({ feedback: null, feedbackMissingAt: missing.occurredAt });
  });
});

describe('workflow determinism', () => {
  it('every item workflow of this file (archived items, send-backs and the no-feedback timer) replays against the current workflow code', async () => {
    const { ids, results } = await replayEveryItem(stack.pool, 'replies');
    expect(ids.length).toBeGreaterThan(0);
    expect(results.map((r) => [r.workflowId, r.error])).toEqual(ids.map((id) => [`proposal-${id}`, undefined]));
  });
});
