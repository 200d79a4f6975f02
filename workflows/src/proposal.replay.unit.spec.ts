/**
 * Replays every history recorded by earlier versions of the workflow (workflows/test/histories,
 * written by the e2e tests with RECORD_HISTORIES=<version label>) against the code as it is now.
 * A change that would break a running item fails here, before it reaches a worker.
 *
 * v1-* were recorded before reply-deadline timers existed, v2-* before reminders: both changes
 * add timers, and both are behind patched() in proposal.workflow.ts. Without the patch, these
 * replays fail with a nondeterminism error (checked when each patch was written).
 * v3-supervision-* run the co-unit opinion and progress-report timers (patches 'co-unit-opinions'
 * and 'progress-reports'; without them the v2 histories fail), so later changes are checked against
 * items that have those timers running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { WORKFLOWS_PATH } from './shared';

const dir = path.resolve(__dirname, '../test/histories');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

it('has recorded histories to replay', () => {
  expect(files.length).toBeGreaterThan(0);
});

it('replays every recorded history without non-determinism', async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) }));
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, replayName: 'fixtures' }, histories)) {
    results.push({ id: r.workflowId, error: r.error ? String(r.error) : undefined });
  }
  expect(results).toEqual(histories.map((h) => ({ id: h.workflowId, error: undefined })));
});
