/**
 * The pure part of the operation workflows: progress bookkeeping and the merge / split step
 * runner. No Temporal, no I/O: the workflow passes a `send` that runs an activity, a unit test
 * one that runs the item's decider.
 */
import type { ProposalCommand } from '@jyta/proposal-domain';
import type { GlobalPositionDto } from './activity-types';
import type { ItemCommandResult, ItemStepsInput, OperationKind, OperationProgress } from './operations';

/** Later of two $all positions (compared numerically, as the store orders them). */
export function laterPosition(a: GlobalPositionDto | null, b: GlobalPositionDto | null): GlobalPositionDto | null {
  if (!a) return b;
  if (!b) return a;
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta > tb ? a : b;
  return BigInt(a.sequence) >= BigInt(b.sequence) ? a : b;
}

export function newProgress(kind: OperationKind, total: number, startedAt: string): OperationProgress {
  return { kind, status: 'running', total, done: 0, changed: 0, failed: 0, failures: [], startedAt, finishedAt: null, position: null, error: null };
}

/** Sends `command` to the item; `step` makes the update id (`<operation id>:<step>:<item id>`). */
export type SendItemCommand = (proposalId: string, command: ProposalCommand, step: string) => Promise<ItemCommandResult>;

/**
 * Runs the steps in order. When one is refused, the steps done so far that have an undo (and the
 * items named as already done) are undone, newest first, and the operation ends as failed with
 * the refusal. `progress` is updated in place (the workflow's query reads it).
 */
export async function runItemSteps(input: ItemStepsInput, progress: OperationProgress, send: SendItemCommand, now: () => string): Promise<OperationProgress> {
  const succeeded: number[] = [];
  for (const [i, step] of input.steps.entries()) {
    const r = await send(step.proposalId, step.command, String(i));
    if (!r.ok) {
      progress.failed++;
      progress.error = { ...r.refusal, proposalId: step.proposalId, number: step.number };
      progress.failures.push(progress.error);
      const undo = input.undo;
      if (undo) {
        const toUndo = [...undo.alreadyDone, ...succeeded.filter((s) => undo.steps.includes(s)).map((s) => input.steps[s])];
        for (const item of toUndo) {
          const u = await send(item.proposalId, undo.command, 'undo');
          if (u.ok) progress.position = laterPosition(progress.position, u.outcome.position);
          else progress.failures.push({ ...u.refusal, proposalId: item.proposalId, number: item.number });
        }
      }
      progress.status = 'failed';
      progress.finishedAt = now();
      return progress;
    }
    succeeded.push(i);
    if (r.outcome.events.length) progress.changed++;
    progress.position = laterPosition(progress.position, r.outcome.position);
    progress.done++;
  }
  progress.status = 'completed';
  progress.finishedAt = now();
  return progress;
}
