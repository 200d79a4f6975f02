/**
 * The portal in a real browser (Debian's Chromium), against the real API, worker, Temporal and
 * PostgreSQL: each user of the process does their part of one item's life through the pages, in
 * Chinese, at 1366×768. The steps follow each other (one item, registered in the first), and every
 * step saves screenshots to docs/screenshots. No uncaught error or console error is allowed on any
 * page except the 403 a test expects.
 */
import type { Page } from 'playwright-core';
import { dialogClosed, openPortal, pick, screenshot, type Portal } from './browser';
import { startStack, type Stack } from './stack';

const TITLE = '关于加强社区养老服务设施建设的建议';
const PROPOSER = '王建国';
const PHONE = '13912345678';

let stack: Stack;
let portal: Portal;
let itemPath: string;

beforeAll(async () => {
  stack = await startStack();
  portal = await openPortal(stack.baseUrl);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(portal.errors()).toEqual([]);
});

/** An option of the radio group under the form label `label`. */
function radio(page: Page, label: string, option: string) {
  return page.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) }).getByText(option, { exact: true });
}

/** The number on a dashboard statistic (antd Statistic). */
async function stat(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
}

async function openRepliesTab(page: Page) {
  await page.getByRole('tab', { name: /答复/ }).click();
}

/** A reply card's button, on the newest reply (cards are newest first). */
function replyButton(page: Page, name: string) {
  return page.getByTestId('reply').first().getByRole('button', { name, exact: true });
}

