/**
 * Notices end to end (SPEC §5 "in-app inbox per user and outbox for e-mail"): the API's
 * `notifications` projection fills each user's inbox from the events, and the worker's outbox
 * sender e-mails them through SMTP — here a tiny SMTP server this test runs on 127.0.0.1.
 */
import { startFakeSmtp, type FakeSmtp } from '@jyta/notifications/src/testing/fake-smtp';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let smtp: FakeSmtp;
let stack: Stack;
let office: ApiClient;
let rsj: ApiClient; // 市人社局 handler
let rsjLeader: ApiClient;
let jyj: ApiClient; // 市教育局 handler, never assigned
let deputy1: ApiClient; // the item's proposer
let deputy2: ApiClient;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  stack = await startStack({ env: { SMTP_URL: smtp.url, SMTP_FROM: 'banli@example.gov.cn', OUTBOX_POLL_MS: '200' } });
  // The demo directory has no e-mail addresses: give the rsj handler one.
  await stack.pool.query(`UPDATE users SET email = 'rsj-handler@example.org' WHERE username = 'rsj-handler'`);
  [office, rsj, rsjLeader, jyj, deputy1, deputy2] = await Promise.all(
    ['office', 'rsj-handler', 'rsj-leader', 'jyj-handler', 'deputy-1', 'deputy-2'].map((u) => ApiClient.login(stack.baseUrl, u)),
  );
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

