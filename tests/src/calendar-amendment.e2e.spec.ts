/**
 * 节假日安排调整 end to end (SPEC §5, Art. 7, 19), through HTTP on the real Temporal server and
 * PostgreSQL: the administrator declares a day a holiday after items were assigned; the running
 * item's reply deadline moves, its event says why, its timer follows; a window that already
 * closed stays closed and an archived item is untouched.
 *
 * Dates are relative to today (Asia/Shanghai): T−3 is the day of assignment, T−1 and T+1 are the
 * days the administrator later declares holidays. This file has its own database, so the current
 * year's calendar may be rewritten freely; first the days the scenario needs are made working days.
 */
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['admin', 'office', 'rsj-handler', 'rsj-leader', 'jtj-handler', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

const YESTERDAY = shanghaiDay(-1);
const TOMORROW = shanghaiDay(1);
const AFTER = shanghaiDay(2);
const reasonFor = (date: string) => `节假日安排调整：${date.slice(0, 4)} 年（管理员 admin）`;
/** 24:00 of a day in Shanghai, as the API writes instants. */
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();

const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const detailOf = async (id: string) => (await as.office.get(`/api/proposals/${id}`)).body;
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * Rewrites the calendar so that each day has the wanted kind (a working day: no holiday, and a
 * 调休 entry if it falls on a weekend), one PUT per year concerned, oldest first; answers the PUTs'
 * bodies. A year not entered yet is entered with these days (and 国庆节, as a year needs a day).
 */
async function setDays(want: Record<string, 'working' | 'holiday'>): Promise<any[]> {
  const years = [...new Set(Object.keys(want).map((d) => Number(d.slice(0, 4))))].sort();
  const saved: any[] = [];
  for (const year of years) {
    const mine = Object.entries(want).filter(([d]) => Number(d.slice(0, 4)) === year);
    const current = (await as.admin.get(`/api/admin/calendar/${year}`)).body;
    const days = current.days.filter((d: any) => !mine.some(([date]) => date === d.date));
    for (const [date, kind] of mine) {
      if (kind === 'holiday') days.push({ date, kind: 'holiday', name: '临时调整的假日' });
      else if (isWeekend(date)) days.push({ date, kind: 'workday', name: '测试调休上班' });
    }
    if (days.length === 0) days.push({ date: `${year}-10-01`, kind: 'holiday', name: '国庆节' });
    days.sort((a: any, b: any) => a.date.localeCompare(b.date));
    const res = await as.admin.request<any>('PUT', `/api/admin/calendar/${year}`, { days });
    expect(res.status).toBe(200);
    saved.push(res.body);
  }
  return saved;
}

describe('Art. 7/19, SPEC §5: a holiday announced late moves a running item\'s reply deadline; the event says why; the timer follows', () => {
  let archived: { id: string; before: any };
  let running: string;
  // The reply reminders of the running item, in seconds before its (first) deadline: one due a few
  // seconds after it is assigned, one later. Counted from the old deadline, 24:00 of TOMORROW.
  let early: string;
  let late: string;
  let lateAt: number;

  it('before: the days the scenario uses are working days', async () => {
    const saved = await setDays({ [YESTERDAY]: 'working', [TOMORROW]: 'working', [AFTER]: 'working' });
    for (const s of saved) expect(s.recomputeRunningItems).toEqual({ items: 0, changed: 0, failed: [] });
  });

  it('an archived item: assigned yesterday, its return window ends tomorrow; replied to and archived', async () => {
    const policy = await as.admin.request<any>('PUT', '/api/admin/policy', { returnWindow: 'P2D', replyPeriod: 'P4D', urgentReplyPeriod: 'P4D', returnWindowReminders: [] });
    expect(policy.status).toBe(201);
    const reg = await as.office.post('/api/proposals', registration({ title: '关于增设公交夜班线路的建议' }));
    expect(reg.status).toBe(201);
    const id: string = reg.body.id;
    const assigned = await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: YESTERDAY });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignments[0].returnWindowLastDay).toBe(TOMORROW);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
    const draft = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category: 'A', body: '已开通夜班线路。' });
    expect(draft.status).toBe(201);
    const replyId: string = draft.body.replyId;
    expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
    expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
    const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies[0].feedbackToken;
    const fb = await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'phone' });
    expect(fb.status).toBe(200);
    const before = await detailOf(id);
    expect(before.status).toBe('archived');
    archived = { id, before };
  });

  it('a running item assigned three days ago: its window closed last night, its reply deadline is tomorrow', async () => {
    // The reminders' lead times are set so that, counted back from the old deadline, the first
    // falls ~6 s from now and the second ~18 s from now.
    const due = Date.parse(endOf(TOMORROW));
    const seconds = (fromNow: number) => Math.round((due - Date.now() - fromNow) / 1000);
    early = `PT${seconds(6_000)}S`;
    late = `PT${seconds(18_000)}S`;
    lateAt = due - Number(late.slice(2, -1)) * 1000;
    const policy = await as.admin.request<any>('PUT', '/api/admin/policy', { replyReminders: [early, late] });
    expect(policy.status).toBe(201);
    expect(policy.body).toMatchObject({ returnWindow: 'P2D', replyPeriod: 'P4D', replyReminders: [early, late], returnWindowReminders: [] });

    const reg = await as.office.post('/api/proposals', registration({ title: '关于延长地铁运营时间的建议' }));
    expect(reg.status).toBe(201);
    running = reg.body.id;
    const assigned = await as.office.post(`/api/proposals/${running}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay(-3) });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignments[0]).toMatchObject({ returnWindowLastDay: YESTERDAY, replyDueLastDay: TOMORROW, replyDueAt: endOf(TOMORROW) });
    // The window's end is past: the timer closes it at once, dated when it really ended.
    const closed = await eventually('ReturnWindowClosed', async () => (await eventsOf(running)).find((e) => e.type === 'ReturnWindowClosed'));
    expect(closed.occurredAt).toBe(endOf(YESTERDAY));
    // The first reminder comes on time (so the second would too, were nothing to change).
    const first = await eventually('the first reminder', async () => (await eventsOf(running)).find((e) => e.type === 'ReminderIssued'), 20_000);
    expect(first.data).toMatchObject({ kind: 'reply', key: `reply:${early}`, dueAt: endOf(TOMORROW) });
  });

  it('the administrator declares yesterday and tomorrow holidays: the running item is recomputed', async () => {
    expect(Date.now()).toBeLessThan(lateAt - 3_000); // the second reminder is still ahead
    const saved = await setDays({ [YESTERDAY]: 'holiday', [TOMORROW]: 'holiday' });
    // The last PUT is the one of tomorrow's year (the same PUT unless a year ends tonight).
    expect(saved.at(-1).recomputeRunningItems).toEqual({ items: 1, changed: 1, failed: [] });
    expect(saved.at(-1).message).toContain('在办件 1 件已按新日历重新计算，其中 1 件期限有变化');
  });

  it('the detail shows the new reply deadline and says why; the closed window stays closed', async () => {
    const unit = (await detailOf(running)).assignments[0];
    expect(unit).toMatchObject({ replyDueLastDay: AFTER, replyDueAt: endOf(AFTER), replyDueProvisional: false });
    expect(unit.replyDueExplanation).toContain(`${TOMORROW}（临时调整的假日）`);
    expect(unit.replyDueExplanation).toContain(`已重新计算，原因：${reasonFor(TOMORROW)}；原期限至 ${TOMORROW} 24:00。`);
    // Counted again, the window would end today (yesterday is now a holiday): it is not reopened.
    expect(unit).toMatchObject({ returnWindowLastDay: YESTERDAY, returnWindowClosed: true, returnWindowClosedAt: endOf(YESTERDAY) });
    const ret = await as['jtj-handler'].post(`/api/proposals/${running}/units/jtj/return-request`, { reason: '不属本单位职责' });
    expect(ret.status).toBe(409);
    expect(ret.body.code).toBe('RETURN_WINDOW_CLOSED');
  });

  it('the history has DeadlinesRecomputed with the reason, in the administrator\'s name', async () => {
    const recomputed = (await eventsOf(running)).filter((e) => e.type === 'DeadlinesRecomputed');
    expect(recomputed).toHaveLength(1);
    const [e] = recomputed;
    expect(e.actor).toMatchObject({ username: 'admin', role: 'admin' });
    expect(e.data.reason).toBe(reasonFor(TOMORROW));
    expect(e.data.units).toHaveLength(1);
    expect(e.data.units[0].unitId).toBe('jtj');
    expect(e.data.units[0].returnWindow).toBeUndefined();
    expect(e.data.units[0].replyDue.from).toEqual({ lastDay: TOMORROW, dueAt: endOf(TOMORROW) });
    expect(e.data.units[0].replyDue.to).toMatchObject({ lastDay: AFTER, dueAt: endOf(AFTER) });
  });

  it("the unit is told: its handler's inbox has the new deadline and the reason", async () => {
    const notice = await eventually('the deadline notice', async () => {
      const res = await as['jtj-handler'].get('/api/me/inbox');
      return (res.body.items as any[]).find((n) => n.proposalId === running && n.kind === 'deadline_changed');
    });
    expect(notice.body).toContain(`因${reasonFor(TOMORROW)}`);
    expect(notice.body).toContain(`答复期限由 ${TOMORROW} 调整为 ${AFTER}`);
  });

  it('the archived item is untouched', async () => {
    expect((await eventsOf(archived.id)).map((e) => e.type)).not.toContain('DeadlinesRecomputed');
    const after = await detailOf(archived.id);
    expect(after.assignments[0].returnWindowLastDay).toBe(TOMORROW);
    expect(after.version).toBe(archived.before.version);
  });

  it('the timer follows: the second reminder does not come at its old time; the first is not repeated', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, lateAt + 3_000 - Date.now())));
    const reminders = (await eventsOf(running)).filter((e) => e.type === 'ReminderIssued');
    expect(reminders.map((e) => e.data.key)).toEqual([`reply:${early}`]);
  });

  it('saving the same calendar again changes nothing', async () => {
    const saved = await setDays({ [TOMORROW]: 'holiday' });
    expect(saved.at(-1).recomputeRunningItems).toEqual({ items: 1, changed: 0, failed: [] });
    expect((await eventsOf(running)).filter((e) => e.type === 'DeadlinesRecomputed')).toHaveLength(1);
  });
});
