/**
 * 系统管理 (SPEC §5), end to end through HTTP on the real stack: the administrator publishes
 * policy versions (deadline lengths) and enters next year's holiday calendar, and items assigned
 * afterwards use them.
 */
import { randomUUID } from 'node:crypto';
import { ApiClient, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let admin: ApiClient;
let office: ApiClient;
let handler: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [admin, office, handler] = await Promise.all(['admin', 'office', 'rsj-handler'].map((u) => ApiClient.login(stack.baseUrl, u)));
});
afterAll(() => stack?.stop());

const put = (client: ApiClient, path: string, body: unknown) => client.request<any>('PUT', path, body);
const fieldsOf = (body: any): string[] => (body?.details?.fields ?? []).map((f: { field: string }) => f.field);

/** Registers an item and assigns it to rsj today; answers the lead unit's view of the detail. */
async function registerAndAssignToday() {
  const reg = await office.post('/api/proposals', registration({ title: '关于优化公交线网的建议' }));
  expect(reg.status).toBe(201);
  const assigned = await office.post(`/api/proposals/${reg.body.id}/assignment`, {
    mode: 'single',
    leadUnitIds: ['rsj'],
    assignedOn: shanghaiDay(),
  });
  expect(assigned.status).toBe(200);
  return { id: reg.body.id as string, detail: assigned.body, unit: assigned.body.assignments[0] };
}