const TITLE = '关于加强职业技能培训的建议';
const inbox = async (client: ApiClient, query = '') => {
  const res = await client.get(`/api/me/inbox${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: any[]; total: number; unreadCount: number; page: number; pageSize: number };
};
const noticeOf = (client: ApiClient, proposalId: string, kind: string) =>
  eventually(`${kind} notice`, async () => (await inbox(client)).items.find((n) => n.proposalId === proposalId && n.kind === kind));

describe('交办 and 退转 notices', () => {
  let id: string;
  let assignedNotice: any;

  it('office registers and assigns an item to 市人社局', async () => {
    const reg = await office.post('/api/proposals', registration({ title: TITLE }));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    const asg = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay() });
    expect(asg.status).toBe(200);
  });

  it("the rsj handler's (and leader's) inbox gets the 交办 notice, with the reply deadline", async () => {
    assignedNotice = await noticeOf(rsj, id, 'assigned');
    const detail = await rsj.get(`/api/proposals/${id}`);
    const replyDueAt: string = detail.body.assignments[0].replyDueAt;
    expect(assignedNotice.title).toMatch(new RegExp(`^新交办：《${TITLE}》，答复期限 \\d{4}-\\d{2}-\\d{2}`));
    // 24:00 of the last day, Shanghai time
    const lastDay = new Date(Date.parse(replyDueAt) + 8 * 3600_000 - 1).toISOString().slice(0, 10);
    expect(assignedNotice.title).toContain(lastDay);
    expect(assignedNotice.body).toContain(detail.body.number);
    expect(assignedNotice.readAt).toBeNull();
    await noticeOf(rsjLeader, id, 'assigned');
  });

  it("the jyj handler's inbox does not, and nobody's inbox shows another's notices", async () => {
    const own = await inbox(jyj);
    expect(own.items.filter((n) => n.proposalId === id)).toEqual([]);
    expect(own.items.map((n) => n.id)).not.toContain(assignedNotice.id);
    expect((await inbox(office)).items.map((n) => n.id)).not.toContain(assignedNotice.id);
  });

  it('the notice is e-mailed by the worker to the handler with an address, and only to them', async () => {
    const mail = await smtp.waitFor((m) => m.to.includes('rsj-handler@example.org') && m.subject.includes(TITLE), 30_000);
    expect(mail.from).toBe('banli@example.gov.cn');
    expect(mail.subject).toBe(`【建议提案办理】${assignedNotice.title}`);
    expect(mail.text).toContain(assignedNotice.body);
    const { rows } = await stack.pool.query(`SELECT recipient, sent_at, attempts FROM outbox`);
    expect(rows.map((r) => r.recipient)).toEqual(['rsj-handler@example.org']);
    await eventually('sent_at', async () =>
      (await stack.pool.query(`SELECT 1 FROM outbox WHERE sent_at IS NOT NULL`)).rows.length ? true : undefined,
    );
  });

  it("the rsj handler asks to return the item: the office's inbox gets it", async () => {
    const req = await rsj.post(`/api/proposals/${id}/units/rsj/return-request`, { reason: '该事项属市教育局职责，建议改交市教育局办理。' });
    expect(req.status).toBe(200);
    const notice = await noticeOf(office, id, 'return_requested');
    expect(notice.title).toBe(`退转申请：市人社局申请退转《${TITLE}》`);
    expect(notice.body).toContain('该事项属市教育局职责');
    expect((await inbox(jyj)).items.filter((n) => n.proposalId === id)).toEqual([]);
  });

  it('marking read works for one’s own notice only; others’ answer 404', async () => {
    const before = await inbox(rsj, '?unread=true');
    expect(before.items.map((n) => n.id)).toContain(assignedNotice.id);

    const foreign = await jyj.post(`/api/me/inbox/${assignedNotice.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await office.post(`/api/me/inbox/${assignedNotice.id}/read`)).status).toBe(404);
    expect((await inbox(rsj, '?unread=true')).unreadCount).toBe(before.unreadCount);

    const read = await rsj.post(`/api/me/inbox/${assignedNotice.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: assignedNotice.id, kind: 'assigned' });
    expect(Date.parse(read.body.readAt)).not.toBeNaN();

    const after = await inbox(rsj, '?unread=true');
    expect(after.items.map((n) => n.id)).not.toContain(assignedNotice.id);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    const all = await inbox(rsj);
    expect(all.items.find((n) => n.id === assignedNotice.id).readAt).toBe(read.body.readAt);
    // the leader's own copy is untouched
    expect((await inbox(rsjLeader)).items.find((n) => n.proposalId === id).readAt).toBeNull();
  });

  it('refuses a malformed id, bad paging and a missing token', async () => {
    expect((await rsj.post('/api/me/inbox/not-a-uuid/read')).status).toBe(400);
    expect((await rsj.get('/api/me/inbox?pageSize=1000')).status).toBe(400);
    expect((await new ApiClient(stack.baseUrl).get('/api/me/inbox')).status).toBe(401);
    const all = await rsjLeader.post('/api/me/inbox/read-all');
    expect(all.status).toBe(200);
    expect(all.body.marked).toBeGreaterThanOrEqual(1);
    expect((await inbox(rsjLeader)).unreadCount).toBe(0);
    const page = await inbox(rsj, '?page=1&pageSize=1');
    expect(page).toMatchObject({ page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });

  it("the office rejects the return: the rsj handler's inbox says so", async () => {
    const dec = await office.post(`/api/proposals/${id}/units/rsj/return-decision`, { approve: false, comment: '属本单位职责，请继续办理' });
    expect(dec.status).toBe(200);
    const notice = await noticeOf(rsj, id, 'return_rejected');
    expect(notice.body).toContain('属本单位职责，请继续办理');
    expect((await inbox(rsjLeader)).items.filter((n) => n.proposalId === id).map((n) => n.kind)).toEqual(['assigned']);
  });

  it("a sent reply reaches the proposer's inbox with the feedback form's token (SPEC §10), and nobody else's", async () => {
    expect((await rsj.post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const draft = await rsj.post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' });
    expect(draft.status).toBe(201);
    const replyId: string = draft.body.replyId;
    expect((await rsjLeader.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await rsj.post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);

    const notice = await eventually('reply_sent notice with its token', async () =>
      (await inbox(deputy1)).items.find((n) => n.proposalId === id && n.kind === 'reply_sent' && n.feedbackToken),
    );
    expect(notice.title).toBe(`答复已送达：《${TITLE}》`);
    expect(notice.replyId).toBe(replyId);
    const detail = await deputy1.get(`/api/proposals/${id}`);
    expect(notice.feedbackToken).toBe(detail.body.replies.find((r: any) => r.id === replyId).feedbackToken);
    // the token is in no text, and no one else's inbox has the notice
    expect(notice.body).not.toContain(notice.feedbackToken);
    expect((await inbox(deputy2)).items.filter((n) => n.proposalId === id)).toEqual([]);
    for (const c of [rsj, office]) expect(JSON.stringify((await inbox(c)).items)).not.toContain(notice.feedbackToken);
  });
});
