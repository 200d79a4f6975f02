/**
 * The portal's role pages in a real browser (Debian's Chromium) against the real API, worker,
 * Temporal and PostgreSQL: the unit's handling forms (月度进度, 延期说明, 请示), the vice mayor's one
 * queue (阅批, 阅示) and the public site (search by unit and category, a page per reply). What a
 * step needs beforehand (registration, assignment, a satisfied reply) is done over HTTP; what the
 * test is about is done in the page. Any console error fails the test; screenshots go to
 * docs/screenshots/roles-*.png.
 */
import type { Page } from 'playwright-core';
import { openPortal, pick, screenshot, type Portal } from './browser';
import { registration } from './fixtures';
import { ApiClient, eventually, shanghaiDay } from './http';
import { startStack, type Stack } from './stack';

const PROPOSER = '赵明远';
const PHONE = '13787654321';

let stack: Stack;
let portal: Portal;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  stack = await startStack();
  portal = await openPortal(stack.baseUrl);
  const users = ['office', 'jtj-handler', 'jtj-leader', 'deputy-1', 'vice-mayor-1', 'vice-mayor-2'];
  const clients = await Promise.all(users.map((u) => ApiClient.login(stack.baseUrl, u)));
  users.forEach((u, i) => (as[u] = clients[i]));
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(portal.errors()).toEqual([]);
});

const assignment = { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay(), leaderInCharge: 'vice-mayor-1' };

async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await as.office.post('/api/proposals', registration({ proposers: [{ name: PROPOSER, phone: PHONE, username: 'deputy-1' }], ...overrides }));
  expect(r.status).toBe(201);
  return r.body.id;
}

async function assignedAndSigned(title: string): Promise<string> {
  const id = await registered({ title });
  expect((await as.office.post(`/api/proposals/${id}/assignment`, assignment)).status).toBe(200);
  expect((await as['jtj-handler'].post(`/api/proposals/${id}/units/jtj/receipt`)).status).toBe(200);
  return id;
}

