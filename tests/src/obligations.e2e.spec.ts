/**
 * The obligations beside the reply (issue 9, items 5 and 10), through HTTP on the real Temporal
 * server and PostgreSQL: 催办升级 — reminders climb from the handler to the unit's leader in charge
 * and, once the unit is overdue without an explanation, to the liaison office and the office — and
 * 承诺事项跟踪 — a category B reply's unit is asked for follow-up reports until it reports the
 * promise done, also after the item is archived. Timers run on the item's workflow, shortened by
 * test policies (kept by the item from its registration); assignments are backdated so the
 * return window is closed from the start (SPEC §5). 总结工作 (Art. 12): a unit with two items of a
 * year owes a summary once the last is done, on its unit-year workflow's timers.
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
  const users = ['office', 'rsj-handler', 'rsj-leader', 'wjw-handler', 'npc-liaison', 'cppcc-liaison', 'deputy-1', 'jyj-handler', 'jyj-leader'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const inboxOf = async (user: string, id: string, kind: string) =>
  ((await as[user].get('/api/me/inbox?pageSize=100')).body.items as any[]).filter((n) => n.proposalId === id && n.kind === kind);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Registers under `policy` (the item keeps it), then restores the defaults for the other items. */
async function registerUnder(policy: Record<string, unknown>, title: string): Promise<string> {
  await publishPolicy(stack.pool, policy, 'e2e');
  const reg = await as.office.post('/api/proposals', registration({ title, proposers: [{ name: '测试代表甲', username: 'deputy-1' }] }));
  expect(reg.status).toBe(201);
  await publishPolicy(
    stack.pool,
    { replyPeriod: 'P3M', replyReminders: ['P30D', 'P7D'], overdueReminderEvery: 'P7D', leaderReminders: ['P7D', 'P3D'], supervisionReminderEvery: 'P7D', promiseFollowUpEvery: 'P3M', promiseReportWithin: 'P15D' },
    'e2e',
  );
  const id: string = reg.body.id;
  // 接办 20 days ago: the 15-day return window has closed; the reply period counts from now (seconds).
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(-20) })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  return id;
}

describe('催办升级: the handler, then the leader in charge, then the liaison office and the office', () => {
  let id: string;

  it('before the deadline the leader in charge is reminded (the handler has its own reminder); overdue, the NPC liaison office and the office, again every period', async () => {
    id = await registerUnder(
      { replyPeriod: 'PT24S', replyReminders: ['PT18S'], leaderReminders: ['PT10S'], supervisionReminderEvery: 'PT5S', overdueReminderEvery: 'P7D' },
      '关于规范共享单车停放的建议',
    );
    const events = await eventually(
      'two escalations to the supervisors',
      async () => {
        const all = await eventsOf(id);
        return all.filter((e) => e.type === 'ReminderEscalated' && e.data.level === 'supervision').length >= 2 ? all : undefined;
      },
      60_000,
    );
    const timeline = events
      .filter((e) => ['ReminderIssued', 'ReminderEscalated', 'ReplyDeadlinePassed'].includes(e.type))
      .map((e) => (e.type === 'ReminderEscalated' ? `escalated:${e.data.level}` : e.type === 'ReminderIssued' ? `handler:${e.data.reminder}` : e.type));
    expect(timeline.slice(0, 5)).toEqual(['handler:reply_18s', 'escalated:leader', 'ReplyDeadlinePassed', 'escalated:supervision', 'escalated:supervision']);
    const due = events.find((e) => e.type === 'ReplyDeadlinePassed');
    const sup = events.filter((e) => e.type === 'ReminderEscalated' && e.data.level === 'supervision');
    expect(sup[0].data).toMatchObject({ unitId: 'rsj', chamber: 'npc', overdue: true, dueAt: due.data.dueAt });
    expect(Date.parse(sup[0].occurredAt)).toBe(Date.parse(due.occurredAt));
    expect(Date.parse(sup[1].occurredAt) - Date.parse(sup[0].occurredAt)).toBe(5000);
  });

  it('each level reaches its own people: the leader, then the office and the NPC liaison office (not the CPPCC’s, not the handler)', async () => {
    const leader = await eventually('the leader’s notice', async () => ((await inboxOf('rsj-leader', id, 'reminder_escalated')).length >= 1 ? inboxOf('rsj-leader', id, 'reminder_escalated') : undefined));
    expect(leader[0].title).toContain('催办（分管领导）');
    const office = await eventually('the office’s notices', async () => ((await inboxOf('office', id, 'reminder_escalated')).length >= 2 ? inboxOf('office', id, 'reminder_escalated') : undefined));
    expect(office[0].title).toContain('超期通报：');
    const liaison = await eventually('the NPC liaison office’s notices', async () => ((await inboxOf('npc-liaison', id, 'reminder_escalated')).length >= 2 ? inboxOf('npc-liaison', id, 'reminder_escalated') : undefined));
    expect(liaison[0].body).toContain('市人大常委会选任联工委');
    expect(await inboxOf('cppcc-liaison', id, 'reminder_escalated')).toEqual([]);
    expect(await inboxOf('rsj-handler', id, 'reminder_escalated')).toEqual([]);
    // The leader is not told of the supervisors' round, nor the office of the leader's.
    expect((await inboxOf('rsj-leader', id, 'reminder_escalated')).every((n) => n.title.includes('分管领导'))).toBe(true);
  });

  it('a reply stops the escalation', async () => {
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'A', body: '关于您提出的建议，答复如下：已完成。' });
    expect(d.status).toBe(201);
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${d.body.replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${d.body.replyId}/review`, { approve: true, comment: '同意' })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${d.body.replyId}/send`)).status).toBe(200);
    const count = (await eventsOf(id)).filter((e) => e.type === 'ReminderEscalated').length;
    await wait(7000);
    expect((await eventsOf(id)).filter((e) => e.type === 'ReminderEscalated').length).toBe(count);
  });
});

