/**
 * 承办: contacts with the proposer (Art. 14, 16) and the reply deadline with or without an
 * explanation (Art. 19), through HTTP on the real Temporal server and PostgreSQL. The reply
 * deadline runs on the item's Temporal timer, shortened by a test policy.
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';
import { fetchHistories, keepAsFixtures, replay } from './histories';

let stack: Stack;
let office: ApiClient;
let rsj: ApiClient;
let wjw: ApiClient;
let jyj: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [office, rsj, wjw, jyj] = await Promise.all(
    ['office', 'rsj-handler', 'wjw-handler', 'jyj-handler'].map((u) => ApiClient.login(stack.baseUrl, u)),
  );
});
afterAll(() => stack?.stop());

/** Items this file created, for the replay test at the end. */
const created: string[] = [];

async function assignedItem(title: string) {
  const reg = await office.post('/api/proposals', registration({ title }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  created.push(id);
  const asg = await office.post(`/api/proposals/${id}/assignment`, {
    mode: 'lead',
    leadUnitIds: ['rsj'],
    coUnitIds: ['wjw'],
    assignedOn: shanghaiDay(),
  });
  expect(asg.status).toBe(200);
  return id;
}
const eventsOf = async (id: string) => (await office.get(`/api/proposals/${id}/events`)).body as any[];
const unit = (detail: any, unitId: string) => detail.assignments.find((a: any) => a.unitId === unitId);

describe('Art. 14/16 与代表委员沟通: every contact is recorded, face-to-face counted', () => {
  let id: string;
  beforeAll(async () => {
    await publishPolicy(stack.pool, { replyPeriod: 'P3M' }, 'e2e');
    id = await assignedItem('关于扩大公益性岗位安置的建议');
  });

  it('the lead and the co-unit record their contacts; the detail lists them', async () => {
    const a = await rsj.post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'face_to_face', on: shanghaiDay(), summary: '到代表所在街道面商，听取意见' });
    expect(a.status).toBe(200);
    const b = await wjw.post(`/api/proposals/${id}/units/wjw/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通会办意见' });
    expect(b.status).toBe(200);
    expect(unit(b.body, 'rsj').contacts).toEqual([expect.objectContaining({ method: 'face_to_face', on: shanghaiDay() })]);
    expect(unit(b.body, 'wjw').contacts.map((c: any) => c.method)).toEqual(['phone']);
    const contacts = (await eventsOf(id)).filter((e) => e.type === 'ContactRecorded');
    expect(contacts.map((e) => [e.data.unitId, e.data.method, e.actor.username])).toEqual([
      ['rsj', 'face_to_face', 'rsj-handler'],
      ['wjw', 'phone', 'wjw-handler'],
    ]);
  });

  it('refuses bad input with the field named, and a unit that is not assigned', async () => {
    const bad = await rsj.post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'email', on: shanghaiDay(), summary: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('method');
    const future = await rsj.post(`/api/proposals/${id}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(3), summary: 'x' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body.details)).toContain('on');
    expect((await jyj.post(`/api/proposals/${id}/units/jyj/contacts`, { method: 'phone', on: shanghaiDay(), summary: 'x' })).status).toBe(403);
  });
});

