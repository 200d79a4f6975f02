import { render, screen } from '@testing-library/react';
import { ApiError, call } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

describe('API errors on the page', () => {
  it("shows the API's Chinese message and, for each field it names, the form's label with the reason", () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '请求参数无效', {
      fields: [
        { field: 'proposers.0.name', errors: ['提出人姓名不能为空'] },
        { field: 'title', errors: ['标题不能为空', '标题过长'] },
      ],
    });
    render(<ErrorAlert error={e} fieldLabels={{ proposers: '提出人', title: '标题' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('请求参数无效');
    expect(screen.getByText('提出人：提出人姓名不能为空')).toBeInTheDocument();
    expect(screen.getByText('标题：标题不能为空；标题过长')).toBeInTheDocument();
  });

  it('never shows a code name: an unknown field is 「输入项」, a non-API error a Chinese sentence', () => {
    const { unmount } = render(<ErrorAlert error={new ApiError(400, 'VALIDATION_FAILED', '请求参数无效', { fields: [{ field: 'xyz', errors: ['无效'] }] })} />);
    expect(screen.getByText('输入项：无效')).toBeInTheDocument();
    expect(screen.queryByText(/xyz|VALIDATION_FAILED/)).not.toBeInTheDocument();
    unmount();
    render(<ErrorAlert error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('操作未成功，请稍后重试');
    expect(screen.queryByText(/Failed/)).not.toBeInTheDocument();
  });

  it('shows nothing without an error', () => {
    const { container } = render(<ErrorAlert error={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('turns an error answer into an ApiError with its code, message and details; a network failure into a Chinese one', async () => {
    const answer = { statusCode: 409, code: 'RETURN_WINDOW_CLOSED', message: '退转期限已于 2026-03-16 届满', details: { unitId: 'rsj' } };
    await expect(call(Promise.resolve({ error: answer, response: new Response(null, { status: 409 }) }))).rejects.toMatchObject({
      status: 409,
      code: 'RETURN_WINDOW_CLOSED',
      message: '退转期限已于 2026-03-16 届满',
      details: { unitId: 'rsj' },
    });
    await expect(call(Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
    await expect(call(Promise.resolve({ error: undefined, response: new Response(null, { status: 502 }) }))).rejects.toMatchObject({
      message: '服务暂时不可用，请稍后重试',
    });
  });
});
