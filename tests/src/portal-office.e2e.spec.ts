/**
 * The office console (建议提案处) and the administration pages in a real browser (Debian's
 * Chromium), against the real API, worker, Temporal and PostgreSQL, at 1366×768: a spreadsheet
 * import refused row by row and then accepted with its progress, a bulk assignment of the rows the
 * office ticked, a return request approved from the queue and the item re-assigned, and the admin's
 * policy and holiday calendar. Screenshots go to docs/screenshots/office-*.png. No uncaught error
 * or console error is allowed except the refusals a step provokes on purpose.
 */
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { dialogShows, openPortal, pick, screenshot, type Portal } from './browser';
import { ApiClient, eventually } from './http';
import { startStack, type Stack } from './stack';

const TOPIC = '港口物流';
const HEADER = ['类别', '级别', '届次年份', '提出时间', '标题', '内容', '主题', '提出人', '联系电话'];
const ROWS = 5;

let stack: Stack;
let portal: Portal;
let office: Page;

function xlsx(rows: string[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, ...rows]), '建议提案');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
const row = (i: number, kind = '人大代表建议') => [kind, '本级', '2026', '会议期间', `关于发展${TOPIC}产业的建议（第 ${i} 件）`, '建议完善港口物流园区配套。', TOPIC, `测试代表${i}`, '13800001234'];

async function uploadInPage(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByRole('button', { name: '开始导入' }).click();
}

beforeAll(async () => {
  stack = await startStack();
  portal = await openPortal(stack.baseUrl);
  office = await portal.as('office');
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(portal.errors()).toEqual([]);
});