describe('Art. 19 答复期限: overdue without an explanation, delayed with one', () => {
  let silent: string;
  let explained: string;

  beforeAll(async () => {
    // Both items start under a policy whose reply period is 15 seconds.
    await publishPolicy(stack.pool, { replyPeriod: 'PT15S' }, 'e2e');
    [silent, explained] = await Promise.all([assignedItem('关于增设社区托育点的建议'), assignedItem('关于规范校外培训收费的建议')]);
    await publishPolicy(stack.pool, { replyPeriod: 'P3M' }, 'e2e');
  });

  it('a co-unit cannot file the explanation: the lead answers for the item', async () => {
    const res = await wjw.post(`/api/proposals/${explained}/units/wjw/explanation`, {
      reasons: '涉及多部门',
      measures: '正在协调',
      expectedOn: shanghaiDay(60),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('NOT_ANSWERING_UNIT');
  });

  it('the lead files an explanation before the deadline', async () => {
    const res = await rsj.post(`/api/proposals/${explained}/units/rsj/explanation`, {
      reasons: '涉及多部门协调，所需资金尚未落实',
      measures: '已列入明年计划，正在协调财政资金',
      expectedOn: shanghaiDay(60),
    });
    expect(res.status).toBe(200);
    expect(unit(res.body, 'rsj').explanation).toMatchObject({ expectedOn: shanghaiDay(60) });
  });

  it('when the deadline passes, the silent unit is overdue and flagged for accountability; the explained one is delayed', async () => {
    const passed = async (id: string) =>
      eventually(`ReplyDeadlinePassed on ${id}`, async () => (await eventsOf(id)).find((e) => e.type === 'ReplyDeadlinePassed'), 60_000);
    const [s, e] = await Promise.all([passed(silent), passed(explained)]);
    expect(s.data).toMatchObject({ unitId: 'rsj', explained: false, accountabilityFlagged: true });
    expect(e.data).toMatchObject({ unitId: 'rsj', explained: true, accountabilityFlagged: false });
    expect(s.actor.role).toBe('system');
    expect(s.occurredAt).toBe(s.data.dueAt);

    const detail = (await office.get(`/api/proposals/${silent}`)).body;
    expect(unit(detail, 'rsj')).toMatchObject({ overdue: true, accountabilityFlagged: true, delayedWithExplanation: false });
    // A co-unit has no reply deadline of its own.
    expect(unit(detail, 'wjw')).toMatchObject({ overdue: false, replyDeadlinePassedAt: null });
    expect(unit((await office.get(`/api/proposals/${explained}`)).body, 'rsj')).toMatchObject({ overdue: false, delayedWithExplanation: true });
  });

  it('an explanation after the deadline is refused with 409 REPLY_DEADLINE_PASSED; the item still has to be answered', async () => {
    const res = await rsj.post(`/api/proposals/${silent}/units/rsj/explanation`, {
      reasons: '迟到的说明',
      measures: '补充材料',
      expectedOn: shanghaiDay(30),
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REPLY_DEADLINE_PASSED');
    // Handling goes on: contacts are still recorded after the deadline.
    const c = await rsj.post(`/api/proposals/${silent}/units/rsj/contacts`, { method: 'visit', on: shanghaiDay(), summary: '上门走访' });
    expect(c.status).toBe(200);
  });
});

describe('Art. 17 催办: reminders before the reply deadline and while overdue, on the item\'s timers', () => {
  it('reminds the unit before the deadline and then every period while unanswered', async () => {
    await publishPolicy(stack.pool, { replyPeriod: 'PT16S', replyReminders: ['PT10S'], overdueReminderEvery: 'PT4S' }, 'e2e');
    const id = await assignedItem('关于加强农贸市场管理的建议');
    await publishPolicy(stack.pool, { replyPeriod: 'P3M', replyReminders: ['P30D', 'P7D'], overdueReminderEvery: 'P7D' }, 'e2e');
    const events = await eventually(
      'two overdue reminders',
      async () => {
        const all = await eventsOf(id);
        return all.filter((e) => e.type === 'ReminderIssued' && e.data.kind === 'overdue').length >= 2 ? all : undefined;
      },
      60_000,
    );
    const timeline = events
      .filter((e) => ['ReminderIssued', 'ReplyDeadlinePassed'].includes(e.type))
      .slice(0, 4)
      .map((e) => (e.type === 'ReminderIssued' ? e.data.reminder : e.type));
    expect(timeline).toEqual(['reply_10s', 'ReplyDeadlinePassed', 'overdue_every_4s', 'overdue_every_4s']);
    const passed = events.find((e) => e.type === 'ReplyDeadlinePassed');
    const firstOverdue = events.find((e) => e.type === 'ReminderIssued' && e.data.kind === 'overdue');
    expect(Date.parse(firstOverdue.occurredAt) - Date.parse(passed.occurredAt)).toBe(4000);
    // Only the answering unit is reminded of the reply deadline.
    expect(events.filter((e) => e.type === 'ReminderIssued').every((e) => e.data.unitId === 'rsj')).toBe(true);
  });
});

describe('workflow determinism', () => {
  it('the histories this file recorded replay against the current workflow code', async () => {
    const histories = await fetchHistories(created);
    keepAsFixtures('handling', histories);
    const results = await replay(histories);
    expect(results).toHaveLength(created.length);
    for (const r of results) expect(r.error).toBeUndefined();
  });

  it('an item started by this code marks one patch (BORN_WITH_PATCHES), not one per patch, and keeps its deadline timer', async () => {
    const histories = await fetchHistories(created);
    for (const { history } of histories) {
      const events = history.events ?? [];
      const patches = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
      expect(patches).toHaveLength(1);
      // Receipt, drafting, reviews: none moves the next deadline, so no timer is cancelled (patch keep-timer).
      expect(events.filter((e) => e.timerCanceledEventAttributes).length).toBeLessThanOrEqual(1);
    }
  });
});
