// First: the typed client takes fetch when it is first imported (see test/fetch-stub.ts).
import { answer } from '../../../test/fetch-stub';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { api } from '../../api/client';
import { AssignDialog } from './AssignDialog';
import { assignmentBody, validateAssignment } from './assignment';

describe('the assignment form checks what the office chose before asking the API', () => {
  const day = '2026-11-27';
  it('single: exactly one unit', () => {
    expect(validateAssignment({ mode: 'single', leadUnitIds: [], assignedOn: day })).toEqual({ leadUnitIds: '单一办理须选择一个承办单位' });
    expect(validateAssignment({ mode: 'single', leadUnitIds: ['rsj', 'jyj'], assignedOn: day }).leadUnitIds).toBeDefined();
    expect(validateAssignment({ mode: 'single', leadUnitIds: ['rsj'], assignedOn: day })).toEqual({});
  });

  it('lead + co: one lead unit, at least one co-unit, and no unit in both', () => {
    expect(validateAssignment({ mode: 'lead', leadUnitIds: ['rsj'], assignedOn: day })).toEqual({ coUnitIds: '请至少选择一个会办单位' });
    expect(validateAssignment({ mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['rsj'], assignedOn: day })).toEqual({ coUnitIds: '会办单位不能同时是主办单位' });
    expect(validateAssignment({ mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['jyj'], assignedOn: day })).toEqual({});
  });

  it('separate: at least two units', () => {
    expect(validateAssignment({ mode: 'separate', leadUnitIds: ['rsj'], assignedOn: day })).toEqual({ leadUnitIds: '分别办理须选择至少两个承办单位' });
    expect(validateAssignment({ mode: 'separate', leadUnitIds: ['rsj', 'jyj'], assignedOn: day })).toEqual({});
  });

  it('the day of assignment and the mode are required', () => {
    expect(validateAssignment({ leadUnitIds: ['rsj'] })).toMatchObject({ mode: '请选择办理方式', assignedOn: '请选择接办之日' });
  });

  it('sends co-units only in lead mode, and leaves out empty optional fields', () => {
    expect(assignmentBody({ mode: 'separate', leadUnitIds: ['rsj', 'jyj'], coUnitIds: ['cjj'], assignedOn: day, leaderInCharge: '' })).toEqual({
      mode: 'separate',
      leadUnitIds: ['rsj', 'jyj'],
      assignedOn: day,
    });
    expect(assignmentBody({ mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['jyj'], assignedOn: day, leaderInCharge: 'vice-mayor-1' })).toEqual({
      mode: 'lead',
      leadUnitIds: ['rsj'],
      coUnitIds: ['jyj'],
      assignedOn: day,
      leaderInCharge: 'vice-mayor-1',
    });
  });

  it('the dialog shows the reason next to the field and sends nothing when no unit is chosen', async () => {
    const fetchSpy = jest.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/units')) return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
      return new Response(JSON.stringify({ statusCode: 500, code: 'X', message: 'x' }), { status: 500, headers: { 'Content-Type': 'application/json' } });
    });
    answer(fetchSpy as unknown as typeof fetch);
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <App>
          <AssignDialog itemId="00000000-0000-4000-8000-000000000000" urgent={false} open onClose={() => undefined} />
        </App>
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /确认交办/ }));
    await waitFor(() => expect(screen.getByText('单一办理须选择一个承办单位')).toBeInTheDocument());
    // The stub is the client's own fetch (so a POST would have been seen), and nothing was posted.
    await api.GET('/api/units');
    expect(fetchSpy.mock.calls.some(([input]) => String(input instanceof Request ? input.url : input).includes('/api/units'))).toBe(true);
    const posted = fetchSpy.mock.calls.filter(([input]) => input instanceof Request && input.method === 'POST');
    expect(posted).toHaveLength(0);
  });
});
