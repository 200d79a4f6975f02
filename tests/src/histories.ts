/** Fetches the recorded histories of item workflows, and optionally keeps them as replay fixtures. */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { proposalWorkflowId, WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '@jyta/workflows';

export { WORKFLOWS_PATH };
export const FIXTURES = path.resolve(__dirname, '../../workflows/test/histories');

export async function fetchHistories(proposalIds: string[]) {
  return fetchWorkflowHistories(proposalIds.map(proposalWorkflowId));
}

/** Histories of any workflows by id (e.g. the durable operations, whose id is the workflow id). */
export async function fetchWorkflowHistories(workflowIds: string[]) {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection });
    return await Promise.all(workflowIds.map(async (workflowId) => ({ workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() })));
  } finally {
    await connection.close();
  }
}

/** Replays histories against the current workflow code; throws on any non-determinism. */
export async function replay(histories: { workflowId: string; history: unknown }[]) {
  quietRuntime();
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: 'e2e' }, histories as never)) {
    results.push(r);
  }
  return results;
}

/**
 * RECORD_HISTORIES=<label> (e.g. v2) keeps them in workflows/test/histories as <label>-<prefix>-N.json,
 * so the replay tests of later versions check that running items survive the change.
 */
export function keepAsFixtures(prefix: string, histories: { workflowId: string; history: any }[]) {
  const label = process.env.RECORD_HISTORIES;
  if (!label) return;
  prefix = `${label}-${prefix}`;
  fs.mkdirSync(FIXTURES, { recursive: true });
  histories.forEach((h, i) => {
    fs.writeFileSync(path.join(FIXTURES, `${prefix}-${i + 1}.json`), JSON.stringify(h.history.toJSON ? h.history.toJSON() : h.history, null, 1));
  });
}

/**
 * Every item workflow of a test file's database (its stack has a fresh one): fetched, kept as
 * fixtures when RECORD_HISTORIES is set, and replayed against the current code. For the files that
 * cover what the older fixtures do not (archive, 并案 with forwarded signals, the provincial path).
 */
export async function replayEveryItem(pool: import('pg').Pool, prefix: string) {
  const { rows } = await pool.query<{ stream_id: string }>(
    `select stream_id from events where stream_id like 'proposal-%' group by stream_id order by min(sequence)`,
  );
  const ids = rows.map((r) => r.stream_id.slice('proposal-'.length));
  const histories = await fetchHistories(ids);
  keepAsFixtures(prefix, histories);
  return { ids, results: await replay(histories) };
}

let quieted = false;
/** The SDK logs every bundle at INFO; tests want warnings only. Installed once per process. */
function quietRuntime() {
  if (quieted) return;
  quieted = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    /* already installed */
  }
}
