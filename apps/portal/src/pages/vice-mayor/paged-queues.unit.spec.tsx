// First: the typed client takes fetch when it is first imported (see test/fetch-stub.ts).
import { answer } from '../../../test/fetch-stub';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { session } from '../../api/client';
import MyItemsPage from '../proposer/MyItemsPage';
import ViceMayorQueuePage from './ViceMayorQueuePage';

jest.mock('../../components/AppLayout', () => ({ useCurrentUser: () => ({ username: 'vice-mayor-1', role: 'vice_mayor', displayName: '副市长' }) }));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const urlOf = (input: RequestInfo | URL) => new URL(String(input instanceof Request ? input.url : input), 'http://localhost');

const ID = '00000000-0000-4000-8000-000000000001';
const row = { id: ID, number: 'JY2026001', title: '关于城市快速路网的建议', status: 'registered', version: 3 };
const detail = {
  id: ID,
  number: 'JY2026001',
  title: '关于城市快速路网的建议',
  kind: 'npc_suggestion',
  status: 'registered',
  registeredAt: '2026-10-01T02:00:00.000Z',
  majorApproval: { viceMayor: 'vice-mayor-1', submittedAt: '2026-11-03T00:00:00.000Z' },
  assignment: null,
  assignments: [],
  replies: [],
};

/** Answers the list with one row of `total`, the detail, and no units; records every list query. */
function stub() {
  const lists: URLSearchParams[] = [];
  answer((async (input: RequestInfo | URL) => {
    const url = urlOf(input);
    if (url.pathname === '/api/proposals') {
      lists.push(url.searchParams);
      return json({ items: [row], total: 41, page: Number(url.searchParams.get('page')), pageSize: Number(url.searchParams.get('pageSize')) });
    }
    if (url.pathname === `/api/proposals/${ID}`) return json(detail);
    if (url.pathname === '/api/units') return json([]);
    return new Response('{}', { status: 404 });
  }) as typeof fetch);
  return lists;
}

function show(page: React.ReactNode, at = '/') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <App>
        <MemoryRouter initialEntries={[at]}>{page}</MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(() => session.set('test-token'));

describe('long lists paged on the server', () => {
  it("the vice mayor's queue asks the API for one page of their own queue, and shows its tasks and the total", async () => {
    const lists = stub();
    show(<ViceMayorQueuePage />, '/vice-mayor?page=2');
    await screen.findByText('重大事项阅批');
    expect(screen.getByText('关于城市快速路网的建议')).toBeInTheDocument();
    expect(screen.getByText('共 41 件')).toBeInTheDocument();
    // Never the old way (a hundred items per status, filtered in the browser); never naming the vice mayor.
    expect(lists.map((q) => Object.fromEntries(q))).toEqual([{ awaiting: 'vice-mayor', page: '2', pageSize: '20' }]);
  });

  it("the proposer's list is paged on the server and filtered by status there", async () => {
    const lists = stub();
    show(<MyItemsPage />);
    await screen.findByText('JY2026001');
    expect(screen.getByText('共 41 件')).toBeInTheDocument();
    expect(Object.fromEntries(lists[0])).toEqual({ page: '1', pageSize: '20' });
    await userEvent.click(screen.getByText('已办结'));
    await waitFor(() => expect(lists.some((q) => q.get('status') === 'archived')).toBe(true));
    expect(Object.fromEntries(lists.at(-1)!)).toEqual({ status: 'archived', page: '1', pageSize: '20' });
  });
});
