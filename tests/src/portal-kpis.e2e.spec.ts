/**
 * The KPI page (/kpis) in a real browser against the real stack: three items taken through the
 * process over HTTP (A: 面商, reply A, satisfied; B: phone, reply C, dissatisfied; P: assigned,
 * nothing yet), then the office opens the page, reads a figure (satisfaction 1 of 2, 50.0%, red:
 * missed), opens the items behind its denominator and follows one to its item page; the NPC
 * liaison's dashboard shows its chamber's card. The year-end evaluation follows the weights an
 * administrator publishes in the policy. No console error is allowed on any page.
 */
import { openPortal, screenshot, type Portal } from './browser';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let portal: Portal;
const as: Record<string, ApiClient> = {};
const YEAR = Number(shanghaiDay().slice(0, 4));

beforeAll(async () => {
  stack = await startStack();
  const users = ['office', 'admin', 'rsj-handler', 'rsj-leader', 'deputy-1'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
  portal = await openPortal(stack.baseUrl);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(portal.errors()).toEqual([]);
});

const items: Record<string, { id: string; number: string }> = {};

async function registerAndAssign(name: string) {
  const reg = await as.office.post(
    '/api/proposals',
    registration({ sessionYear: YEAR, title: `关于考核指标页面测试件 ${name} 的建议`, proposers: [{ name: `测试代表${name}`, username: 'deputy-1', phone: '13800000000' }] }),
  );
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  expect((await as.office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/receipt`)).status).toBe(200);
  items[name] = { id, number: reg.body.number };
}

/** Contact, draft → leader → office → send, and the proposer's answer on the form. */
async function handle(name: string, method: string, category: string, result: string) {
  const { id } = items[name];
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/units/rsj/contacts`, { method, on: shanghaiDay(), summary: '与代表沟通办理意见' })).status).toBe(200);
  const d = await as['rsj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'rsj', category, body: '关于您提出的建议，答复如下：……' });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as['rsj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as['rsj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
  const token = await eventually('the feedback token', async () => {
    const mine = await as['deputy-1'].get(`/api/proposals/${id}`);
    return mine.body.replies?.find((r: any) => r.id === replyId)?.feedbackToken as string | undefined;
  });
  expect((await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { contact: 'face_to_face', attitude: 'satisfied', result, sendBack: false })).status).toBe(200);
}

describe('the KPI page', () => {
  it('three items through the process; the API counts them', async () => {
    await registerAndAssign('A');
    await registerAndAssign('B');
    await registerAndAssign('P');
    await handle('A', 'face_to_face', 'A', 'satisfied');
    await handle('B', 'phone', 'C', 'dissatisfied');
    const r = await eventually('the figures', async () => {
      const res = await as.office.get(`/api/stats/kpis?year=${YEAR}`);
      return res.body.overall?.satisfaction.denominator === 2 ? res.body : undefined;
    });
    expect(r.overall.satisfaction).toMatchObject({ numerator: 1, denominator: 2, pending: 1, met: false });
    expect(r.overall.face_to_face).toMatchObject({ numerator: 1, denominator: 2, pending: 1 });
    expect(r.overall.solved).toMatchObject({ numerator: 1, denominator: 2, pending: 1, met: true });
    expect(r.openPromises).toBe(0);
  });

  it('the office reads a figure, red where missed, and follows its denominator to the items and on to one of them', async () => {
    const office = await portal.as('office');
    await office.goto('/kpis');
    await office.getByText('考核指标（第十六条）').waitFor();
    const rate = office.getByTestId('kpi-satisfaction-rate');
    await rate.waitFor();
    expect(await rate.innerText()).toBe('50.0% 未达标');
    expect(await rate.getAttribute('style')).toMatch(/color: rgb\(207, 19, 34\)/);
    expect(await office.getByTestId('kpi-satisfaction-numerator').innerText()).toBe('1');
    expect(await office.getByTestId('kpi-solved-rate').innerText()).toBe('50.0%');
    // both charts are drawn
    await office.getByRole('img', { name: '各承办单位按时答复率' }).locator('canvas').waitFor();
    await office.getByRole('img', { name: '各月末按时答复率' }).locator('canvas').waitFor();
    await screenshot(office, 'kpis');

    await office.getByTestId('kpi-satisfaction-denominator').click();
    const drawer = office.getByRole('dialog');
    await drawer.getByText('满意率 · 分母').waitFor();
    const listed = drawer.getByTestId('kpi-drill').getByRole('link');
    await listed.nth(1).waitFor();
    expect((await listed.allInnerTexts()).sort()).toEqual([items.A.number, items.B.number].sort());
    await drawer.getByRole('link', { name: items.B.number }).click();
    await office.waitForURL(`**/items/${items.B.id}`);
    await office.getByText('关于考核指标页面测试件 B 的建议').first().waitFor();

    // the pending figure lists the item not replied yet
    await office.goto('/kpis');
    await office.getByTestId('kpi-satisfaction-pending').click();
    await office.getByRole('dialog').getByRole('link', { name: items.P.number }).waitFor();
  });

  it('the NPC liaison sees its chamber\'s figures on its dashboard', async () => {
    const liaison = await portal.as('npc-liaison');
    await liaison.goto('/dashboard');
    const card = liaison.getByTestId('kpi-card-satisfaction');
    await card.getByText('50.0%').waitFor();
    await liaison.getByTestId('kpi-card').getByRole('link', { name: '详情' }).waitFor();
  });

  it('the evaluation follows the weights the administrator publishes in the policy; bad weights are refused', async () => {
    const before = await as.office.get(`/api/reports/evaluation?year=${YEAR}`);
    expect(before.body.weights).toEqual({ on_time: 30, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 });
    const bad = await as.admin.request<any>('PUT', '/api/admin/policy', { evaluationWeights: { on_time: -1, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['evaluationWeights']);
    const put = await as.admin.request<any>('PUT', '/api/admin/policy', { evaluationWeights: { on_time: 0, face_to_face: 1, key_satisfaction: 0, satisfaction: 0, solved: 0 } });
    expect(put.status).toBe(201);
    expect(put.body.evaluationWeights).toEqual({ on_time: 0, face_to_face: 1, key_satisfaction: 0, satisfaction: 0, solved: 0 });
    const after = await as.office.get(`/api/reports/evaluation?year=${YEAR}`);
    expect(after.body.weights).toEqual(put.body.evaluationWeights);
    // only face to face counts now: rsj met 1 of 2 against 100%
    expect(after.body.units.map((u: any) => [u.unitId, u.score])).toEqual([['rsj', 50]]);
  });
});
