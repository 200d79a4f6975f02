/**
 * Raw Temporal, the engine's own limit on this machine (issue 10 item 2): from the SDK client, with
 * the worker in the same process, no database and no HTTP of ours:
 *
 *  - update-with-start of a no-op workflow, then two Updates: the Temporal calls of one item's
 *    登记 → 交办 → 签收, `clients` concurrent clients sharing `items` workflows;
 *  - plain starts of a workflow that completes at once, `clients` concurrent callers.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { rawItem, rawStart, step } from './raw.workflow';

export interface RawFigures {
  clients: number;
  /** update-with-start + 2 Updates per item. */
  updates: { items: number; seconds: number };
  starts: { starts: number; seconds: number };
}

async function inParallel(clients: number, count: number, fn: (n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = next++; n < count; n = next++) await fn(n);
    }),
  );
  return (performance.now() - t0) / 1000;
}

let runtimeInstalled = false;

export async function benchRawTemporal(
  address: string,
  opts: { clients: number; items: number; starts: number; log: (line: string) => void },
): Promise<RawFigures> {
  const taskQueue = `raw-${randomUUID().slice(0, 8)}`;
  // Warnings only (as the app's worker at LOG_LEVEL=warn): no bundler statistics in the report.
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const workerConnection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('./raw.workflow'),
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  try {
    const item = async (id: string) => {
      const startWorkflowOperation = new WithStartWorkflowOperation(rawItem, { workflowId: id, taskQueue, workflowIdConflictPolicy: 'FAIL' });
      await client.workflow.executeUpdateWithStart(step, { args: [1], startWorkflowOperation });
      const handle = await startWorkflowOperation.workflowHandle();
      await handle.executeUpdate(step, { args: [2] });
      await handle.executeUpdate(step, { args: [3] });
    };
    // Warm-up (not measured): the worker's sandbox, the gRPC channels.
    await inParallel(opts.clients, opts.clients, (n) => item(`${taskQueue}-warm-${n}`));

    opts.log(`  raw: update-with-start + 2 Updates, ${opts.clients} clients, ${opts.items} workflows…`);
    const updSeconds = await inParallel(opts.clients, opts.items, (n) => item(`${taskQueue}-item-${n}`));

    opts.log(`  raw: plain starts, ${opts.clients} clients, ${opts.starts} workflows…`);
    const handles: Promise<unknown>[] = [];
    const startSeconds = await inParallel(opts.clients, opts.starts, async (n) => {
      const h = await client.workflow.start(rawStart, { workflowId: `${taskQueue}-start-${n}`, taskQueue });
      handles.push(h.result());
    });
    // Not timed: let them complete, so none outlives the run.
    await Promise.all(handles);
    return {
      clients: opts.clients,
      updates: { items: opts.items, seconds: updSeconds },
      starts: { starts: opts.starts, seconds: startSeconds },
    };
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await connection.close().catch(() => undefined);
    await workerConnection.close().catch(() => undefined);
  }
}
