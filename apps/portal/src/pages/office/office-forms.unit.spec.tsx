import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { ApiError, type ListItem } from '../../api/client';
import { BulkAssignDialog } from './BulkAssignDialog';
import { bulkAssignmentBody, validateBulk } from './bulk-assignment';
import { importErrorRows, progressView } from './import-errors';

// The client keeps the fetch it was created with; route it through globalThis.fetch so the test's stub answers.
jest.mock('../../api/client', () => {
  const actual = jest.requireActual('../../api/client');
  const createClient = jest.requireActual('openapi-fetch').default;
  return { ...actual, api: createClient({ baseUrl: 'http://localhost', fetch: (r: Request) => globalThis.fetch(r) }) };
});


const day = '2026-11-27';
const item = (id: string, status = 'registered') => ({ id, status });

describe('bulk assignment: the selection and the shared assignment are checked before the API is asked', () => {
  it('needs a selection, refuses archived or merged items, and checks the assignment like the single one', () => {
    expect(validateBulk([], { mode: 'single', leadUnitIds: ['rsj'], assignedOn: day })).toEqual({ items: '请先在列表中勾选要交办的件' });
    expect(validateBulk([item('a'), item('b', 'archived')], { mode: 'single', leadUnitIds: ['rsj'], assignedOn: day }).items).toMatch(/已归档/);
    expect(validateBulk([item('a')], { mode: 'lead', leadUnitIds: ['rsj'], assignedOn: day })).toEqual({ coUnitIds: '请至少选择一个会办单位' });
    expect(validateBulk([item('a'), item('b')], { mode: 'separate', leadUnitIds: ['rsj', 'jyj'], assignedOn: day })).toEqual({});
  });

  it('sends the day once and the same units for each item', () => {
    expect(bulkAssignmentBody([item('a'), item('b')], { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['jyj'], assignedOn: day, leaderInCharge: 'vice-mayor-1' })).toEqual({
      assignedOn: day,
      items: [
        { proposalId: 'a', mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['jyj'], leaderInCharge: 'vice-mayor-1' },
        { proposalId: 'b', mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['jyj'], leaderInCharge: 'vice-mayor-1' },
      ],
    });
  });

  it('the dialog names the missing unit and posts nothing', async () => {
    const fetchSpy = jest.fn(async (_input: RequestInfo | URL) => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const rows = [{ id: 'a', number: '2026-建议-0001', title: '甲', status: 'registered' }] as ListItem[];
    render(
      <QueryClientProvider client={qc}>
        <App>
          <BulkAssignDialog items={rows} onClose={() => undefined} />
        </App>
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /确认交办/ }));
    // antd in jsdom is slow on a loaded machine: the wait is bounded generously (it measures nothing).
    await waitFor(() => expect(screen.getByText('单一办理须选择一个承办单位')).toBeInTheDocument(), { timeout: 20_000 });
    const posted = fetchSpy.mock.calls.filter(([input]) => input instanceof Request && input.method === 'POST');
    expect(posted).toHaveLength(0);
  }, 120_000);
});

describe('the import page shows the errors the API lists, row by row', () => {
  it('IMPORT_INVALID: every wrong cell with its row, column and Chinese message, and the total', () => {
    const e = new ApiError(400, 'IMPORT_INVALID', '导入文件有 2 处错误', {
      rows: [
        { row: 3, column: '类别', field: 'kind', message: '类别“请愿”无效' },
        { row: 4, column: '标题', field: 'title', message: '标题为必填项' },
      ],
      total: 7,
    });
    expect(importErrorRows(e)).toEqual({
      rows: [
        { key: '0', row: 3, column: '类别', message: '类别“请愿”无效' },
        { key: '1', row: 4, column: '标题', message: '标题为必填项' },
      ],
      total: 7,
    });
  });

  it('IMPORT_INCOMPLETE: the rows not registered; anything else: no table', () => {
    const e = new ApiError(503, 'IMPORT_INCOMPLETE', '1 行未能登记', { imported: [], failed: [{ row: 5, statusCode: 503, code: 'X', message: '服务暂时不可用' }] });
    expect(importErrorRows(e).rows).toEqual([{ key: '0', row: 5, column: '—', message: '服务暂时不可用' }]);
    expect(importErrorRows(new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件不能超过 10 MB')).rows).toEqual([]);
    expect(importErrorRows(new Error('x')).rows).toEqual([]);
  });

  it('progress in words and percent', () => {
    expect(progressView(undefined)).toEqual({ percent: 0, text: '正在上传文件…' });
    expect(progressView({ phase: 'registering', total: 8, done: 2 })).toEqual({ percent: 25, text: '正在登记：2 / 8 行' });
    expect(progressView({ phase: 'done', total: 8, done: 8 }).percent).toBe(100);
  });
});
