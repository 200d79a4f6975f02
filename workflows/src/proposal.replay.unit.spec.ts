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
 * v4-replies-*, v4-merging-*, v4-provincial-* were recorded before the integrity changes (issue 7:
 * feedback token from an activity, append failures, adoption of stored events after a crash):
 * archived items, send-backs, the no-feedback timer, 并案 with its forwarded signals and split, and
 * the provincial path through the government document — whatever changes next must replay them.
 * v6-* (issue 10): an item started by the import's bulk path (bulk-start), a run that continued as
 * new (continue-as-new, carrying state and version), an archived run that completed
 * (complete-after-archive) and the fresh run a disclosure started after it (load-stream).
 * v6-obligations-* run the escalation and promise timers (patch 'obligations'): an escalated item
 * answered at last, and a B reply's follow-ups after archiving until the promise was reported done.
 * v7-* (issue 10, throughput): items the import's bulk path started with the state its committed
 * events lead to (`carried`), and commands whose envelope carries the policy and calendar while the
 * registration's number comes from its append (patch 'number-in-append'); v7-rehandling-1 adds a
 * send-back with its re-handling deadline under these.
 * v8-* (issue 10, throughput): the deadline timer kept while the next deadline stays the same (patch
 * 'keep-timer': before, every command cancelled the timer and started it again).
 * v9-*: items started by code that marks one umbrella patch (BORN_WITH_PATCHES) instead of each
 * patch: they take every patch it covers without a marker of its own; v1–v8 still ask for each.
 * The last test shows it: bundled with every patch taken
 * (as if each change had been made without patched()), the histories recorded before a change fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from './shared';

const dir = path.resolve(__dirname, '../test/histories');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

it('has recorded histories to replay', () => {
  expect(files.length).toBeGreaterThan(0);
});

const histories = () =>
  files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) }));

async function replay(options: Parameters<typeof Worker.runReplayHistories>[0]) {
  const results: { id: string; error?: string }[] = [];
  for await (const r of Worker.runReplayHistories(options, histories())) results.push({ id: r.workflowId, error: r.error ? String(r.error) : undefined });
  return results;
}

beforeAll(() => Runtime.install({ logger: new DefaultLogger('ERROR') }));

it('replays every recorded history without non-determinism', async () => {
  const results = await replay({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: 'fixtures' });
  expect(results).toEqual(histories().map((h) => ({ id: h.workflowId, error: undefined })));
});

it('without the patches, the histories recorded before each change fail to replay', async () => {
  const shim = path.resolve(__dirname, '../test/every-patch-taken.ts');
  const results = await replay({
    workflowsPath: WORKFLOWS_PATH,
    replayName: 'unpatched',
    bundlerOptions: {
      ...WORKFLOW_BUNDLER_OPTIONS,
      webpackConfigHook: (config) => ({
        ...config,
        resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), '@temporalio/workflow$': shim } },
      }),
    },
  });
  const failed = results.filter((r) => r.error).map((r) => r.id);
  // v1 predates reply-deadline timers, v2 reminders and the v3 timers, v4 the feedback token made
  // by an activity (feedback-token-in-activity): each must break.
  for (const label of ['v1-', 'v2-', 'v4-']) expect(failed.some((id) => id.startsWith(label))).toBe(true);
  // Each fails as a replay does when code changed under it: non-determinism, or (number-in-append
  // taken: the recorded allocateNumber marker answers the append) a workflow task that fails on a
  // recorded result of another shape.
  expect(results.filter((r) => r.error).every((r) => /nondetermin|Replay failed due workflow task failure/i.test(r.error!))).toBe(true);
});
