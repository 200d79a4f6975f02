/**
 * 承办 beside the reply, through HTTP on the real Temporal server and PostgreSQL: requests for
 * instructions (Art. 5), co-unit opinions (会办意见, SPEC §4.2) and the monthly progress reports
 * of the 督办台账 (SPEC §4.3). The opinion deadline and the first report run on the item's
 * Temporal timers, shortened by test policies.
 */
import { publishPolicy } from '@jyta/proposal-registry';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';
import { fetchHistories, keepAsFixtures, replay } from './histories';

let stack: Stack;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'rsj-handler', 'rsj-leader', 'wjw-handler', 'jyj-handler'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
});
afterAll(() => stack?.stop());

/** Items this file created, for the replay test at the end. */
const created: string[] = [];

async function assigned(title: string, body: Record<string, unknown>) {
  const reg = await as.office.post('/api/proposals', registration({ title }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  created.push(id);
  const asg = await as.office.post(`/api/proposals/${id}/assignment`, { assignedOn: shanghaiDay(), ...body });
  expect(asg.status).toBe(200);
  return { id, detail: asg.body };
}
const sign = async (id: string, unitId: string) => expect((await as[`${unitId}-handler`].post(`/api/proposals/${id}/units/${unitId}/receipt`)).status).toBe(200);
const eventsOf = async (id: string) => (await as.office.get(`/api/proposals/${id}/events`)).body as any[];
const unit = (detail: any, unitId: string) => detail.assignments.find((a: any) => a.unitId === unitId);
const noticeOf = (client: ApiClient, proposalId: string, kind: string) =>
  eventually(`${kind} notice`, async () => ((await client.get('/api/me/inbox?pageSize=100')).body.items as any[]).find((n) => n.proposalId === proposalId && n.kind === kind));
/** The month after this one (YYYY-MM), in Shanghai: a unit's first report month. */
const nextMonth = () => {
  const [y, m] = shanghaiDay().split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

describe('Art. 5 请示', () => {
  it('Art. 5: a reply cannot be drafted while a request for instructions is unanswered; after the answer it can', async () => {
    const { id } = await assigned('关于既有住宅加装电梯补贴的建议', { mode: 'single', leadUnitIds: ['rsj'] });
    await sign(id, 'rsj');
    const body = { authority: '省住房和城乡建设厅', matter: '既有住宅加装电梯是否适用省级补贴资金' };
    // Only for one's own unit.
    const foreign = await as['wjw-handler'].post(`/api/proposals/${id}/units/rsj/instructions`, body);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('NOT_YOUR_UNIT');

    const req = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/instructions`, body);
    expect(req.status).toBe(201);
    const requestId: string = req.body.requestId;
    expect(unit(req.body, 'rsj')).toMatchObject({ instructionsPending: true, instructionRequests: [{ requestId, ...body, answer: null }] });

    const draft = { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' };
    const refused = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, draft);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INSTRUCTIONS_PENDING');
    expect(refused.body.message).toContain('第五条');
    expect(refused.body.message).toContain('不得越权答复');

    const answerPath = `/api/proposals/${id}/units/rsj/instructions/${requestId}/answer`;
    const future = await as['rsj-handler'].post(answerPath, { answer: '可执行', on: shanghaiDay(2) });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body.details)).toContain('on');
    const unknown = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/instructions/00000000-0000-4000-8000-000000000000/answer`, { answer: '可执行', on: shanghaiDay() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INSTRUCTIONS_REQUEST_NOT_FOUND');

    const answered = await as['rsj-handler'].post(answerPath, { answer: '可按省级既有住宅加装电梯补贴办法执行', on: shanghaiDay() });
    expect(answered.status).toBe(200);
    expect(unit(answered.body, 'rsj')).toMatchObject({ instructionsPending: false, instructionRequests: [{ answer: { answer: '可按省级既有住宅加装电梯补贴办法执行', on: shanghaiDay() } }] });
    const again = await as['rsj-handler'].post(answerPath, { answer: '再次', on: shanghaiDay() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INSTRUCTIONS_ALREADY_ANSWERED');

    const drafted = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, draft);
    expect(drafted.status).toBe(201);
    const events = (await eventsOf(id)).filter((e) => e.type.startsWith('Instructions'));
    expect(events.map((e) => [e.type, e.actor.username])).toEqual([
      ['InstructionsRequested', 'rsj-handler'],
      ['InstructionsReceived', 'rsj-handler'],
    ]);
  });
});

describe('SPEC §4.2 会办意见', () => {
  it('SPEC §4.2 会办: the co-unit\'s opinion reaches the lead; a missed opinion deadline is recorded by the timer and both units are reminded', async () => {
    // In time, under the default policy: due 30 days before the lead's reply deadline.
    const { id, detail } = await assigned('关于扩大公益性岗位安置的建议', { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'] });
    expect(unit(detail, 'wjw').opinionDueAt).toEqual(expect.any(String));
    expect(Date.parse(unit(detail, 'rsj').replyDueAt) - Date.parse(unit(detail, 'wjw').opinionDueAt)).toBeGreaterThanOrEqual(25 * 86_400_000);
    expect(unit(detail, 'wjw').opinionDueExplanation).toContain('主办单位答复期限');
    expect(unit(detail, 'rsj').opinionDueAt).toBeNull();

    const text = { opinion: '建议将医疗护理类公益性岗位纳入统筹，卫健部门可提供岗位需求。' };
    const lead = await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/co-opinion`, text);
    expect(lead.status).toBe(409);
    expect(lead.body.code).toBe('NOT_CO_UNIT');
    const unsigned = await as['wjw-handler'].post(`/api/proposals/${id}/units/wjw/co-opinion`, text);
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe('NOT_SIGNED');
    expect((await as['wjw-handler'].post(`/api/proposals/${id}/units/wjw/co-opinion`, { opinion: ' ' })).status).toBe(400);
    await sign(id, 'wjw');
    const sent = await as['wjw-handler'].post(`/api/proposals/${id}/units/wjw/co-opinion`, text);
    expect(sent.status).toBe(200);
    expect(unit(sent.body, 'wjw')).toMatchObject({ status: 'done', coUnitOpinions: [{ opinion: text.opinion, late: false }], opinionOverdueAt: null });
    // The lead sees it in the detail and in its inbox.
    expect(unit((await as['rsj-handler'].get(`/api/proposals/${id}`)).body, 'wjw').coUnitOpinions).toHaveLength(1);
    const received = await noticeOf(as['rsj-handler'], id, 'co_opinion_received');
    expect(received.body).toContain(text.opinion);

    // Missed: a reply period of 30 s puts the opinion deadline 8 s after assignment.
    await publishPolicy(stack.pool, { replyPeriod: 'PT30S', coUnitOpinionLeadTime: 'PT22S' }, 'e2e');
    const missed = await assigned('关于规范校外培训收费的建议', { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'] });
    await publishPolicy(stack.pool, { replyPeriod: 'P3M', coUnitOpinionLeadTime: 'P30D' }, 'e2e');
    const dueAt = unit(missed.detail, 'wjw').opinionDueAt;
    const overdue = await eventually(
      'CoUnitOpinionOverdue',
      async () => (await eventsOf(missed.id)).find((e) => e.type === 'CoUnitOpinionOverdue'),
      40_000,
    );
    expect(overdue.data).toEqual({ unitId: 'wjw', dueAt, leadUnitIds: ['rsj'] });
    expect(overdue.occurredAt).toBe(dueAt);
    expect(overdue.actor.role).toBe('system');
    expect(unit((await as.office.get(`/api/proposals/${missed.id}`)).body, 'wjw').opinionOverdueAt).toBe(dueAt);
    const [coNotice, leadNotice] = await Promise.all([
      noticeOf(as['wjw-handler'], missed.id, 'co_opinion_overdue'),
      noticeOf(as['rsj-handler'], missed.id, 'co_opinion_overdue'),
    ]);
    expect(coNotice.body).toContain('尚未向');
    expect(leadNotice.body).toContain('会办单位');

    // A late opinion is still taken, marked late.
    await sign(missed.id, 'wjw');
    const late = await as['wjw-handler'].post(`/api/proposals/${missed.id}/units/wjw/co-opinion`, text);
    expect(late.status).toBe(200);
    expect(unit(late.body, 'wjw').coUnitOpinions).toEqual([expect.objectContaining({ late: true })]);
  });
});

describe('SPEC §4.3 督办台账', () => {
  it('SPEC §4.3 督办台账: a report is recorded; a missed month is a finding recorded by the timer', async () => {
    // The first month's report falls due 12 s after assignment under this test policy.
    await publishPolicy(stack.pool, { progressReportFirstDueAfter: 'PT12S' }, 'e2e');
    const reported = await assigned('关于加强农贸市场管理的建议', { mode: 'single', leadUnitIds: ['rsj'] });
    const silent = await assigned('关于增设社区托育点的建议', { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'] });
    await publishPolicy(stack.pool, { progressReportFirstDueAfter: '' }, 'e2e');
    const month = nextMonth();
    expect(unit(reported.detail, 'rsj').nextProgressReport).toMatchObject({ month });

    await sign(reported.id, 'rsj');
    const path = `/api/proposals/${reported.id}/units/rsj/progress-reports`;
    const progress = { month, progress: '已完成市场摸底，正在制定整治方案' };
    expect((await as['jyj-handler'].post(`/api/proposals/${reported.id}/units/rsj/progress-reports`, progress)).status).toBe(403);
    const bad = await as['rsj-handler'].post(path, { month: '2026-13', progress: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('month');
    const ok = await as['rsj-handler'].post(path, progress);
    expect(ok.status).toBe(200);
    expect(unit(ok.body, 'rsj').progressReports).toEqual([expect.objectContaining({ month, late: false, progress: progress.progress })]);
    expect(unit(ok.body, 'rsj').nextProgressReport.month).not.toBe(month);
    const twice = await as['rsj-handler'].post(path, progress);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PROGRESS_ALREADY_REPORTED');

    // The other item: neither unit reports; the timer records the month for each, dated when it fell due.
    const missed = await eventually(
      'two ProgressReportMissed',
      async () => {
        const m = (await eventsOf(silent.id)).filter((e) => e.type === 'ProgressReportMissed');
        return m.length >= 2 ? m : undefined;
      },
      40_000,
    );
    const byUnit = Object.fromEntries(missed.map((e) => [e.data.unitId, e]));
    expect(byUnit.rsj.data).toMatchObject({ month, reportsTo: 'office' });
    expect(byUnit.wjw.data).toMatchObject({ month, reportsTo: 'lead', leadUnitIds: ['rsj'] });
    for (const e of missed) {
      expect(e.occurredAt).toBe(e.data.dueAt);
      expect(e.actor.role).toBe('system');
    }
    const detail = (await as.office.get(`/api/proposals/${silent.id}`)).body;
    expect(unit(detail, 'rsj').progressReportsMissed).toEqual([{ month, dueAt: byUnit.rsj.data.dueAt }]);
    // A finding, never a blocker: the unit goes on handling and may still report the month, late.
    await sign(silent.id, 'rsj');
    const late = await as['rsj-handler'].post(`/api/proposals/${silent.id}/units/rsj/progress-reports`, { month, progress: '补报：已走访代表' });
    expect(late.status).toBe(200);
    expect(unit(late.body, 'rsj').progressReports).toEqual([expect.objectContaining({ month, late: true })]);
    const notice = await noticeOf(as['rsj-handler'], silent.id, 'progress_report_missed');
    expect(notice.body).toContain(month);
    // The item that reported has no finding.
    expect((await eventsOf(reported.id)).some((e) => e.type === 'ProgressReportMissed')).toBe(false);
  });
});

describe('workflow determinism', () => {
  it('the histories this file recorded replay against the current workflow code', async () => {
    const histories = await fetchHistories(created);
    keepAsFixtures('supervision', histories);
    const results = await replay(histories);
    expect(results).toHaveLength(created.length);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});