describe('承诺事项跟踪: a B reply asks for follow-up reports until done, also after archiving', () => {
  let id: string;
  let replyId: string;

  it('a B reply is sent and the proposer is satisfied: the item is archived', async () => {
    id = await registerUnder({ promiseFollowUpEvery: 'PT8S', promiseReportWithin: 'PT30S' }, '关于加快建设社区养老服务中心的建议');
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：已列入明年计划，年底前建成。' });
    expect(d.status).toBe(201);
    replyId = d.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '同意' })).status).toBe(200);
    const sent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.replies[0].promise).toEqual({ followUps: [], reports: [], fulfilledAt: null, open: true });
    const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies[0].feedbackToken;
    const answer = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' });
    expect(answer.status).toBe(200);
    await eventually('archived', async () => ((await eventsOf(id)).some((e) => e.type === 'ProposalArchived') ? true : undefined));
  });

  it('after archiving, the follow-up requests keep coming every period, each told to the unit', async () => {
    const events = await eventually(
      'two follow-up requests',
      async () => {
        const all = await eventsOf(id);
        return all.filter((e) => e.type === 'PromiseFollowUpRequested').length >= 2 ? all : undefined;
      },
      60_000,
    );
    const archivedAt = Date.parse(events.find((e) => e.type === 'ProposalArchived').occurredAt);
    const requests = events.filter((e) => e.type === 'PromiseFollowUpRequested');
    expect(requests.map((e) => e.data.round)).toEqual([1, 2]);
    expect(Date.parse(requests[1].occurredAt)).toBeGreaterThan(archivedAt);
    expect(Date.parse(requests[1].occurredAt) - Date.parse(requests[0].occurredAt)).toBe(8000);
    expect(Date.parse(requests[0].data.dueAt) - Date.parse(requests[0].occurredAt)).toBe(30_000);
    expect(requests[0].data).toMatchObject({ unitId: 'rsj', replyId });
    const notices = await eventually('the unit’s notice', async () => ((await inboxOf('rsj-handler', id, 'promise_follow_up')).length >= 1 ? inboxOf('rsj-handler', id, 'promise_follow_up') : undefined));
    expect(notices[0].body).toContain('B类');
  });

  it('only the reply’s unit reports; a report with done = true fulfils the promise, and no further request comes', async () => {
    const path = `/api/proposals/${id}/replies/${replyId}/promise-progress`;
    const foreign = await as['wjw-handler'].post(path, { text: '……', done: false });
    expect(foreign.status).toBe(403);
    expect((await as['rsj-handler'].post(path, { text: '  ', done: false })).status).toBe(400);
    const progress = await as['rsj-handler'].post(path, { text: '选址已确定，正在施工', done: false });
    expect(progress.status).toBe(200);
    const done = await as['rsj-leader'].post(path, { text: '已建成投入使用', done: true });
    expect(done.status).toBe(200);
    expect(done.body.replies[0].promise).toMatchObject({ open: false, fulfilledAt: expect.any(String), reports: [{ done: false }, { done: true }] });
    const again = await as['rsj-handler'].post(path, { text: '再报', done: false });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROMISE_FULFILLED');
    const events = await eventsOf(id);
    expect(events.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['PromiseProgressReported', { unitId: 'rsj', replyId, text: '已建成投入使用', done: true }],
      ['PromiseFulfilled', { unitId: 'rsj', replyId }],
    ]);
    const requests = events.filter((e) => e.type === 'PromiseFollowUpRequested').length;
    await wait(12_000); // one and a half periods
    expect((await eventsOf(id)).filter((e) => e.type === 'PromiseFollowUpRequested').length).toBe(requests);
  });
});

