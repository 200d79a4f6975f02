/**
 * A worker killed in the middle of a command and started again: the command completes, and no
 * event is lost or written twice. The worker is a separate process stalled by its crash-test hook
 * (FAULT_APPEND) at an exact point of the append activity, then killed with SIGKILL.
 * Also: an append the store can never take fails the command with a code and frees the item.
 */
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { evolve, initialState, type DecidedEvent } from '@jyta/proposal-domain';
import { commandUpdates, proposalWorkflowId, stateQuery } from '@jyta/workflows';
import { fetchHistories, keepAsFixtures, replay } from './histories';
import { ApiClient, eventually, shanghaiDay } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

let stack: Stack;
let office: ApiClient;
let connection: Connection;
let temporal: Client;
/** Items whose workflows went through a crash or a refused append: their histories are replayed. */
const recorded: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  office = await ApiClient.login(stack.baseUrl, 'office');
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  temporal = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

/** The item's state as the stored stream folds it, and as the workflow holds it. */
async function foldedAndHeld(id: string) {
  const { rows } = await stack.pool.query<{ type: string; data: unknown; occurred_at: Date; metadata: { occurredAt: string } }>(
    'SELECT type, data, metadata FROM events WHERE stream_id = $1 ORDER BY version',
    [`proposal-${id}`],
  );
  const folded = rows.map((r) => ({ type: r.type, data: r.data, occurredAt: r.metadata.occurredAt }) as DecidedEvent).reduce(evolve, initialState());
  const held = await temporal.workflow.getHandle(proposalWorkflowId(id)).query(stateQuery);
  return { folded: { state: folded, version: rows.length }, held };
}

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

it('kill -9 after the append, before the workflow task completes: the workflow adopts the stored events, not a re-decision', async () => {
  const id = await registeredAndAssigned();
  recorded.push(id);
  const streamId = `proposal-${id}`;
  const handler = await ApiClient.login(stack.baseUrl, 'jtj-handler');
  await stack.killWorker('SIGTERM');
  await stack.startWorker({ FAULT_APPEND: 'after:60000' });
  const pending = handler.post(`/api/proposals/${id}/units/jtj/receipt`);
  await eventually('the stalled append to be written', async () =>
    (await storedEvents(streamId)).some((e) => e.type === 'ReceiptSigned') ? true : undefined,
  );
  await stack.killWorker('SIGKILL');
  // The re-run of the task decides again with a later `now` (the restart alone takes seconds).
  await new Promise((r) => setTimeout(r, 1500));
  await stack.startWorker();
  const res = await pending;
  expect(res.status).toBe(200);

  const events = await storedEvents(streamId);
  expect(events.map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned']);
  expect(new Set(events.map((e) => e.event_id)).size).toBe(3);
  const { folded, held } = await foldedAndHeld(id);
  expect(held).toEqual(folded);
  // and the item goes on from there
  const next = await handler.post(`/api/proposals/${id}/units/jtj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理思路' });
  expect(next.status).toBe(200);
  expect((await foldedAndHeld(id)).held).toEqual((await foldedAndHeld(id)).folded);
});

it('an append the store can never take (a lone surrogate past the API) fails the command with a code at once, and the item stays usable', async () => {
  const id = await registeredAndAssigned();
  recorded.push(id);
  const handler = await ApiClient.login(stack.baseUrl, 'jtj-handler');
  expect((await handler.post(`/api/proposals/${id}/units/jtj/receipt`)).status).toBe(200);
  const handle = temporal.workflow.getHandle(proposalWorkflowId(id));
  const started = Date.now();
  const refused = await handle
    .executeUpdate(commandUpdates.RecordContact, {
      args: [
        {
          command: { type: 'RecordContact', data: { unitId: 'jtj', method: 'phone', on: shanghaiDay(), summary: '坏\ud800字符' } },
          actor: { userId: 'test', username: 'jtj-handler', role: 'unit_handler', unitId: 'jtj' },
          correlationId: 'e2e-unstorable',
        },
      ],
    })
    .then(
      () => undefined,
      (e) => e,
    );
  expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
  expect(refused.cause).toBeInstanceOf(ApplicationFailure);
  expect(refused.cause.type).toBe('STORE_REJECTED');
  // no retrying for ever: refused within the activity's first attempt (generous for a busy machine)
  expect(Date.now() - started).toBeLessThan(30_000);

  const next = await handler.post(`/api/proposals/${id}/units/jtj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理思路' });
  expect(next.status).toBe(200);
  const events = await storedEvents(`proposal-${id}`);
  expect(events.map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned', 'ContactRecorded']);
  const { folded, held } = await foldedAndHeld(id);
  expect(held).toEqual(folded);
});

it('a store failing transiently: the append retries on a bounded schedule, then 503 STORE_UNAVAILABLE, and the item goes on once the store is back', async () => {
  const id = await registeredAndAssigned();
  recorded.push(id);
  const handler = await ApiClient.login(stack.baseUrl, 'jtj-handler');
  expect((await handler.post(`/api/proposals/${id}/units/jtj/receipt`)).status).toBe(200);
  // Every insert into this item's stream fails as a serialization failure would (SQLSTATE 40001,
  // one a retry may cure); a sequence counts the attempts (nextval survives the rollback).
  const stream = `proposal-${id}`;
  await stack.pool.query(`CREATE SEQUENCE fault_attempts`);
  await stack.pool.query(`CREATE FUNCTION fault_transient() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.stream_id = '${stream}' THEN
        PERFORM nextval('fault_attempts');
        RAISE EXCEPTION 'injected transient failure' USING ERRCODE = '40001';
      END IF;
      RETURN NEW;
    END $$`);
  await stack.pool.query(`CREATE TRIGGER fault_transient BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fault_transient()`);
  const contact = { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理思路' };
  let refused;
  try {
    refused = await handler.post(`/api/proposals/${id}/units/jtj/contacts`, contact);
  } finally {
    await stack.pool.query('DROP TRIGGER fault_transient ON events');
    await stack.pool.query('DROP FUNCTION fault_transient()');
  }
  expect(refused.status).toBe(503);
  expect(refused.body).toMatchObject({ statusCode: 503, code: 'STORE_UNAVAILABLE', details: { correlationId: expect.any(String) } });
  const { rows } = await stack.pool.query<{ n: string }>('SELECT last_value AS n FROM fault_attempts');
  expect(Number(rows[0].n)).toBe(6);
  await stack.pool.query('DROP SEQUENCE fault_attempts');

  const next = await handler.post(`/api/proposals/${id}/units/jtj/contacts`, contact);
  expect(next.status).toBe(200);
  expect((await storedEvents(stream)).map((e) => e.type)).toEqual(['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned', 'ContactRecorded']);
  const { folded, held } = await foldedAndHeld(id);
  expect(held).toEqual(folded);
});

describe('workflow determinism', () => {
  it('the histories of the crash and the refused appends replay against the current workflow code', async () => {
    expect(recorded).toHaveLength(3);
    const histories = await fetchHistories(recorded);
    keepAsFixtures('crash', histories);
    const results = await replay(histories);
    expect(results).toHaveLength(recorded.length);
    for (const r of results) expect(r.error).toBeUndefined();
  });
});
