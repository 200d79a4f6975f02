import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { calendarProblems } from './calendar-form';
import PolicyPage from './PolicyPage';
import { formFieldOf, policyChanges, policyFields, policyValueProblem } from './policy-form';

// The client keeps the fetch it was created with; route it through globalThis.fetch so the test's stub answers.
jest.mock('../../api/client', () => {
  const actual = jest.requireActual('../../api/client');
  const createClient = jest.requireActual('openapi-fetch').default;
  return { ...actual, api: createClient({ baseUrl: 'http://localhost', fetch: (r: Request) => globalThis.fetch(r) }) };
});


/** antd in jsdom is slow on a loaded machine: waits bounded generously (they measure nothing). */
const SLOW = { timeout: 20_000 };

const POLICY = {
  version: 3,
  returnWindow: 'P15D',
  replyPeriod: 'P3M',
  replyReminders: ['P30D', 'P7D'],
  progressReportDays: { co: 22, lead: 25 },
  createdAt: '2026-11-01T02:00:00.000Z',
  createdBy: 'admin',
  labels: { returnWindow: '15日' },
};

describe('the policy form is drawn from the policy the API answers', () => {
  it('one input per policy field, of the kind of its value; the version bookkeeping is not a field', () => {
    expect(policyFields(POLICY)).toEqual([
      { name: 'returnWindow', label: '退转期限', kind: 'period' },
      { name: 'replyPeriod', label: '答复期限', kind: 'period' },
      { name: 'replyReminders', label: '答复期限届满前催办', kind: 'periods' },
      {
        name: 'progressReportDays',
        label: '督办台账每月报送日',
        kind: 'group',
        members: [
          { name: 'co', label: '会办单位报送日', kind: 'number' },
          { name: 'lead', label: '主办单位报送日', kind: 'number' },
        ],
      },
    ]);
  });

  it('a field added later (evaluationWeights) shows up without code, in Chinese', () => {
    const f = policyFields({ ...POLICY, evaluationWeights: { onTime: 0.4, satisfied: 0.6 } }).at(-1)!;
    expect(f).toMatchObject({ name: 'evaluationWeights', label: '考核评分权重', kind: 'group' });
    expect(f.members!.map((m) => [m.label, m.kind])).toEqual([
      ['其他设置', 'number'],
      ['其他设置', 'number'],
    ]);
  });

  it('checks periods, reminder lists and report days', () => {
    expect(policyValueProblem({ name: 'returnWindow', kind: 'period' }, 'P15D')).toBeUndefined();
    expect(policyValueProblem({ name: 'returnWindow', kind: 'period' }, '15天')).toMatch(/P15D/);
    expect(policyValueProblem({ name: 'replyReminders', kind: 'periods' }, ['P30D', 'P1M'])).toMatch(/以日计/);
    expect(policyValueProblem({ name: 'replyReminders', kind: 'periods' }, [])).toBeUndefined();
    expect(policyValueProblem({ name: 'co', kind: 'number' }, 32)).toBe('须为 1–31 的整数');
  });

  it('sends only what changed, and maps the fields the API names back to the form', () => {
    expect(policyChanges(POLICY, { ...POLICY, returnWindow: ' P20D ', progressReportDays: { co: 22, lead: 25 } })).toEqual({ returnWindow: 'P20D' });
    expect(formFieldOf('progressReportDays.co', policyFields(POLICY))).toEqual(['progressReportDays', 'co']);
    expect(formFieldOf('replyReminders.1', policyFields(POLICY))).toEqual(['replyReminders']);
  });

  it("the page checks a value itself, and shows the API's refusal under the field it names", async () => {
    const puts: string[] = [];
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
      const req = input as Request;
      if (req.method === 'PUT') {
        puts.push(await req.text());
        return new Response(
          JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', message: '输入有误', details: { fields: [{ field: 'returnWindow', errors: ['returnWindow：期间不能超过一年'] }] } }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        );
      }
      return new Response(JSON.stringify(POLICY), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <MemoryRouter>
          <App>
            <PolicyPage />
          </App>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const field = await screen.findByLabelText('退转期限', undefined, SLOW);
    fireEvent.change(field, { target: { value: '15天' } });
    fireEvent.click(screen.getByRole('button', { name: /发布新版本/ }));
    await screen.findByText(/格式应为 P15D/, undefined, SLOW);
    expect(puts).toEqual([]);

    fireEvent.change(field, { target: { value: 'P400D' } });
    fireEvent.click(screen.getByRole('button', { name: /发布新版本/ }));
    await waitFor(() => expect(screen.getAllByText('returnWindow：期间不能超过一年').length).toBeGreaterThan(0), SLOW);
    expect(puts).toEqual([JSON.stringify({ returnWindow: 'P400D' })]);
  }, 120_000);
});

describe('the holiday calendar form', () => {
  it('each day in the year, once, with a kind and a name; 调休上班 on a weekend', () => {
    expect(calendarProblems(2027, [])).toEqual({ days: '至少录入一天（每年至少有元旦等法定节假日）' });
    expect(
      calendarProblems(2027, [
        { key: 'a', date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { key: 'b', date: '2026-12-31', kind: 'holiday', name: '元旦' },
        { key: 'c', date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { key: 'd', date: '2027-02-08', kind: 'workday', name: '春节调休' },
        { key: 'e', date: '2027-02-06', kind: 'workday', name: ' ' },
        { key: 'f', date: '2027-02-06', kind: 'workday', name: '春节调休' },
      ]),
    ).toEqual({ b: '日期须在 2027 年内', c: '日期重复', d: '调休上班日须在周六或周日', e: '请填写节日名称', f: '日期重复' });
    expect(calendarProblems(2027, [{ key: 'a', date: '2027-02-06', kind: 'workday', name: '春节调休' }])).toEqual({});
  });
});
