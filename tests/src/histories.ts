/** Fetches the recorded histories of item workflows, and optionally keeps them as replay fixtures. */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { proposalWorkflowId, WORKFLOWS_PATH } from '@jyta/workflows';

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
  for await (const r of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, replayName: 'e2e' }, histories as never)) {
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