describe('the portal, in a browser, for every user of the process', () => {
  it('1 + 5. the office registers an item and assigns it to two units after reading the deadline explanation; the NPC liaison\'s open dashboard shows it within 5 s', async () => {
    // The liaison watches before anything happens.
    const liaison = await portal.as('npc-liaison');
    await liaison.getByText(/^市人大\d{4}年建议提案办理情况$/).waitFor();
    await liaison.getByTestId('stat-assigned').waitFor();
    const assignedBefore = await stat(liaison, 'stat-assigned');
    const totalBefore = await stat(liaison, 'stat-total');

    const office = await portal.as('office');
    await office.getByRole('heading', { name: '建议提案办理' }).waitFor();
    await screenshot(office, '01-office-list');
    await office.goto('/items/new');
    await office.getByLabel('标题').fill(TITLE);
    await office.getByLabel('正文').fill('建议在老旧小区配建日间照料中心，完善助餐服务。');
    await office.getByLabel('主题').fill('民生保障');
    await office.getByLabel('姓名').fill(PROPOSER);
    await office.getByLabel('联系电话').fill(PHONE);
    await office.getByLabel('账号').fill('deputy-1');
    await screenshot(office, '02-office-register');
    await office.getByRole('button', { name: '登记', exact: true }).click();
    await office.waitForURL(/\/items\/[0-9a-f-]{36}$/);
    itemPath = new URL(office.url()).pathname;
    await office.getByText(TITLE).first().waitFor();

    // The list shows it, with its filters in the URL.
    await office.goto('/items?kind=npc_suggestion&status=registered');
    await office.getByRole('link', { name: /2026|20\d\d-建议/ }).first().waitFor();
    expect(await office.getByRole('row', { name: new RegExp(TITLE) }).count()).toBe(1);

    await office.goto(itemPath);
    await office.getByRole('button', { name: '交办', exact: true }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByText('分别办理').click();
    await pick(office, '承办单位', '市人社局');
    await pick(office, '承办单位', '市教育局');
    await office.keyboard.press('Escape');
    // Picked by name; the first listed is vice-mayor-1 (the list is ordered by account).
    await office.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await pick(office, '分管市领导', '');
    // The explanation of each date is there before confirming.
    const preview = dialog.getByTestId('deadline-preview');
    await preview.getByText('退转期限').waitFor();
    await expect(preview.getByTestId('deadline-explanation').first().innerText()).resolves.toMatch(/\S{6,}/);
    await expect(preview.innerText()).resolves.toMatch(/承办单位：市人社局（分别办理）、市教育局（分别办理）/);
    await screenshot(office, '03-office-assign-preview');
    await dialog.getByRole('button', { name: '确认交办' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('cell', { name: '市人社局' }).waitFor();
    await office.getByRole('cell', { name: '市教育局' }).waitFor();
    const assignedAt = Date.now();
    await screenshot(office, '04-office-item-assigned');

    // 5: the liaison's open page follows without a reload.
    // Polled from the test, not with waitForFunction: that evaluates a string inside the page, which
    // the portal's Content Security Policy (script-src 'self', no 'unsafe-eval') rightly refuses.
    while ((await stat(liaison, 'stat-assigned')) !== assignedBefore + 1 && Date.now() - assignedAt < 5_000) {
      await liaison.waitForTimeout(100);
    }
    expect(await stat(liaison, 'stat-assigned')).toBe(assignedBefore + 1);
    expect(Date.now() - assignedAt).toBeLessThan(5_000);
    expect(await stat(liaison, 'stat-total')).toBe(totalBefore + 1);
    await screenshot(liaison, '05-liaison-dashboard');
  });

  it('2. the handler signs, records a face-to-face contact and drafts; the leader sends it back with a comment; the handler redrafts; the leader and the office approve; the handler sends', async () => {
    const handler = await portal.as('rsj-handler');
    await handler.getByRole('tab', { name: /待签收/ }).waitFor();
    await handler.getByRole('link', { name: /建议/ }).first().click();
    await handler.waitForURL(`**${itemPath}`);
    // The unit's deadlines: "剩余 N 天" and a light.
    await handler.getByText(/剩余 \d+ 天/).first().waitFor();
    await handler.getByRole('button', { name: '签收' }).click();
    await handler.getByRole('button', { name: '记录沟通' }).waitFor();
    await handler.getByRole('button', { name: '记录沟通' }).click();
    await handler.getByRole('dialog').getByText('面商').click();
    await handler.getByLabel('沟通情况').fill('到代表所在社区面商，介绍日间照料中心建设计划。');
    await handler.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await dialogClosed(handler);
    await handler.getByRole('button', { name: '起草答复' }).click();
    await pick(handler, '答复类别', 'A 类');
    await handler.getByLabel('答复正文').fill(`${PROPOSER}代表（电话 ${PHONE}）：您提出的建议收悉。我局已将日间照料中心建设列入明年计划。`);
    await screenshot(handler, '06-unit-draft-reply');
    await handler.getByRole('dialog').getByRole('button', { name: '提交审查' }).click();
    await dialogClosed(handler);

    const leader = await portal.as('rsj-leader');
    await leader.getByText('待审核的答复').waitFor();
    await leader.getByRole('link', { name: /建议/ }).first().click();
    await screenshot(leader, '07-leader-review');
    await replyButton(leader, '退回修改').click();
    await leader.getByLabel('审查意见').fill('请补充建设时间表。');
    await leader.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await dialogClosed(leader);
    await leader.getByText('退回修改，请补充建设时间表。').waitFor();

    await handler.reload();
    await openRepliesTab(handler);
    await handler.getByText('请补充建设时间表。').waitFor();
    await replyButton(handler, '重新起草').click();
    await handler.getByLabel('答复正文').fill(`${PROPOSER}代表（电话 ${PHONE}）：您提出的建议收悉。我局已将日间照料中心建设列入明年计划，2027年6月底前建成3处。`);
    await handler.getByRole('dialog').getByRole('button', { name: '提交审查' }).click();
    await dialogClosed(handler);

    await leader.reload();
    await openRepliesTab(leader);
    await replyButton(leader, '审查通过').click();
    await leader.getByText('建议提案处质量审查').first().waitFor();

    const office = await portal.as('office');
    await office.goto('/reviews');
    await office.getByRole('link', { name: /建议/ }).first().click();
    await replyButton(office, '审查通过').click();
    await office.getByText('已审定').first().waitFor();

    await handler.reload();
    await openRepliesTab(handler);
    await replyButton(handler, '发出答复').click();
    await handler.getByText('已答复').first().waitFor();
    await screenshot(handler, '08-unit-reply-sent');
  });

  it('3. the proposer opens the notice, is dissatisfied and sends it back; the unit replies again; the proposer is satisfied', async () => {
    const deputy = await portal.as('deputy-1');
    const openNotice = async () => {
      // the feedback form stands alone (no menu): back to the proposer's own page for the bell
      await deputy.goto('/mine');
      await deputy.getByRole('button', { name: '站内信' }).click();
      const notice = deputy.getByTestId('notice').filter({ hasText: /答复/ }).first();
      await notice.waitFor();
      await screenshot(deputy, '09-proposer-inbox');
      await notice.click();
      await deputy.waitForURL(/\/feedback\//);
      await deputy.getByText('征求意见表').first().waitFor();
    };
    await openNotice();
    await radio(deputy, '对办理态度', '不满意').click();
    await radio(deputy, '对办理结果', '不满意').click();
    await radio(deputy, '承办单位与您沟通的方式', '面商').click();
    await deputy.getByLabel('意见和建议').fill('希望明确选址。');
    await deputy.getByText('不满意，退回重新办理').click();
    await screenshot(deputy, '10-proposer-feedback');
    await deputy.getByRole('button', { name: '提交征求意见表' }).click();
    await deputy.getByText('感谢您的反馈').waitFor();

    // The unit handles it again: a new draft, reviewed and sent.
    const handler = await portal.as('rsj-handler');
    await handler.goto(itemPath);
    await handler.getByRole('button', { name: '起草答复' }).click();
    await pick(handler, '答复类别', 'A 类');
    await handler.getByLabel('答复正文').fill(`${PROPOSER}代表：根据您的意见，三处日间照料中心选址已确定。`);
    await handler.getByRole('dialog').getByRole('button', { name: '提交审查' }).click();
    await dialogClosed(handler);
    const leader = await portal.as('rsj-leader');
    await leader.goto(itemPath);
    await openRepliesTab(leader);
    await replyButton(leader, '审查通过').click();
    await leader.getByText('建议提案处质量审查').first().waitFor();
    const office = await portal.as('office');
    await office.goto(itemPath);
    await openRepliesTab(office);
    await replyButton(office, '审查通过').click();
    await office.getByText('已审定').first().waitFor();
    await handler.reload();
    await openRepliesTab(handler);
    await replyButton(handler, '发出答复').click();
    await handler.getByText('已答复').first().waitFor();

    await openNotice();
    await deputy.getByText('选址已确定').waitFor();
    await radio(deputy, '对办理态度', '满意').click();
    await radio(deputy, '对办理结果', '满意').click();
    await radio(deputy, '承办单位与您沟通的方式', '面商').click();
    await deputy.getByRole('button', { name: '提交征求意见表' }).click();
    await deputy.getByText('感谢您的反馈').waitFor();
  });

  it('4. the unit chooses full disclosure; the public page shows the reply without the proposer\'s name or phone number', async () => {
    const handler = await portal.as('rsj-handler');
    await handler.goto(itemPath);
    await openRepliesTab(handler);
    await replyButton(handler, '选择公开方式').click();
    await radio(handler, '公开方式', '全文公开').click();
    await handler.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await dialogClosed(handler);
    await handler.getByText('公开方式：全文公开').first().waitFor();

    const visitor = await portal.anonymous();
    await visitor.goto('/public');
    const reply = visitor.getByTestId('public-reply').filter({ hasText: TITLE }).first();
    await reply.waitFor({ timeout: 10_000 }).catch(async () => {
      // the public list is a projection: give it a moment, then look again
      await visitor.reload();
      await reply.waitFor();
    });
    await reply.getByText('选址已确定').waitFor();
    const text = await visitor.locator('body').innerText();
    expect(text).not.toContain(PROPOSER);
    expect(text).not.toContain(PHONE);
    await screenshot(visitor, '11-public-site');
  });

  it('5. the CPPCC liaison never sees the NPC item: not on the dashboard, and 无权查看 at its address', async () => {
    const cppcc = await portal.as('cppcc-liaison');
    await cppcc.getByTestId('stat-total').waitFor();
    expect(await stat(cppcc, 'stat-total')).toBe(0);
    portal.allow(/\[cppcc-liaison\] console: Failed to load resource: the server responded with a status of 403/);
    await cppcc.goto(itemPath);
    await cppcc.getByText('无权查看', { exact: true }).waitFor();
    expect(await cppcc.locator('body').innerText()).not.toContain(TITLE);
  });

  it('6. a handler of another unit opening the item\'s address gets a clear 无权查看 page, not a blank one', async () => {
    const other = await portal.as('cjj-handler');
    portal.allow(/\[cjj-handler\] console: Failed to load resource: the server responded with a status of 403/);
    await other.goto(itemPath);
    await other.getByText('无权查看', { exact: true }).waitFor();
    await other.getByRole('button', { name: '返回首页' }).waitFor();
    expect(await other.locator('body').innerText()).not.toContain(TITLE);
    await screenshot(other, '12-forbidden');
  });

  it('an expired session goes back to the login page and returns to the page afterwards', async () => {
    const office = await portal.as('office');
    await office.goto(itemPath);
    await office.getByText(TITLE).first().waitFor();
    await office.evaluate(`localStorage.setItem('jyta.accessToken', 'expired.token.value')`);
    portal.allow(/\[office\] console: Failed to load resource: the server responded with a status of 401/);
    await office.reload();
    await office.waitForURL(/\/login\?from=/);
    await office.getByText('登录已过期，请重新登录').first().waitFor();
    await office.getByLabel('用户名').fill('office');
    await office.getByLabel('密码').fill(process.env.DEMO_PASSWORD || 'Demo#2026');
    await office.getByRole('button', { name: '登录' }).click();
    await office.waitForURL(`**${itemPath}`);
    await office.getByText(TITLE).first().waitFor();
  });

  it('a wrong password shows the API\'s Chinese message on the login page', async () => {
    const page = await portal.anonymous();
    portal.allow(/\[anonymous\] console: Failed to load resource: the server responded with a status of 401/);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/[\u4e00-\u9fa5]/);
    await screenshot(page, '00-login-error');
  });
});