/** Register, assign to 市交通局, reply (naming the proposer), send, and the proposer answers `result`. */
async function satisfiedReply(title: string, body: string): Promise<[string, string]> {
  const id = await assignedAndSigned(title);
  const d = await as['jtj-handler'].post(`/api/proposals/${id}/replies`, { unitId: 'jtj', category: 'A', body });
  expect(d.status).toBe(201);
  const replyId: string = d.body.replyId;
  expect((await as['jtj-leader'].post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as.office.post(`/api/proposals/${id}/replies/${replyId}/review`, { approve: true })).status).toBe(200);
  expect((await as['jtj-handler'].post(`/api/proposals/${id}/replies/${replyId}/send`)).status).toBe(200);
  const token = (await as['deputy-1'].get(`/api/proposals/${id}`)).body.replies[0].feedbackToken;
  expect((await new ApiClient(stack.baseUrl).post(`/api/feedback/${token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' })).status).toBe(200);
  return [id, replyId];
}

/** Opens a dialog by its button and waits until it is shown. */
async function openDialog(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function submit(page: Page, ok = '提交') {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the portal for the unit, the vice mayor and the public', () => {
  it('the unit files a monthly progress report, an explanation (延期说明) and a 请示; the forms say what is missing; the return button counts down', async () => {
    const title = '关于优化公交线路覆盖新建小区的建议';
    const id = await assignedAndSigned(title);

    const handler = await portal.as('jtj-handler');
    await handler.getByRole('tab', { name: /办理中/ }).click();
    await handler.getByRole('row', { name: new RegExp(title) }).waitFor();
    await handler.getByText(/剩余 \d+ 天/).first().waitFor();
    await screenshot(handler, 'roles-01-unit-portal');

    // A tablet's width: the tabs and the table stay usable.
    await handler.setViewportSize({ width: 768, height: 1024 });
    await handler.getByRole('tab', { name: /办理中/ }).waitFor();
    await screenshot(handler, 'roles-02-unit-portal-tablet');
    await handler.setViewportSize({ width: 1366, height: 768 });

    await handler.goto(`/items/${id}`);
    await handler.getByText(title).first().waitFor();
    // The return window's countdown is on the button; the leader in charge is a name, not an account.
    await handler.getByRole('button', { name: /申请退转（剩余 \d+ 天）/ }).waitFor();
    await handler.getByText('分管市领导').waitFor();
    expect(await handler.locator('body').innerText()).not.toContain('vice-mayor-1');

    // 月度办理进度: the empty form names the missing field and sends nothing.
    let dialog = await openDialog(handler, '报送进度');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请填写办理进展').waitFor();
    await dialog.getByLabel('办理进展').fill('已完成线路客流调查，拟于下月调整 28 路走向。');
    await screenshot(handler, 'roles-03-unit-progress-report');
    await submit(handler);
    await handler.getByText(/已完成线路客流调查/).waitFor();

    // 延期说明 (Art. 19).
    dialog = await openDialog(handler, '延期说明');
    await dialog.getByLabel('办理中遇到的困难').fill('新建小区道路尚未移交，公交场站用地未落实。');
    await dialog.getByLabel('已采取的措施').fill('已函请自然资源部门协调场站用地。');
    await dialog.getByLabel('预计办结日期').click();
    await handler.locator('.ant-picker-dropdown:visible .ant-picker-cell-in-view').last().click();
    await submit(handler);
    await handler.getByText(/困难：新建小区道路尚未移交/).waitFor();
    expect(await handler.getByRole('button', { name: '延期说明', exact: true }).count()).toBe(0);

    // 请示 (Art. 5): until it is answered, no reply can be drafted.
    dialog = await openDialog(handler, '请示');
    await dialog.getByLabel('请示的上级政府或部门').fill('省交通运输厅');
    await dialog.getByLabel('请示事项').fill('跨市公交线路延伸是否须报省厅审批');
    await screenshot(handler, 'roles-04-unit-instructions');
    await submit(handler);
    await handler.getByText(/向省交通运输厅请示：跨市公交线路延伸是否须报省厅审批。尚未答复/).waitFor();
    await handler.getByRole('button', { name: '记录上级答复' }).waitFor();
    expect(await handler.getByRole('button', { name: '起草答复' }).count()).toBe(0);
    await screenshot(handler, 'roles-05-unit-item-records');

    // What the API recorded.
    const u = (await as.office.get(`/api/proposals/${id}`)).body.assignments[0];
    expect(u.progressReports).toHaveLength(1);
    expect(u.explanation).toMatchObject({ reasons: '新建小区道路尚未移交，公交场站用地未落实。' });
    expect(u.instructionRequests).toHaveLength(1);
    expect(u.instructionsPending).toBe(true);
  });

  it('the vice mayor works one queue: 阅批 of a major item and 阅示 of a satisfied reply', async () => {
    const majorTitle = '关于调整城市快速路网规划的建议';
    const major = await registered({ title: majorTitle, major: true });
    expect((await as.office.post(`/api/proposals/${major}/major-approval/submission`, { viceMayor: 'vice-mayor-1', note: '涉及全市交通全局' })).status).toBe(200);
    const readTitle = '关于增设学校周边公交站点的建议';
    await satisfiedReply(readTitle, '经研究，已在三所学校周边增设公交站点。');
    // The queue is filtered on the server for the vice mayor asking: another vice mayor's holds neither item.
    const queueOf = async (who: string) => {
      const r = await as[who].get('/api/proposals?awaiting=vice-mayor&pageSize=50');
      expect(r.status).toBe(200);
      return (r.body.items as { title: string }[]).map((i) => i.title);
    };
    await eventually('both items in the queue of vice-mayor-1', async () => {
      const mine = await queueOf('vice-mayor-1');
      return mine.includes(majorTitle) && mine.includes(readTitle) ? mine : undefined;
    });
    const theirs = await queueOf('vice-mayor-2');
    expect(theirs).not.toContain(majorTitle);
    expect(theirs).not.toContain(readTitle);

    const vm = await portal.as('vice-mayor-1');
    await vm.waitForURL('**/vice-mayor');
    await vm.getByText('分管副市长待办').waitFor();
    const majorRow = vm.getByRole('row', { name: new RegExp(majorTitle) });
    const readRow = vm.getByRole('row', { name: new RegExp(readTitle) });
    await majorRow.getByText('重大事项阅批').waitFor();
    await readRow.getByText('满意答复阅示').waitFor();
    await screenshot(vm, 'roles-06-vice-mayor-queue');

    await majorRow.getByRole('button', { name: '阅批' }).click();
    await vm.getByRole('dialog').getByLabel('批示').fill('请市交通局牵头研究，年内拿出方案');
    await submit(vm, '阅批');
    await majorRow.waitFor({ state: 'detached' });

    await readRow.getByRole('button', { name: '阅示' }).click();
    await vm.getByRole('dialog').getByLabel('阅示意见').fill('已阅，继续跟踪落实');
    await submit(vm, '阅示');
    await readRow.waitFor({ state: 'detached' });
    await vm.getByText('暂无待办事项').waitFor();

    const approved = (await as.office.get(`/api/proposals/${major}`)).body.majorApproval;
    expect(approved).toMatchObject({ viceMayor: 'vice-mayor-1', instructions: '请市交通局牵头研究，年内拿出方案', approvedAt: expect.any(String) });

    // The item page names the vice mayor, never the account.
    await vm.goto(`/items/${major}`);
    await vm.getByText(/已于.*阅批，批示：请市交通局牵头研究/).waitFor();
    expect(await vm.locator('body').innerText()).not.toContain('vice-mayor-1');
    await screenshot(vm, 'roles-07-vice-mayor-item');
  });

  it('the public searches by unit and category and opens a reply: the unit is named, the proposer is not', async () => {
    const title = '关于延长夜间公交运营时间的建议';
    const [id, replyId] = await satisfiedReply(title, `${PROPOSER}代表（电话 ${PHONE}）：您的建议收悉，夜班公交已延长至 23 时。`);
    expect((await as['jtj-handler'].post(`/api/proposals/${id}/replies/${replyId}/disclosure`, { mode: 'full' })).status).toBe(200);

    // The proposer's own list: the stage in words, the replies and the history one click away.
    const deputy = await portal.as('deputy-1');
    const mine = deputy.getByRole('row', { name: new RegExp(title) });
    await mine.getByText('已办结').waitFor();
    await screenshot(deputy, 'roles-10-proposer-mine');
    await mine.getByRole('link', { name: '办理履历' }).click();
    await deputy.getByRole('tab', { name: '履历', selected: true }).waitFor();
    await deputy.locator('.ant-timeline').getByText('交办', { exact: true }).waitFor();
    expect(await deputy.locator('body').innerText()).not.toMatch(/jtj-handler|vice-mayor-1/);

    const pub = await portal.anonymous();
    await pub.goto('/public');
    await pub.getByText('建议提案办理结果公开').waitFor();
    await pick(pub, '答复单位', '市交通局');
    await pick(pub, '答复类别', 'A 类');
    await pub.getByRole('button', { name: /查\s*询/ }).click();
    await pub.waitForURL(/unitId=jtj/);
    expect(new URL(pub.url()).searchParams.get('category')).toBe('A');
    const row = pub.getByTestId('public-reply').filter({ hasText: title });
    await row.getByText('答复单位：市交通局').waitFor();
    await screenshot(pub, 'roles-08-public-search');

    await row.getByRole('link', { name: new RegExp(title) }).click();
    await pub.waitForURL(`**/public/replies/${replyId}`);
    await pub.getByTestId('public-unit').getByText('市交通局').waitFor();
    await pub.getByTestId('public-text').getByText(/夜班公交已延长至 23 时/).waitFor();
    const text = await pub.locator('body').innerText();
    expect(text).not.toContain(PROPOSER);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('承办单位：');
    await screenshot(pub, 'roles-09-public-reply');

    // The API behind it: the unit's name on every row, a page per reply, 404 for one not published.
    const anonymous = new ApiClient(stack.baseUrl);
    const list = await anonymous.get('/api/public/replies?unitId=jtj&category=A&pageSize=100');
    expect(list.body.items.find((r: { replyId: string }) => r.replyId === replyId)).toMatchObject({ unitId: 'jtj', unitName: '市交通局', mode: 'full' });
    expect(JSON.stringify(list.body)).not.toMatch(new RegExp(`${PROPOSER}|${PHONE}`));
    expect((await anonymous.get(`/api/public/replies/${replyId}`)).body).toMatchObject({ replyId, unitName: '市交通局', title });
    expect((await anonymous.get('/api/public/replies/not-published')).body).toMatchObject({ statusCode: 404, code: 'PUBLIC_REPLY_NOT_FOUND' });
    expect((await anonymous.get('/api/public/replies/a%00b')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const units = (await anonymous.get('/api/public/units')).body as Record<string, string>[];
    expect(units).toContainEqual({ code: 'jtj', name: '市交通局' });
    expect(units.every((u) => Object.keys(u).sort().join() === 'code,name')).toBe(true);

    // Another unit's filter does not find it.
    await pub.goto('/public?unitId=jyj');
    await pub.getByText('暂无公开的办理结果').waitFor();
  });
});
