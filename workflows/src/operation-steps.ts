/**
 * Workflow-side helpers shared by the operation workflows (workflow code: deterministic, no I/O).
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ItemCommandInput, ItemCommandResult, OperationActivities } from './operations';

/** How many items an operation sends commands to at once (each is a Workflow Update on its own item). */
export const OPERATION_CONCURRENCY = 8;

const { recomputeCandidates } = proxyActivities<OperationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
export { recomputeCandidates };

/**
 * The item's workflow may be busy (another command holds it) or Temporal briefly unreachable: the
 * activity retries with backoff, bounded, and the operation reports the item as failed after that
 * instead of waiting for ever.
 */
const { sendItemCommand } = proxyActivities<OperationActivities>({
  startToCloseTimeout: '2 minutes',
  // The activity heartbeats while it waits on the item: after a worker crash it is retried within seconds.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** One command to one item; an activity that gave up is a refusal with code COMMAND_FAILED. */
export async function sendStep(input: ItemCommandInput): Promise<ItemCommandResult> {
  try {
    return await sendItemCommand(input);
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    const cause = e.cause instanceof ApplicationFailure ? e.cause.message : String(e.cause ?? e.message);
    return { ok: false, refusal: { code: 'COMMAND_FAILED', status: 503, message: `多次重试后仍未能送达该件：${cause}`.slice(0, 500) } };
  }
}