describe('policy versions', () => {
  it('the administrator reads the built-in default policy (version 1)', async () => {
    const res = await admin.get('/api/admin/policy');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 1,
      returnWindow: 'P15D',
      replyPeriod: 'P3M',
      urgentReplyPeriod: 'P1M',
      createdAt: null,
      createdBy: null,
    });
    expect(res.body).toMatchObject({
      feedbackPeriod: 'P30D',
      replyReminders: ['P30D', 'P7D'],
      returnWindowReminders: ['P3D'],
      overdueReminderEvery: 'P7D',
      coUnitOpinionLeadTime: 'P30D',
      progressReportDays: { co: 22, lead: 25 },
    });
    expect(res.body.labels).toEqual({
      returnWindow: '15日',
      replyPeriod: '3个月',
      urgentReplyPeriod: '1个月',
      feedbackPeriod: '30日',
      rehandlingPeriod: '1个月',
      replyReminders: ['30日', '7日'],
      returnWindowReminders: ['3日'],
      overdueReminderEvery: '7日',
      coUnitOpinionLeadTime: '30日',
      // 催办升级, 承诺事项跟踪, 总结工作 (issue 9)
      leaderReminders: ['7日', '3日'],
      supervisionReminderEvery: '7日',
      promiseFollowUpEvery: '3个月',
      promiseReportWithin: '15日',
      unitSummaryPeriod: '1个月',
      unitSummaryReminderBefore: '7日',
    });
  });

  it('publishing a new return window answers version + 1 and keeps the other fields', async () => {
    const res = await put(admin, '/api/admin/policy', { returnWindow: 'P10D' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, returnWindow: 'P10D', replyPeriod: 'P3M', urgentReplyPeriod: 'P1M', createdBy: 'admin' });
    expect(Date.parse(res.body.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const current = await admin.get('/api/admin/policy');
    expect(current.body).toEqual(res.body);
  });

  it('seconds are accepted outside production (they exist for tests)', async () => {
    const res = await put(admin, '/api/admin/policy', { urgentReplyPeriod: 'PT30S' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 3, returnWindow: 'P10D', urgentReplyPeriod: 'PT30S' });
  });

  it('lists every version, newest first', async () => {
    const res = await admin.get('/api/admin/policy/versions');
    expect(res.status).toBe(200);
    expect(res.body.map((p: any) => [p.version, p.returnWindow, p.urgentReplyPeriod])).toEqual([
      [3, 'P10D', 'PT30S'],
      [2, 'P10D', 'P1M'],
      [1, 'P15D', 'P1M'],
    ]);
  });

  it.each([
    [{ returnWindow: 'P15X' }, 'returnWindow'],
    [{ replyPeriod: 'three months' }, 'replyPeriod'],
    [{ urgentReplyPeriod: 'P0D' }, 'urgentReplyPeriod'],
    [{ replyPeriod: 'P40M' }, 'replyPeriod'],
    [{ returnWindow: null }, 'returnWindow'],
    [{ returnWindow: 'P15D', version: 9 }, 'version'],
    [{}, 'body'],
    [{ replyReminders: ['P1M'] }, 'replyReminders'],
    [{ returnWindowReminders: 'P3D' }, 'returnWindowReminders'],
    [{ replyReminders: ['P7D', 'P7D'] }, 'replyReminders'],
    [{ overdueReminderEvery: 'PT0S' }, 'overdueReminderEvery'],
    [{ feedbackPeriod: 'thirty days' }, 'feedbackPeriod'],
    [{ coUnitOpinionLeadTime: 'P13M' }, 'coUnitOpinionLeadTime'],
    [{ progressReportDays: { co: 40, lead: 25 } }, 'progressReportDays.co'],
  ])('a bad period is 400 naming the field (%#: %s)', async (body, field) => {
    const res = await put(admin, '/api/admin/policy', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('nothing was published by the refused requests', async () => {
    expect((await admin.get('/api/admin/policy')).body.version).toBe(3);
  });

  it('other roles get 403 FORBIDDEN_ROLE, an anonymous caller 401', async () => {
    for (const client of [office, handler]) {
      for (const res of [
        await client.get('/api/admin/policy'),
        await client.get('/api/admin/policy/versions'),
        await put(client, '/api/admin/policy', { returnWindow: 'P5D' }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN_ROLE');
      }
    }
    expect((await new ApiClient(stack.baseUrl).get('/api/admin/policy')).status).toBe(401);
    expect((await admin.get('/api/admin/policy')).body.version).toBe(3);
  });

  it('reminders (催办), the feedback period, the co-unit opinion lead time and the report days are published too', async () => {
    const res = await put(admin, '/api/admin/policy', {
      replyReminders: ['p20d', 'P5D'],
      returnWindowReminders: [],
      overdueReminderEvery: 'P3D',
      feedbackPeriod: 'P20D',
      coUnitOpinionLeadTime: 'P20D',
      progressReportDays: { co: 20, lead: 24 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 4,
      returnWindow: 'P10D',
      replyReminders: ['P20D', 'P5D'],
      returnWindowReminders: [],
      overdueReminderEvery: 'P3D',
      feedbackPeriod: 'P20D',
      coUnitOpinionLeadTime: 'P20D',
      progressReportDays: { co: 20, lead: 24 },
    });
    expect(res.body.labels).toMatchObject({ replyReminders: ['20日', '5日'], returnWindowReminders: [], feedbackPeriod: '20日' });
  });
});

describe('holiday calendar', () => {
  // Before 2027 is entered, an item assigned now: its reply deadline (12 months) lies in 2027.
  let early: { id: string; unit: any };

  it('the overview lists 2024–2026 as covered and 2027 as missing', async () => {
    const res = await admin.get('/api/admin/calendar');
    expect(res.status).toBe(200);
    const byYear = new Map<number, any>(res.body.years.map((y: any) => [y.year, y]));
    for (const y of [2024, 2025, 2026]) {
      expect(byYear.get(y)).toMatchObject({ year: y, covered: true, status: 'covered', source: 'lunar-javascript' });
      expect(byYear.get(y).dayCount).toBeGreaterThan(20);
      expect(Date.parse(byYear.get(y).updatedAt)).not.toBeNaN();
    }
    expect(byYear.get(2027)).toMatchObject({ year: 2027, covered: false, status: 'missing', source: null, message: '2027年节假日安排尚未录入' });
    expect(res.body.missingYears).toContain(2027);
  });

  it('a year reads as its days, or as not covered', async () => {
    const y2026 = await admin.get('/api/admin/calendar/2026');
    expect(y2026.status).toBe(200);
    expect(y2026.body).toMatchObject({ year: 2026, covered: true, source: 'lunar-javascript' });
    expect(y2026.body.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(y2026.body.days).toContainEqual({ date: '2026-02-28', kind: 'workday', name: '春节调休上班' });
    const y2027 = await admin.get('/api/admin/calendar/2027');
    expect(y2027.body).toEqual({ year: 2027, covered: false, source: null, updatedAt: null, days: [] });
  });

  it('while 2027 is missing, a deadline reaching into it is provisional and says so', async () => {
    const res = await put(admin, '/api/admin/policy', { replyPeriod: 'P12M' });
    expect(res.body.version).toBe(5);
    early = await registerAndAssignToday();
    expect(early.unit.replyDueLastDay.startsWith('2027-')).toBe(true);
    expect(early.unit.replyDueExplanation).toContain('2027年节假日安排尚未录入');
  });

  it.each([
    [{ days: [{ date: '2027-01-04', kind: 'workday', name: '调休' }] }, 'days.0.date'], // a Monday
    [{ days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2026-12-31', kind: 'holiday', name: 'x' }] }, 'days.1.date'],
    [{ days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-01', kind: 'holiday', name: '元旦' }] }, 'days.1.date'],
    [{ days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }, 'days.0.date'],
    [{ days: [{ date: '2027-01-01', kind: 'rest', name: '元旦' }] }, 'days.0.kind'],
    [{ days: [{ date: '2027-01-01', kind: 'holiday' }] }, 'days.0.name'],
    [{ days: 'none' }, 'days'],
  ])('bad calendar data is 400 naming the entry (%#: %s)', async (body, field) => {
    const res = await put(admin, '/api/admin/calendar/2027', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toContain(field);
  });

  it('a bad year is 400 naming it; other roles get 403', async () => {
    const bad = await admin.get('/api/admin/calendar/next');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['year']);
    for (const res of [
      await office.get('/api/admin/calendar'),
      await office.get('/api/admin/calendar/2027'),
      await put(office, '/api/admin/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    expect((await admin.get('/api/admin/calendar/2027')).body.covered).toBe(false);
  });

  it('the administrator enters 2027 (元旦, 春节 and a 调休 Saturday); the year becomes covered', async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' }, // a Saturday: accepted, with a warning
      ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, kind: 'holiday', name: '春节' })),
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' }, // a Saturday
    ];
    const res = await put(admin, '/api/admin/calendar/2027', { days, source: '测试用 2027 安排' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, covered: true, source: '测试用 2027 安排' });
    // The item assigned before, whose deadline was provisional, is recomputed (SPEC §5).
    expect(res.body.recomputeRunningItems).toEqual({ items: 1, changed: 1, failed: [] });
    expect(res.body.days).toEqual(days);
    expect(res.body.warnings.map((w: any) => w.field)).toEqual(['days.1.date']);
    expect(res.body.message).toContain('在办件 1 件已按新日历重新计算，其中 1 件期限有变化');

    expect((await admin.get('/api/admin/calendar/2027')).body).toMatchObject({ year: 2027, covered: true, days });
    const overview = await admin.get('/api/admin/calendar');
    expect(overview.body.missingYears).not.toContain(2027);
    expect(overview.body.years.find((y: any) => y.year === 2027)).toMatchObject({ covered: true, status: 'covered', dayCount: days.length });
  });

  it('an item assigned now gets an exact (not provisional) reply deadline', async () => {
    const { id, unit, detail } = await registerAndAssignToday();
    expect(detail.policyVersion).toBe(5);
    expect(unit.replyDueLastDay.startsWith('2027-')).toBe(true);
    expect(unit.replyDueExplanation).not.toContain('尚未录入');
    const read = await office.get(`/api/proposals/${id}`);
    expect(read.body.assignments[0].replyDueExplanation).not.toContain('尚未录入');
  });

  it('SPEC §5: the item assigned while 2027 was missing now has an exact deadline, and its history says why', async () => {
    const read = await office.get(`/api/proposals/${early.id}`);
    const unit = read.body.assignments[0];
    expect(unit.replyDueProvisional).toBe(false);
    expect(unit.replyDueExplanation).not.toContain('尚未录入，暂按');
    expect(unit.replyDueExplanation).toContain('已重新计算，原因：节假日安排调整：2027 年（管理员 admin）');
    const events = (await office.get(`/api/proposals/${early.id}/events`)).body as any[];
    const recomputed = events.filter((e) => e.type === 'DeadlinesRecomputed');
    expect(recomputed).toHaveLength(1);
    expect(recomputed[0].actor).toMatchObject({ username: 'admin', role: 'admin' });
    expect(recomputed[0].data.reason).toBe('节假日安排调整：2027 年（管理员 admin）');
    expect(recomputed[0].data.units[0].replyDue.from).toMatchObject({ lastDay: early.unit.replyDueLastDay, provisional: { missingYears: [2027] } });
    expect(recomputed[0].data.units[0].replyDue.to.provisional).toBeUndefined();
  });

  it('re-entering a year replaces its days (and recomputes the running items again)', async () => {
    const res = await put(admin, '/api/admin/calendar/2027', { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('admin:admin');
    expect(res.body.days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(res.body.recomputeRunningItems).toMatchObject({ items: 2, failed: [] });
  });

  it('the recompute is a durable operation: its result is readable by id, a retry with the same Idempotency-Key runs nothing again', async () => {
    const days = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-11', kind: 'holiday', name: '春节' }];
    const key = { 'idempotency-key': 'calendar-2027-second-amendment' };
    const first = await admin.request<any>('PUT', '/api/admin/calendar/2027', { days }, key);
    expect(first.status).toBe(200);
    expect(first.body.operationId).toMatch(/^recompute-deadlines-[0-9a-f-]{36}$/);
    expect(first.body.recomputeRunningItems).toMatchObject({ items: 2, failed: [] });
    const op = await admin.get(`/api/operations/${first.body.operationId}`);
    expect(op.status).toBe(200);
    expect(op.body).toMatchObject({
      id: first.body.operationId,
      kind: 'recompute-deadlines',
      status: 'completed',
      total: 2,
      done: 2,
      changed: first.body.recomputeRunningItems.changed,
      failed: 0,
    });
    const recomputedBefore = (await stack.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'DeadlinesRecomputed'`)).rows[0].n;
    const again = await admin.request<any>('PUT', '/api/admin/calendar/2027', { days }, key);
    expect(again.status).toBe(200);
    expect(again.body.operationId).toBe(first.body.operationId);
    expect(again.body.recomputeRunningItems).toEqual(first.body.recomputeRunningItems);
    expect((await stack.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'DeadlinesRecomputed'`)).rows[0].n).toBe(recomputedBefore);
    // The office reads merging operations only; an unknown or malformed id is 404.
    expect((await office.get(`/api/operations/${first.body.operationId}`)).status).toBe(404);
    expect((await admin.get('/api/operations/recompute-deadlines-00000000-0000-4000-8000-000000000000')).body.code).toBe('OPERATION_NOT_FOUND');
    expect((await admin.get('/api/operations/nonsense')).body.code).toBe('OPERATION_NOT_FOUND');
    expect((await handler.get(`/api/operations/${first.body.operationId}`)).status).toBe(403);
  });
});

describe('projections (read models)', () => {
  it('the administrator reads each projection: caught up, nothing parked', async () => {
    const res = await admin.get('/api/admin/projections');
    expect(res.status).toBe(200);
    expect(res.body.projections.map((p: any) => p.name)).toEqual(['proposal_list', 'notifications']);
    for (const p of res.body.projections) expect(p).toMatchObject({ parked: 0, parkedEvents: [] });
    expect((await office.get('/api/admin/projections')).status).toBe(403);
  });

  it('a rebuild replays the list from the event store to the same rows', async () => {
    const rows = async () => (await stack.pool.query('SELECT proposal_id, version, status, state FROM proposal_list ORDER BY proposal_id')).rows;
    const before = await rows();
    expect(before.length).toBeGreaterThan(0);
    const res = await admin.post('/api/admin/projections/proposal_list/rebuild');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ name: 'proposal_list', parked: 0 });
    const caughtUp = async () => {
      const p = (await admin.get('/api/admin/projections')).body.projections.find((x: any) => x.name === 'proposal_list');
      return p.lag === 0 ? p : undefined;
    };
    for (let i = 0; i < 300 && !(await caughtUp()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await rows()).toEqual(before);
    expect((await admin.post('/api/admin/projections/no_such/rebuild')).body.code).toBe('PROJECTION_NOT_FOUND');
  });

  it('an event the list cannot fold is parked and reported; the list goes on with the events after it', async () => {
    const poisoned = await office.post('/api/proposals', registration({ title: '关于一件数据损坏的建议' }));
    expect(poisoned.status).toBe(201);
    // Written past the workflow (as a bug in an old build or a hand-made repair might): ProposalAssigned without its units.
    const eventId = randomUUID();
    await stack.pool.query(
      `INSERT INTO events (event_id, stream_id, version, type, data, metadata, occurred_at) VALUES ($1, $2, 2, 'ProposalAssigned', '{}', $3, now())`,
      [eventId, `proposal-${poisoned.body.id}`, JSON.stringify({ actor: null, occurredAt: new Date().toISOString(), correlationId: 'e2e-poison' })],
    );
    // An item registered afterwards is listed: the projection did not stop at the bad event.
    const after = await office.post('/api/proposals', registration({ title: '关于其后登记的建议' }));
    expect(after.status).toBe(201);
    const listed = await office.get(`/api/proposals?q=${encodeURIComponent('其后登记')}`);
    expect(listed.body.items.map((i: any) => i.id)).toEqual([after.body.id]);
    const list = (await admin.get('/api/admin/projections')).body.projections.find((p: any) => p.name === 'proposal_list');
    expect(list.parked).toBe(1);
    expect(list.parkedEvents).toEqual([
      expect.objectContaining({ eventId, type: 'ProposalAssigned', streamId: `proposal-${poisoned.body.id}`, error: expect.stringContaining('TypeError') }),
    ]);
  });
});

describe('OpenAPI document', () => {
  it('describes the admin endpoints, that running items keep their policy and follow an amended calendar', async () => {
    const doc = (await new ApiClient(stack.baseUrl).get('/api/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/policy',
        '/api/admin/policy/versions',
        '/api/admin/calendar',
        '/api/admin/calendar/{year}',
        '/api/operations/{id}',
        '/api/admin/projections',
        '/api/admin/projections/{name}/rebuild',
      ]),
    );
    expect(doc.paths['/api/admin/policy'].put.description).toContain('在办件在登记时已复制当时的政策版本');
    expect(doc.paths['/api/admin/calendar/{year}'].put.description).toContain('DeadlinesRecomputed');
    expect(doc.paths['/api/admin/calendar/{year}'].put.description).toContain('已届满的期限');
    expect(doc.paths['/api/admin/calendar/{year}'].put.responses['202']).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('not_yet_supported');
    expect(doc.paths['/api/admin/policy'].put.responses['201']).toBeDefined();
  });
});
