/**
 * 重新办理 (Art. 10 last sentence, 11, 19; SPEC §5) end to end, through HTTP on the real Temporal
 * server and PostgreSQL: a unit replies inside its deadline; the proposer sends the item back after
 * that deadline has ended. The reply settled the first deadline for good: no overdue flag, a
 * re-handling with its own deadline from the send-back, reminders on it, and overdue against it
 * when it passes unanswered. Deadlines run on the item's Temporal timers, shortened by a test
 * policy; the assignment is backdated so the return window is closed from the start.
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
  const users = ['office', 'rsj-handler', 'rsj-leader', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const detailOf = async (id: string) => (await as.office.get(`/api/proposals/${id}`)).body;
const rsjOf = (detail: any) => detail.assignments.find((a: any) => a.unitId === 'rsj');
const sleepUntil = async (iso: string) => {
  const wait = Date.parse(iso) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
};

describe('重新办理: sent back after the original deadline, the unit runs on a deadline of its own', () => {
  let id: string;
  let firstDue: string;
  let rehandling: any;

  it('the unit replies inside its deadline', async () => {
    // The item's policy (kept from its registration): 30-second reply and re-handling periods,
    // a reminder 20 seconds before each reply deadline, then every 5 seconds while overdue.
    await publishPolicy(stack.pool, { replyPeriod: 'PT30S', rehandlingPeriod: 'PT30S', replyReminders: ['PT20S'], overdueReminderEvery: 'PT5S' }, 'e2e');
    const reg = await as.office.post('/api/proposals', registration({ proposers: [{ name: '测试代表甲', username: 'deputy-1' }] }));
    expect(reg.status).toBe(201);
    id = reg.body.id;
    await publishPolicy(stack.pool, { replyPeriod: 'P3M', rehandlingPeriod: 'P1M', replyReminders: ['P30D', 'P7D'], overdueReminderEvery: 'P7D' }, 'e2e');
    // 接办 20 days ago: the 15-day return window has closed; the reply period counts from now (seconds).
    expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(-20) })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：已列入明年计划。' });
    expect(d.status).toBe(201);
    const replyId = d.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true, comment: '质量审查通过' })).status).toBe(200);
    const sent = await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`);
    expect(sent.status).toBe(200);
    const unit = rsjOf(sent.body);
    firstDue = unit.replyDueAt;
    expect(Date.parse(sent.body.replies[0].sentAt)).toBeLessThan(Date.parse(firstDue));
    expect(unit.rounds).toEqual([expect.objectContaining({ round: 1, replyDueAt: firstDue, repliedInTime: true, overdue: false })]);
  });

  it('the proposer sends it back after the original deadline: no overdue flag, a re-handling with a deadline from the send-back', async () => {
    await sleepUntil(new Date(Date.parse(firstDue) + 1000).toISOString());
    const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
    const token = mine.body.replies[0].feedbackToken;
    expect(token).toEqual(expect.any(String));
    const back = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, {
      attitude: 'basically_satisfied',
      result: 'dissatisfied',
      contact: 'phone',
      comments: '问题没有实质解决',
      sendBack: true,
    });
    expect(back.status).toBe(200);
    const events = await eventually('RehandlingStarted', async () => {
      const all = await eventsOf(id);
      return all.some((e) => e.type === 'RehandlingStarted') ? all : undefined;
    });
    rehandling = events.find((e) => e.type === 'RehandlingStarted');
    expect(rehandling.data).toMatchObject({ unitId: 'rsj', round: 2, replyId: expect.any(String) });
    // From the send-back, which came after the first deadline had ended.
    expect(Date.parse(rehandling.occurredAt)).toBeGreaterThan(Date.parse(firstDue));
    expect(Date.parse(rehandling.data.replyDue.dueAt) - Date.parse(rehandling.occurredAt)).toBe(30_000);
    expect(rehandling.data.replyDue.explanation.text).toContain('退回重新办理');
    expect(events.map((e) => e.type).slice(-2)).toEqual(['FeedbackReceived', 'RehandlingStarted']);

    // Two seconds on, the first deadline has fired nothing: the unit replied inside it.
    await new Promise((r) => setTimeout(r, 2000));
    expect((await eventsOf(id)).filter((e) => e.type === 'ReplyDeadlinePassed')).toEqual([]);
    const unit = rsjOf(await detailOf(id));
    expect(unit).toMatchObject({ status: 'handling', round: 2, replyDueAt: rehandling.data.replyDue.dueAt, overdue: false, accountabilityFlagged: false });
    expect(unit.rounds.map((r: any) => [r.round, r.replyDueAt, r.repliedInTime, r.overdue])).toEqual([
      [1, firstDue, true, false],
      [2, rehandling.data.replyDue.dueAt, false, false],
    ]);
  });

  it('the unit hears of it with the new deadline, and is reminded on it', async () => {
    const inbox = async () => (await as['rsj-handler'].get('/api/me/inbox')).body.items as any[];
    const notice = await eventually('rehandling notice', async () => (await inbox()).find((n) => n.proposalId === id && n.kind === 'rehandling'));
    expect(notice.body).toContain('该件已被退回重新办理');
    expect(notice.body).toContain('答复期限为');
    const reminder = await eventually(
      'the re-handling reminder',
      async () => (await eventsOf(id)).find((e) => e.type === 'ReminderIssued' && e.data.key.startsWith('r2:')),
      60_000,
    );
    expect(reminder.data).toMatchObject({ unitId: 'rsj', kind: 'reply', key: 'r2:reply:PT20S', reminder: 'reply_20s', dueAt: rehandling.data.replyDue.dueAt });
    expect(Date.parse(reminder.occurredAt)).toBe(Date.parse(rehandling.data.replyDue.dueAt) - 20_000);
  });

  it('when the new deadline passes without a reply, the unit is overdue against it, and reminded weekly (here: every 5 s)', async () => {
    const events = await eventually(
      'overdue on the re-handling deadline',
      async () => {
        const all = await eventsOf(id);
        return all.some((e) => e.type === 'ReminderIssued' && e.data.key === 'r2:overdue:1') ? all : undefined;
      },
      90_000,
    );
    const passed = events.filter((e) => e.type === 'ReplyDeadlinePassed');
    expect(passed).toHaveLength(1);
    expect(passed[0].data).toEqual({ unitId: 'rsj', dueAt: rehandling.data.replyDue.dueAt, explained: false, accountabilityFlagged: true });
    expect(passed[0].occurredAt).toBe(rehandling.data.replyDue.dueAt);
    expect(passed[0].actor.role).toBe('system');
    const overdue = events.find((e) => e.data?.key === 'r2:overdue:1');
    expect(Date.parse(overdue.occurredAt) - Date.parse(passed[0].occurredAt)).toBe(5000);
    const unit = rsjOf(await detailOf(id));
    expect(unit).toMatchObject({ overdue: true, accountabilityFlagged: true, replyDueAt: rehandling.data.replyDue.dueAt });
    expect(unit.rounds.map((r: any) => [r.round, r.overdue])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('the item workflow of this file replays against the current workflow code', async () => {
    const { ids, results } = await replayEveryItem(stack.pool, 'rehandling');
    expect(ids).toEqual([id]);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});
