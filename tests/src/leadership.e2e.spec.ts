/**
 * The vice mayor's readings end to end, through HTTP on the real Temporal server and PostgreSQL:
 * 阅批 of a major item before it may be assigned (Art. 6), and 阅示 of the satisfied replies of
 * government departments (Art. 9).
 */
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'jtj-handler', 'jtj-leader', 'cl-handler', 'cl-leader', 'vice-mayor-1', 'vice-mayor-2', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const typesOf = async (id: string) => ((await as.office.get(`/api/proposals/${id}/events`)).body as any[]).map((e) => e.type);
const assignment = (unit: string) => ({ mode: 'single', leadUnitIds: [unit], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' });

describe('Art. 6 阅批: a major item is assigned only after its leader in charge has read and approved it', () => {
  let id: string;

  it('a major item cannot be assigned before 阅批: 409 MAJOR_APPROVAL_REQUIRED', async () => {
    const reg = await as.office.post('/api/proposals', registration({ title: '关于调整轨道交通线网规划的建议', major: true }));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    const r = await as.office.post(`/api/proposals/${id}/assignment`, assignment('jtj'));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('MAJOR_APPROVAL_REQUIRED');
  });

  it('Art. 6: the office puts it before vice-mayor-1; input and roles are checked', async () => {
    expect((await as.office.post(`/api/proposals/${id}/major-approval/submission`, { viceMayor: 'jtj-handler' })).body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await as.office.post(`/api/proposals/${id}/major-approval/submission`, {})).status).toBe(400);
    expect((await as['jtj-handler'].post(`/api/proposals/${id}/major-approval/submission`, { viceMayor: 'vice-mayor-1' })).status).toBe(403);
    const r = await as.office.post(`/api/proposals/${id}/major-approval/submission`, { viceMayor: 'vice-mayor-1', note: '涉及全市交通全局' });
    expect(r.status).toBe(200);
    expect(r.body.majorApproval).toMatchObject({ viceMayor: 'vice-mayor-1', note: '涉及全市交通全局' });
    expect(r.body.majorApproval.approvedAt).toBeUndefined();
    expect((await as.office.post(`/api/proposals/${id}/assignment`, assignment('jtj'))).body.code).toBe('MAJOR_APPROVAL_REQUIRED');
  });

  it('Art. 6: the vice mayor it was put before finds the 阅批 request in the inbox; another vice mayor does not', async () => {
    const mine = (c: ApiClient) => c.get('/api/me/inbox?pageSize=100').then((r) => (r.body.items as any[]).filter((n) => n.proposalId === id));
    const notice = await eventually('阅批 notice', async () => (await mine(as['vice-mayor-1'])).find((n) => n.kind === 'major_approval_requested'));
    expect(notice.title).toContain('待阅批');
    expect(await mine(as['vice-mayor-2'])).toEqual([]);
  });

  it('Art. 6: only the vice mayor it was put before approves (another gets 403 NOT_IN_CHARGE, the office 403)', async () => {
    expect((await as['vice-mayor-2'].post(`/api/proposals/${id}/major-approval`, {})).body.code).toBe('NOT_IN_CHARGE');
    expect((await as.office.post(`/api/proposals/${id}/major-approval`, {})).status).toBe(403);
    const r = await as['vice-mayor-1'].post(`/api/proposals/${id}/major-approval`, { instructions: '请市交通局牵头，年内拿出方案' });
    expect(r.status).toBe(200);
    expect(r.body.majorApproval).toMatchObject({ viceMayor: 'vice-mayor-1', instructions: '请市交通局牵头，年内拿出方案', approvedAt: expect.any(String) });
    expect((await as['vice-mayor-1'].post(`/api/proposals/${id}/major-approval`, {})).body.code).toBe('ALREADY_DECIDED');
  });

  it('Art. 6/17: after 阅批 it is assigned; the events show 提请阅批 → 阅批 → 交办, by whom', async () => {
    expect((await as.office.post(`/api/proposals/${id}/assignment`, assignment('jtj'))).status).toBe(200);
    const events = (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
    expect(events.map((e) => [e.type, e.actor?.username])).toEqual([
      ['ProposalRegistered', 'office'],
      ['MajorItemSubmittedForApproval', 'office'],
      ['MajorItemApproved', 'vice-mayor-1'],
      ['ProposalAssigned', 'office'],
    ]);
  });

  it('an item that is not major needs no 阅批 and cannot be submitted for one (409 NOT_MAJOR_ITEM)', async () => {
    const reg = await as.office.post('/api/proposals', registration());
    expect((await as.office.post(`/api/proposals/${reg.body.id}/major-approval/submission`, { viceMayor: 'vice-mayor-1' })).body.code).toBe('NOT_MAJOR_ITEM');
    expect((await as.office.post(`/api/proposals/${reg.body.id}/assignment`, assignment('jtj'))).status).toBe(200);
  });
});

describe('Art. 9 阅示: satisfied replies of government departments go before the vice mayor in charge', () => {
  /** Register, assign, sign, reply, send and answer the form as the proposer; returns [item, reply]. */
  async function answered(unit: string, result: string) {
    const reg = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1' }] }));
    const id: string = reg.body.id;
    expect((await as.office.post(`/api/proposals/${id}/assignment`, assignment(unit))).status).toBe(200);
    expect((await as[`${unit}-handler`].post(`/api/proposals/${id}/units/${unit}/receipt`)).status).toBe(200);
    const d = await as[`${unit}-handler`].post(`/api/proposals/${id}/replies`, { unitId: unit, category: 'A', body: '已解决。' });
    const replyId: string = d.body.replyId;
    expect((await as[`${unit}-leader`].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as[`${unit}-handler`].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
    const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies[0].feedbackToken;
    const f = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result, contact: 'face_to_face' });
    expect(f.status).toBe(200);
    return [id, replyId] as const;
  }

  it('a department (市交通局) satisfied: the vice mayor in charge reads it after archiving; the reading is kept and shown', async () => {
    const [id, replyId] = await answered('jtj', 'basically_satisfied');
    expect((await as.office.get(`/api/proposals/${id}`)).body.status).toBe('archived');
    expect((await as['vice-mayor-2'].post(`/api/proposals/${id}/replies/${replyId}/reading`, {})).body.code).toBe('NOT_IN_CHARGE');
    expect((await as['jtj-leader'].post(`/api/proposals/${id}/replies/${replyId}/reading`, {})).status).toBe(403);
    const r = await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/reading`, { comment: '已阅，继续跟踪落实' });
    expect(r.status).toBe(200);
    expect(r.body.replies[0].reading).toMatchObject({ by: 'vice-mayor-1', comment: '已阅，继续跟踪落实', at: expect.any(String) });
    expect((await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/reading`, {})).body.code).toBe('ALREADY_READ');
    expect((await typesOf(id)).slice(-2)).toEqual(['ProposalArchived', 'SatisfiedReplyRead']);
  });

  it('a dissatisfied answer is not read (409 NOT_SATISFIED); nor a reply of a body that is not a government department (市残联: 409 NOT_A_DEPARTMENT)', async () => {
    const [id, replyId] = await answered('jtj', 'dissatisfied');
    expect((await as['vice-mayor-1'].post(`/api/proposals/${id}/replies/${replyId}/reading`, {})).body.code).toBe('NOT_SATISFIED');
    const [id2, reply2] = await answered('cl', 'satisfied');
    expect((await as['vice-mayor-1'].post(`/api/proposals/${id2}/replies/${reply2}/reading`, {})).body.code).toBe('NOT_A_DEPARTMENT');
    expect((await as['vice-mayor-1'].post(`/api/proposals/${id2}/replies/nope/reading`, {})).status).toBe(404);
  });
});
