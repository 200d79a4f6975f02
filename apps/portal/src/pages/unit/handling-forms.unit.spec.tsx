import { answer } from '../../../test/fetch-stub';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import type { Detail } from '../../api/client';
import { validateExplanation, validateInstructions, validateInstructionsAnswer, validateProgressReport, validateCoOpinion } from './handling-forms';
import { ExplanationDialog, InstructionsDialog, ProgressReportDialog } from './HandlingDialogs';
import { returnButtonLabel } from './UnitActions';

describe("the unit's handling forms check what the handler wrote before asking the API", () => {
  const today = '2026-11-27';

  it('月度进度: a month as YYYY-MM and some progress', () => {
    expect(validateProgressReport({ month: null, progress: ' ' })).toEqual({ month: '请选择报送月份', progress: '请填写办理进展' });
    expect(validateProgressReport({ month: '2026-13', progress: '已踏勘' })).toEqual({ month: '报送月份格式不正确' });
    expect(validateProgressReport({ month: '2026-12', progress: '已踏勘' })).toEqual({});
  });

  it('延期说明: difficulties, measures and an expected day not in the past', () => {
    expect(validateExplanation({}, today)).toEqual({ reasons: '请说明办理中遇到的困难', measures: '请说明已采取的措施', expectedOn: '请选择预计办结日期' });
    expect(validateExplanation({ reasons: '资金', measures: '协调', expectedOn: '2026-11-26' }, today)).toEqual({ expectedOn: '预计办结日期不能早于今天' });
    expect(validateExplanation({ reasons: '资金', measures: '协调', expectedOn: today }, today)).toEqual({});
  });

  it('请示 and its answer: the authority, the matter; the answer not dated in the future', () => {
    expect(validateInstructions({ authority: '  ', matter: '' })).toEqual({ authority: '请写明请示的上级政府或部门', matter: '请写明请示事项' });
    expect(validateInstructions({ authority: '省交通运输厅', matter: '是否须报批' })).toEqual({});
    expect(validateInstructionsAnswer({ answer: '可以', on: '2026-11-28' }, today)).toEqual({ on: '收到答复的日期不能晚于今天' });
    expect(validateInstructionsAnswer({ answer: '', on: null }, today)).toEqual({ answer: '请填写上级的答复意见', on: '请选择收到答复的日期' });
    expect(validateCoOpinion({ opinion: '\n' })).toEqual({ opinion: '请填写会办意见' });
  });

  it('the return button carries the countdown of the return window', () => {
    expect(returnButtonLabel({ returnWindowLastDay: '2026-12-04' }, new Date('2026-11-27T04:00:00Z'))).toBe('申请退转（剩余 7 天）');
    expect(returnButtonLabel({ returnWindowLastDay: '2026-11-27' }, new Date('2026-11-27T04:00:00Z'))).toMatch(/申请退转（.*今日.*）/);
    expect(returnButtonLabel({ returnWindowLastDay: null }, new Date())).toBe('申请退转');
  });
});

describe('the dialogs show the reason next to the field and send nothing while a field is missing', () => {
  const item = {
    id: '00000000-0000-4000-8000-000000000000',
    assignments: [{ unitId: 'jtj', nextProgressReport: { month: '2026-12', dueAt: '2026-12-25T16:00:00.000Z' } }],
  } as unknown as Detail;
  let fetchSpy: jest.Mock;

  beforeEach(() => {
    fetchSpy = jest.fn(async () => new Response(JSON.stringify({ statusCode: 500, code: 'X', message: 'x' }), { status: 500, headers: { 'Content-Type': 'application/json' } }));
    answer(fetchSpy as unknown as typeof fetch);
  });

  const show = (node: React.ReactNode) =>
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <App>{node}</App>
      </QueryClientProvider>,
    );
  const posted = () => fetchSpy.mock.calls.filter(([input]) => input instanceof Request && input.method === 'POST');

  it('月度进度: the month is filled in from the plan; the progress is asked for', async () => {
    show(<ProgressReportDialog item={item} unitId="jtj" onClose={() => undefined} />);
    expect(screen.getByLabelText('报送月份')).toHaveValue('2026年12月');
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(screen.getByText('请填写办理进展')).toBeInTheDocument());
    expect(posted()).toHaveLength(0);
  });

  it('延期说明: each of the three fields', async () => {
    show(<ExplanationDialog item={item} unitId="jtj" onClose={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    for (const m of ['请说明办理中遇到的困难', '请说明已采取的措施', '请选择预计办结日期']) await waitFor(() => expect(screen.getByText(m)).toBeInTheDocument());
    expect(posted()).toHaveLength(0);
  });

  it('请示: labelled fields, keyboard-reachable; the API is asked once both are filled', async () => {
    show(<InstructionsDialog item={item} unitId="jtj" onClose={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(screen.getByText('请写明请示事项')).toBeInTheDocument());
    expect(posted()).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('请示的上级政府或部门'), '省交通运输厅');
    await userEvent.type(screen.getByLabelText('请示事项'), '是否须报省厅审批');
    await userEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    const req = posted()[0][0] as Request;
    expect(new URL(req.url).pathname).toBe(`/api/proposals/${item.id}/units/jtj/instructions`);
    expect(await req.json()).toEqual({ authority: '省交通运输厅', matter: '是否须报省厅审批' });
  });
});
