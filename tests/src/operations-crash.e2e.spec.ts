/**
 * Durable admin operations (issue 7, item 8): the recompute after a calendar amendment runs as a
 * workflow, not inside the HTTP request. The worker is killed (SIGKILL) in the middle of a recompute
 * over 30 running items and started again: the operation completes where it stopped, and every
 * item is recomputed exactly once. The worker's crash-test hook FAULT_OPERATION_STEP stalls each
 * step after its command was sent, so the kill lands with some items done and some not.
 */
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { fetchWorkflowHistories, keepAsFixtures, replay } from './histories';
import { startStack, type Stack } from './stack';

const ITEMS = 30;
/** The operations this file ran, replayed at the end against the current workflow code. */
const operations: string[] = [];

let stack: Stack;
let office: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  // The request that starts an operation answers 202 at once: the test follows it by its id.
  stack = await startStack({ env: { OPERATION_WAIT_MS: '0' } });
  [office, admin] = await Promise.all([ApiClient.login(stack.baseUrl, 'office'), ApiClient.login(stack.baseUrl, 'admin')]);
}, 120_000);
afterAll(() => stack?.stop());

const recomputedPerItem = async (ids: string[]) => {
  const { rows } = await stack.pool.query<{ stream_id: string; n: number }>(
    `SELECT stream_id, count(*) FILTER (WHERE type = 'DeadlinesRecomputed')::int AS n FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`,
    [ids.map((id) => `proposal-${id}`)],
  );
  return new Map(rows.map((r) => [r.stream_id.slice('proposal-'.length), r.n]));
};

it(`kill -9 of the worker in the middle of a recompute over ${ITEMS} items: it resumes, and every item is recomputed once`, async () => {
  // 30 running items, assigned today: the same reply deadline, a working day.
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i += 5) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(5, ITEMS - i) }, async (_, k) => {
        const reg = await office.post('/api/proposals', registration({ title: `关于第${i + k + 1}条公交线路的建议` }));
        expect(reg.status).toBe(201);
        const asg = await office.post(`/api/proposals/${reg.body.id}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: shanghaiDay() });
        expect(asg.status).toBe(200);
        return { id: reg.body.id as string, lastDay: asg.body.assignments[0].replyDueLastDay as string };
      }),
    );
    ids.push(...batch.map((b) => b.id));
    if (i === 0) expect(new Set(batch.map((b) => b.lastDay)).size).toBe(1);
  }
  const lastDay: string = (await office.get(`/api/proposals/${ids[0]}`)).body.assignments[0].replyDueLastDay;
  const year = Number(lastDay.slice(0, 4));
  await eventually('the list read model to hold every item', async () => {
    const { rows } = await stack.pool.query(`SELECT count(*)::int AS n FROM proposal_list WHERE status = 'assigned'`);
    return rows[0].n === ITEMS ? true : undefined;
  });

  // Each step stalls 2 s after its command was sent: 30 items, 8 at a time, take four waves.
  await stack.killWorker('SIGTERM');
  await stack.startWorker({ FAULT_OPERATION_STEP: 'after:2000' });

  // The administrator declares the items' last day a holiday (keeping the year's other days).
  const current = (await admin.get(`/api/admin/calendar/${year}`)).body;
  const days = [...current.days.filter((d: any) => d.date !== lastDay), { date: lastDay, kind: 'holiday', name: '临时调整的假日' }].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  if (!days.some((d: any) => d.kind === 'holiday')) throw new Error('unreachable');
  const saved = await admin.request<any>('PUT', `/api/admin/calendar/${year}`, { days }, { 'idempotency-key': `crash-${year}` });
  expect(saved.status).toBe(202);
  expect(saved.body.recomputeRunningItems).toBeNull();
  const opId: string = saved.body.operationId;
  operations.push(opId);
  expect(saved.body.message).toContain(`GET /api/operations/${opId}`);

  // Progress is visible while it runs; kill the worker once the first wave is done.
  const running = await eventually(
    'the first wave of items',
    async () => {
      const op = await admin.get(`/api/operations/${opId}`);
      return op.status === 200 && op.body.done >= 8 ? op.body : undefined;
    },
    60_000,
  );
  expect(running).toMatchObject({ kind: 'recompute-deadlines', status: 'running', total: ITEMS, failed: 0 });
  await stack.killWorker('SIGKILL');
  const atKill = [...(await recomputedPerItem(ids)).values()].filter((n) => n > 0).length;
  expect(atKill).toBeGreaterThanOrEqual(8);
  expect(atKill).toBeLessThan(ITEMS); // killed in the middle

  // Without a worker the progress cannot be read, and says so.
  const down = await admin.get(`/api/operations/${opId}`);
  expect(down.status).toBe(503);
  expect(down.body.code).toBe('OPERATION_PROGRESS_UNAVAILABLE');

  await stack.startWorker();
  const done = await eventually(
    'the operation to complete after the restart',
    async () => {
      const op = await admin.get(`/api/operations/${opId}`);
      return op.status === 200 && op.body.status === 'completed' ? op.body : undefined;
    },
    180_000,
  );
  expect(done).toMatchObject({ total: ITEMS, done: ITEMS, changed: ITEMS, failed: 0, failures: [] });

  // Every item recomputed exactly once: one DeadlinesRecomputed each, its deadline moved past the holiday.
  const perItem = await recomputedPerItem(ids);
  expect(ids.map((id) => perItem.get(id))).toEqual(ids.map(() => 1));
  const detail = (await office.get(`/api/proposals/${ids[ITEMS - 1]}`)).body;
  expect(detail.assignments[0].replyDueLastDay > lastDay).toBe(true);

  // A retry of the same save (same Idempotency-Key) is the same operation: nothing runs again.
  const again = await admin.request<any>('PUT', `/api/admin/calendar/${year}`, { days }, { 'idempotency-key': `crash-${year}` });
  expect(again.body.operationId).toBe(opId);
  const total = (await stack.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'DeadlinesRecomputed'`)).rows[0].n;
  expect(total).toBe(ITEMS);
}, 400_000);

