/**
 * The item workflow's life beyond one run (issue 10, items 3 and 5), kept apart from the command
 * shell so that other changes to proposal.workflow.ts merge cleanly. Workflow code: deterministic.
 *
 * - A bulk start (import) carries the item's first commands (registration, and an assignment made in
 *   the same request) in the start input: no Update round trip per command; they are decided by the
 *   same decider and appended together in one append.
 * - Continue-as-new: before the history grows large (Temporal suggests it, or the input's
 *   historyLimit), once no handler runs, the run hands its state and version to a new run. Timers
 *   need nothing else: they derive from the state (nextDeadline).
 * - An archived item with no deadline left completes; the commands allowed after archiving start a
 *   fresh run (update-with-start) with `load`, which folds the stored stream before any command.
 */
import { workflowInfo } from '@temporalio/workflow';
import { fold, type DecidedEvent, type ProposalState } from '@jyta/proposal-domain';
import type { ProposalWorkflowInput } from './definitions';

/** Without a historyLimit in the input: Temporal's own suggestion (continueAsNewSuggested) alone, or this many events. */
export const DEFAULT_HISTORY_LIMIT = 10_000;

/** True when the run should hand over to a new one (checked only while it is idle). */
export function continueAsNewDue(input: ProposalWorkflowInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
}

/** The input of the next run: the same item and limit, its state and version; no start commands, nothing to load. */
export function nextRunInput(input: ProposalWorkflowInput, state: ProposalState, version: number): ProposalWorkflowInput {
  return {
    proposalId: input.proposalId,
    ...(input.historyLimit !== undefined ? { historyLimit: input.historyLimit } : {}),
    carried: { state, version },
  };
}

/** The stored stream (as loadStream answers it) folded into the item's state. */
export function foldStream(events: DecidedEvent[]): ProposalState {
  return fold(events);
}