describe('the office console and the administration, in a browser', () => {
  it('imports a spreadsheet: a bad row gives the errors table and registers nothing; a good file shows its progress, then the items', async () => {
    // The refusal is an HTTP 400 the browser reports in its console: expected here, and only for the import.
    portal.allow(/status of 400.*\/api\/proposals\/import/);
    await office.goto('/import');
    await uploadInPage(office, '有误.xlsx', xlsx([row(1), row(2, '请愿'), row(3)]));
    const errors = office.getByTestId('import-errors');
    await errors.waitFor();
    const bad = errors.getByRole('row', { name: /类别/ });
    await expect(bad.innerText()).resolves.toMatch(/^3\s+类别\s+.*请愿/);
    await office.getByText(/未登记任何一件/).first().waitFor();
    await screenshot(office, 'office-import-errors');
    // Nothing registered: no registration event at all (the list, a projection, could merely lag).
    const registrations = async () => Number((await stack.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE type = 'ProposalRegistered'`)).rows[0].n);
    expect(await registrations()).toBe(0);

    await uploadInPage(office, '第一批.xlsx', xlsx(Array.from({ length: ROWS }, (_, i) => row(i + 1))));
    const progress = office.getByTestId('import-progress');
    await progress.waitFor();
    await progress.getByText(`登记完成：${ROWS} / ${ROWS} 行`).waitFor();
    await office.getByText(`已登记 ${ROWS} 件`).waitFor();
    expect(await office.getByTestId('import-result').locator('tbody tr').count()).toBe(ROWS);
    await screenshot(office, 'office-import-done');
    expect(await registrations()).toBe(ROWS);
    // The list (a projection) follows.
    const registered = await ApiClient.login(stack.baseUrl, 'office');
    await eventually('the imported items in the list', async () =>
      (await registered.get(`/api/proposals?topic=${encodeURIComponent(TOPIC)}`)).body.total === ROWS ? true : undefined,
    );
  });

  it('filters the list (kept in the URL), ticks the rows and assigns them at once, with a result per item', async () => {
    await office.goto(`/items?status=registered&topic=${encodeURIComponent(TOPIC)}&proposer=${encodeURIComponent('测试代表')}`);
    await office.getByRole('row', { name: /第 1 件/ }).waitFor();
    expect(await office.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(ROWS);
    await office.locator('.ant-table-thead .ant-checkbox-input').check();
    await office.getByRole('button', { name: `批量交办（${ROWS} 件）` }).click();
    const dialog = office.getByRole('dialog');
    const api = await ApiClient.login(stack.baseUrl, 'office');
    const leader = (await api.get('/api/leaders')).body.find((l: { username: string }) => l.username === 'vice-mayor-1').name as string;
    await pick(office, '承办单位', '市人社局', dialog);
    await office.keyboard.press('Escape');
    await office.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await pick(office, '分管市领导', leader, dialog);
    await screenshot(office, 'office-bulk-assign');
    await dialog.getByRole('button', { name: '确认交办' }).click();
    const results = dialog.getByTestId('bulk-results');
    await dialogShows(office, results);
    expect(await results.getByText('已交办', { exact: true }).count()).toBe(ROWS);
    await dialog.getByText(`已交办 ${ROWS} 件，未交办 0 件`).waitFor();
    await screenshot(office, 'office-bulk-result');
    await dialog.getByRole('button', { name: '完成' }).click();

    // The list now shows them assigned (once the projection has them), with the leader's name rather than an account code.
    await eventually('the items assigned in the list', async () =>
      (await api.get(`/api/proposals?status=assigned&topic=${encodeURIComponent(TOPIC)}`)).body.total === ROWS ? true : undefined,
    );
    await office.goto(`/items?status=assigned&topic=${encodeURIComponent(TOPIC)}`);
    await office.getByRole('row', { name: /第 1 件/ }).waitFor();
    const assignedRow = await office.getByRole('row', { name: /第 1 件/ }).innerText();
    expect(assignedRow).toContain(leader);
    expect(assignedRow).not.toMatch(/vice-mayor/);
    expect(await office.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(ROWS);
  });

  it('approves a return request from the queue, then re-assigns the item to another unit', async () => {
    const api = await ApiClient.login(stack.baseUrl, 'office');
    const item = (await api.get(`/api/proposals?topic=${encodeURIComponent(TOPIC)}&q=${encodeURIComponent('第 2 件')}`)).body.items[0];
    const handler = await ApiClient.login(stack.baseUrl, 'rsj-handler');
    const asked = await handler.post(`/api/proposals/${item.id}/units/rsj/return-request`, { reason: '该事项属港务部门职责，不属我局。' });
    expect([asked.status, asked.body?.code]).toEqual([200, undefined]);

    await eventually('the return request in the queue', async () =>
      (await api.get('/api/proposals?awaiting=return-decision')).body.total === 1 ? true : undefined,
    );
    await office.goto('/queues');
    const queueRow = office.getByRole('row', { name: new RegExp(item.number) });
    await queueRow.waitFor();
    await screenshot(office, 'office-queue-returns');
    await queueRow.getByRole('button', { name: '审批' }).click();
    const handle = office.getByRole('dialog', { name: new RegExp(`退转申请：${item.number}`) });
    await handle.getByText('该事项属港务部门职责，不属我局。').waitFor();
    await handle.getByLabel('决定意见').fill('同意退转，改由市交通局办理。');
    await handle.getByRole('button', { name: '同意退转', exact: true }).click();
    await handle.getByText('主办单位已全部退转，待重新交办').waitFor();
    await handle.getByRole('button', { name: '重新交办' }).click();
    const assign = office.getByRole('dialog', { name: '交办' });
    await pick(office, '承办单位', '市交通局', assign);
    await office.keyboard.press('Escape');
    await assign.getByTestId('deadline-preview').waitFor();
    await screenshot(office, 'office-reassign');
    await assign.getByRole('button', { name: '确认交办' }).click();
    await assign.waitFor({ state: 'hidden' });
    await handle.getByText('没有待决定的退转申请').waitFor();

    const after = (await api.get(`/api/proposals/${item.id}`)).body;
    expect(after.status).toBe('assigned');
    expect(after.assignments.map((u: { unitId: string; status: string }) => [u.unitId, u.status])).toEqual([
      ['rsj', 'returned'],
      ['jtj', 'assigned'],
    ]);
    // Out of the queue once decided (filtered on the server, from the list projection).
    await eventually('the return request out of the queue', async () =>
      (await api.get('/api/proposals?awaiting=return-decision')).body.total === 0 ? true : undefined,
    );
  });

  it('the admin edits the policy (a wrong value is shown at its field) and adds the 2027 holiday calendar, seeing the recompute result', async () => {
    const admin = await portal.as('admin');
    await admin.goto('/admin/policy');
    const returnWindow = admin.getByLabel('退转期限', { exact: true });
    await returnWindow.fill('十五天');
    await admin.getByRole('button', { name: '发布新版本' }).click();
    await admin.getByText(/格式应为 P15D/).waitFor();
    await returnWindow.fill('P20D');
    await admin.getByRole('button', { name: '发布新版本' }).click();
    await admin.getByText(/已发布办理政策第 2 版/).waitFor();
    await admin.getByText('第 2 版').first().waitFor();
    await screenshot(admin, 'office-admin-policy');
    expect((await (await ApiClient.login(stack.baseUrl, 'admin')).get('/api/admin/policy')).body).toMatchObject({ version: 2, returnWindow: 'P20D' });

    await admin.goto('/admin/calendar?year=2027');
    await admin.getByText(/2027 年节假日安排尚未录入|2027 年已录入/).waitFor();
    const table = admin.getByTestId('calendar-days');
    const existing = await table.locator('tbody tr.ant-table-row').count();
    for (const [date, kind, name] of [
      ['2027年1月1日', '放假', '元旦'],
      ['2027年2月6日', '调休上班', '春节调休上班'],
    ] as const) {
      await admin.getByRole('button', { name: '添加一天' }).click();
      const last = table.locator('tbody tr.ant-table-row').last();
      await last.locator('.ant-picker input').fill(date);
      await last.locator('.ant-picker input').press('Enter');
      if (kind !== '放假') {
        await last.locator('.ant-select').click();
        await admin.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: kind }).click();
      }
      await last.getByLabel('名称').fill(name);
    }
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(existing + 2);
    await admin.getByRole('button', { name: '保存 2027 年' }).click();
    const result = admin.getByTestId('recompute-result');
    await result.getByText(/在办件重新计算期限：共 \d+ 件，期限有变化 \d+ 件，失败 0 件/).waitFor({ timeout: 60_000 });
    await screenshot(admin, 'office-admin-calendar');
    const saved = (await (await ApiClient.login(stack.baseUrl, 'admin')).get('/api/admin/calendar/2027')).body;
    expect(saved.covered).toBe(true);
    expect(saved.days).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2027-02-06', kind: 'workday' })]));
  });
});