it('a merge that does not finish while the request waits answers 202 with its operation; the office follows it to the end', async () => {
  const main = await office.post('/api/proposals', registration({ title: '关于公交线网的建议（主件）' }));
  const item = await office.post('/api/proposals', registration({ title: '关于公交线网的建议（并案件）' }));
  const res = await office.post(`/api/proposals/${main.body.id}/merge`, { itemIds: [item.body.id] });
  expect(res.status).toBe(202);
  expect(res.body.operationId).toMatch(/^merge-items-[0-9a-f-]{36}$/);
  operations.push(res.body.operationId);
  expect(res.body.message).toContain(`GET /api/operations/${res.body.operationId}`);
  const done = await eventually('the merge to complete', async () => {
    const op = await office.get(`/api/operations/${res.body.operationId}`);
    return op.status === 200 && op.body.status !== 'running' ? op.body : undefined;
  });
  expect(done).toMatchObject({ kind: 'merge-items', status: 'completed', total: 2, done: 2, failed: 0, error: null });
  await eventually('the list to show the merge', async () => ((await office.get(`/api/proposals/${item.body.id}`)).body.status === 'merged' ? true : undefined));
  expect((await office.get(`/api/proposals/${main.body.id}`)).body.mergedItems).toEqual([expect.objectContaining({ id: item.body.id, status: 'merged' })]);
});

describe('workflow determinism', () => {
  it('the operations this file ran (one across a worker crash) replay against the current workflow code', async () => {
    const histories = await fetchWorkflowHistories(operations);
    keepAsFixtures('operations', histories);
    const results = await replay(histories);
    expect(results).toHaveLength(2);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});
