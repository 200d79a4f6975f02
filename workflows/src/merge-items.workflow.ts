/**
 * 并案 merge and split as a durable operation: a list of commands to items, run in order, each
 * with the update id `<operation id>:<step>:<item id>`; when the domain of one item refuses a step
 * (a race with another command since the API checked), the steps done so far are undone (for a
 * merge: SplitFromProposal to each item already merged) and the operation ends as failed with the
 * refusal. A crash of the worker or the API resumes at the step it reached; no step runs twice.
 */
import { setHandler, workflowInfo } from '@temporalio/workflow';
import { sendStep } from './operation-steps';
import { newProgress, runItemSteps } from './operation-progress';
import { operationProgressQuery, type ItemStepsInput } from './operations';

export async function itemStepsWorkflow(input: ItemStepsInput) {
  const progress = newProgress(input.kind, input.steps.length, new Date().toISOString());
  setHandler(operationProgressQuery, () => progress);
  const { workflowId } = workflowInfo();
  return runItemSteps(
    input,
    progress,
    (proposalId, command, step) =>
      sendStep({ proposalId, command, actor: input.actor, correlationId: input.correlationId, updateId: `${workflowId}:${step}:${proposalId}` }),
    () => new Date().toISOString(),
  );
}
