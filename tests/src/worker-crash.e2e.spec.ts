/**
 * A worker killed in the middle of a command and started again: the command completes, and no
 * event is lost or written twice. The worker is a separate process stalled by its crash-test hook
 * (FAULT_APPEND) at an exact point of the append activity, then killed with SIGKILL.
 */
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let office: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  office = await ApiClient.login(stack.baseUrl, 'office');
});
afterAll(() => stack?.stop());

async function storedEvents(streamId: string) {
  const { rows } = await stack.pool.query<{ type: string; version: number; event_id: string }>(
    'SELECT type, version, event_id FROM events WHERE stream_id = $1 ORDER BY version',
    [streamId],
  );
  return rows;
}

async function registeredAndAssigned() {
  const reg = await office.post('/api/proposals', registration({ title: '关于优化公交线网的建议' }));
  expect(reg.status).toBe(201);
  const id: string = reg.body.id;
  const asg = await office.post(`/api/proposals/${id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() });
  expect(asg.status).toBe(200);
  return id;
}

it.each([
  ['after the event was written, before the activity reported back', 'after'],
  ['before the event was written', 'before'],
])('kill -9 %s: the command completes once', async (_label, phase) => {
  const id = await registeredAndAssigned();
  const streamId = `proposal-${id}`;
  const handler = await ApiClient.login(stack.baseUrl, 'jtj-handler');

  // Restart the worker with the append stalled for a long time at this phase.
  await stack.killWorker('SIGTERM');
  await stack.startWorker({ FAULT_APPEND: `${phase}:60000` });
  const pending = handler.post(`/api/proposals/${id}/units/jtj/receipt`);

  if (phase === 'after') {
    // The event is in PostgreSQL but the activity has not reported back: kill now.
    await eventually('the stalled append to be written', async () =>
      (await storedEvents(streamId)).some((e) => e.type === 'ReceiptSigned') ? true : undefined,
    );
  } else {
    // Give the activity time to start and stall before the write.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await storedEvents(streamId)).some((e) => e.type === 'ReceiptSigned')).toBe(false);
  }
  await stack.killWorker('SIGKILL');
  await stack.startWorker();

  const res = await pending;
  expect(res.status).toBe(200);
  expect(res.body.assignments[0].status).toBe('handling');
  const events = await storedEvents(streamId);
  expect(events.map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned']);
  expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
});
