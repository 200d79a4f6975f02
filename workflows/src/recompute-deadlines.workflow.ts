/**
 * Recomputes the open deadlines of every running item after the holiday calendar of a year was
 * entered or replaced (SPEC §5), as a durable operation: the candidates are listed once, then each
 * item is sent RecomputeDeadlines (its own command, in the administrator's name) with the update
 * id `<operation id>:<item id>`, so an item is recomputed at most once whatever crashes. Progress
 * is a query; a long list continues as new in chunks to keep each run's history small.
 */
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RecomputeDeadlines } from '@jyta/proposal-domain';
import { OPERATION_CONCURRENCY, recomputeCandidates, sendStep } from './operation-steps';
import { laterPosition, newProgress } from './operation-progress';
import { operationProgressQuery, type RecomputeCandidate, type RecomputeDeadlinesInput } from './operations';

/** Items per run before continue-as-new (each item adds about six history events). */
export const RECOMPUTE_ITEMS_PER_RUN = 500;

export async function recomputeDeadlinesWorkflow(input: RecomputeDeadlinesInput) {
  const startedAt = input.progress?.startedAt ?? new Date().toISOString();
  // Answered from the start (total 0 while the candidates are being listed).
  let progress = input.progress ?? newProgress('recompute-deadlines', 0, startedAt);
  setHandler(operationProgressQuery, () => progress);
  const remaining: RecomputeCandidate[] = input.remaining ?? (await recomputeCandidates({ year: input.year, now: startedAt }));
  if (!input.progress) progress = newProgress('recompute-deadlines', remaining.length, startedAt);

  const { workflowId } = workflowInfo();
  const command: RecomputeDeadlines = { type: 'RecomputeDeadlines', data: { reason: input.reason } };
  const thisRun = remaining.slice(0, RECOMPUTE_ITEMS_PER_RUN);
  let next = 0;
  const lane = async () => {
    while (next < thisRun.length) {
      const item = thisRun[next++];
      const r = await sendStep({
        proposalId: item.proposalId,
        command,
        actor: input.actor,
        correlationId: input.correlationId,
        updateId: `${workflowId}:${item.proposalId}`,
      });
      if (r.ok) {
        if (r.outcome.events.some((e) => e.type === 'DeadlinesRecomputed')) progress.changed++;
        progress.position = laterPosition(progress.position, r.outcome.position);
      } else if (r.refusal.code !== 'ARCHIVED') {
        // Archived since the list was read: read-only, nothing to recompute (not a failure).
        progress.failed++;
        progress.failures.push({ ...r.refusal, proposalId: item.proposalId, number: item.number });
      }
      progress.done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPERATION_CONCURRENCY, thisRun.length) }, lane));

  if (remaining.length > thisRun.length) {
    await continueAsNew<typeof recomputeDeadlinesWorkflow>({ ...input, remaining: remaining.slice(thisRun.length), progress });
  }
  progress.failures.sort((a, b) => a.number.localeCompare(b.number));
  progress.status = 'completed';
  progress.finishedAt = new Date().toISOString();
  return progress;
}