/** An item of `unitId` handled to the end: an A reply, the proposer satisfied, archived. */
async function archivedItem(unitId: string, title: string): Promise<string> {
  const reg = await as.office.post('/api/proposals', registration({ title, proposers: [{ name: '测试代表甲', username: 'deputy-1' }] }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: [unitId], assignedOn: shanghaiDay(-20) })).status).toBe(200);
  expect((await as[`${unitId}-handler`].post(`/api/proposals/${id}/units/${unitId}/receipt`)).status).toBe(200);
  const d = await as[`${unitId}-handler`].post(`/api/proposals/${id}/replies`, { unitId, category: 'A', body: '关于您提出的建议，答复如下：已解决。' });
  expect(d.status).toBe(201);
  expect((await as[`${unitId}-leader`].post(`/api/proposals/${id}/replies/${d.body.replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${d.body.replyId}/review`, { approve: true, comment: '同意' })).status).toBe(200);
  expect((await as[`${unitId}-handler`].post(`/api/proposals/${id}/replies/${d.body.replyId}/send`)).status).toBe(200);
  const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies.at(-1).feedbackToken;
  expect((await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' })).status).toBe(200);
  await eventually(`${title} archived`, async () => ((await eventsOf(id)).some((e) => e.type === 'ProposalArchived') ? true : undefined));
  return id;
}

describe('总结工作 (Art. 12): a unit with two items of the year owes a summary once the last is done', () => {
  const summaries = async (unitId: string) => (await as[`${unitId}-leader`].get(`/api/units/${unitId}/summaries?year=2026`)).body as any[];
  const unitNotice = async (user: string, kind: string) => ((await as[user].get('/api/me/inbox?pageSize=100')).body.items as any[]).filter((n) => n.kind === kind);

  it('after the first item nothing is owed; after the second, the summary is owed for one period (policy) after it', async () => {
    await publishPolicy(stack.pool, { unitSummaryPeriod: 'PT20S', unitSummaryReminderBefore: 'PT10S' }, 'e2e');
    await archivedItem('jyj', '关于增加中小学课后服务供给的建议');
    await wait(3000);
    expect(await summaries('jyj')).toEqual([]);
    const early = await as['jyj-leader'].post('/api/units/jyj/summaries/2026', { text: '总结' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('UNIT_SUMMARY_NOT_OWED');

    await archivedItem('jyj', '关于建设青少年校外活动中心的建议');
    const [owed] = await eventually('the summary owed', async () => ((await summaries('jyj')).length ? summaries('jyj') : undefined));
    expect(owed).toMatchObject({ unitId: 'jyj', year: 2026, status: 'owed', items: 2, overdue: false, submittedAt: null });
    expect(Date.parse(owed.dueAt) - Date.parse(owed.lastDoneAt)).toBe(20_000);
    const notice = await eventually('the unit’s notice', async () => ((await unitNotice('jyj-leader', 'unit_summary_owed')).length ? unitNotice('jyj-leader', 'unit_summary_owed') : undefined));
    expect(notice[0]).toMatchObject({ title: '请报送 2026 年度办理工作总结', proposalId: null });
    // rsj has two items of 2026 too, one not archived: it owes nothing yet.
    expect(((await as.office.get('/api/unit-summaries?year=2026')).body as any[]).map((s) => s.unitId)).toEqual(['jyj']);
  });

  it('reminded before the deadline, found overdue after it (the office is told); the leader’s late summary clears it', async () => {
    const [overdue] = await eventually(
      'the overdue finding',
      async () => {
        const s = await summaries('jyj');
        return s[0]?.overdueAt ? s : undefined;
      },
      60_000,
    );
    expect(overdue).toMatchObject({ status: 'owed', overdue: true, remindedAt: expect.any(String) });
    expect(Date.parse(overdue.dueAt) - Date.parse(overdue.remindedAt)).toBe(10_000);
    await eventually('the reminder notice', async () => ((await unitNotice('jyj-handler', 'unit_summary_reminder')).length ? true : undefined));
    await eventually('the office’s finding', async () => ((await unitNotice('office', 'unit_summary_overdue')).length ? true : undefined));

    const handler = await as['jyj-handler'].post('/api/units/jyj/summaries/2026', { text: '总结' });
    expect(handler.status).toBe(403);
    const foreign = await as['rsj-leader'].post('/api/units/jyj/summaries/2026', { text: '总结' });
    expect(foreign.status).toBe(403);
    expect((await as['jyj-leader'].post('/api/units/jyj/summaries/2026', { text: ' ' })).status).toBe(400);
    const submitted = await as['jyj-leader'].post('/api/units/jyj/summaries/2026', { text: '本单位 2026 年度承办建议 2 件，均已办结，代表满意。' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: true, overdue: false, text: '本单位 2026 年度承办建议 2 件，均已办结，代表满意。' });
    const again = await as['jyj-leader'].post('/api/units/jyj/summaries/2026', { text: '再报' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('UNIT_SUMMARY_SUBMITTED');
    expect((await as.office.get('/api/unit-summaries?year=2026')).body).toEqual([expect.objectContaining({ unitId: 'jyj', status: 'submitted' })]);
    await publishPolicy(stack.pool, { unitSummaryPeriod: 'P1M', unitSummaryReminderBefore: 'P7D' }, 'e2e');
  });
});

describe('workflow determinism', () => {
  it('the histories this file recorded replay against the current workflow code', async () => {
    const { ids, results } = await replayEveryItem(stack.pool, 'obligations');
    expect(results).toHaveLength(ids.length);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});
