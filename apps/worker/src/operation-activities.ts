/**
 * Activities of the durable admin operations (workflows/src/operations.ts): listing the items a
 * calendar amendment concerns, and sending one command to one item's workflow as a Workflow
 * Update. The update id comes from the operation, so a retried activity (after a crash, a timeout)
 * attaches to the update already run instead of running the command again.
 */
import type { Pool } from 'pg';
import { Context, log } from '@temporalio/activity';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { deadlinesTouchYear, type Reply, type UnitAssignment, type UserCommandType } from '@jyta/proposal-domain';
import {
  commandUpdates,
  proposalWorkflowId,
  type CommandRefusal,
  type ItemCommandInput,
  type ItemCommandResult,
  type OperationActivities,
  type RecomputeCandidate,
} from '@jyta/workflows';

export interface OperationActivityDeps {
  pool: Pool;
  client: Client;
  /** Crash-test hook: stall each step after its command was sent (FAULT_OPERATION_STEP=after:<ms>). */
  stepFault?: { delayMs: number };
}

/** Reads the crash-test hook FAULT_OPERATION_STEP=after:<ms>; refused in production. */
export function stepFaultFromEnv(env: NodeJS.ProcessEnv): OperationActivityDeps['stepFault'] {
  const raw = env.FAULT_OPERATION_STEP;
  if (!raw) return undefined;
  if (env.NODE_ENV === 'production') throw new Error('FAULT_OPERATION_STEP is a test hook and is refused in production');
  const [phase, ms] = raw.split(':');
  if (phase !== 'after' || !(Number(ms) > 0)) throw new Error(`FAULT_OPERATION_STEP=${raw}: expected after:<ms>`);
  return { delayMs: Number(ms) };
}

/** Heartbeat interval while waiting on an item (the workflows set a heartbeat timeout of 10 s). */
const HEARTBEAT_MS = 2000;

async function heartbeating<T>(p: Promise<T>): Promise<T> {
  const ctx = Context.current();
  const timer = setInterval(() => ctx.heartbeat(), HEARTBEAT_MS);
  try {
    return await p;
  } finally {
    clearInterval(timer);
  }
}

/** The refusal carried by a failed update (the same reading as the API's error mapping). */
export function refusalOf(e: unknown): CommandRefusal | undefined {
  if (!(e instanceof WorkflowUpdateFailedError) || !(e.cause instanceof ApplicationFailure)) return undefined;
  const f = e.cause;
  const first = (Array.isArray(f.details) ? f.details[0] : undefined) as { status?: unknown; details?: unknown } | undefined;
  const code = f.type || 'COMMAND_REJECTED';
  const status = typeof first?.status === 'number' && first.status >= 400 && first.status < 500 ? first.status : code === 'VALIDATION_FAILED' ? 400 : 409;
  return { code, status, message: f.message || '当前状态下不能执行此操作', ...(first?.details !== undefined ? { details: first.details } : {}) };
}

export function createOperationActivities(deps: OperationActivityDeps): OperationActivities {
  return {
    /**
     * Running items from the list read model (it carries each item's folded state). Items merged
     * into another (并案) are included: their reply copies' feedback periods are theirs to move.
     */
    async recomputeCandidates({ year, now }): Promise<RecomputeCandidate[]> {
      // Of the replies only the sent ones, without their bodies: what the feedback period needs.
      const { rows } = await deps.pool.query<{ proposal_id: string; number: string; units: UnitAssignment[] | null; replies: Reply[] }>(
        `SELECT proposal_id, number, state->'units' AS units,
                (SELECT coalesce(jsonb_agg(jsonb_build_object(
                          'replyId', r->'replyId', 'unitId', r->'unitId', 'status', r->'status', 'sentAt', r->'sentAt',
                          'feedbackDueAt', r->'feedbackDueAt', 'feedback', r->'feedback', 'feedbackMissingAt', r->'feedbackMissingAt')), '[]'::jsonb)
                 FROM jsonb_array_elements(coalesce(state->'replies', '[]'::jsonb)) r WHERE r->>'status' = 'sent') AS replies
         FROM proposal_list
         WHERE status NOT IN ('archived', 'unregistered', 'registered') ORDER BY registered_at, proposal_id`,
      );
      return rows
        .filter((r) => deadlinesTouchYear({ units: r.units ?? [], replies: r.replies }, year, now))
        .map((r) => ({ proposalId: r.proposal_id, number: r.number }));
    },

    async sendItemCommand(input: ItemCommandInput): Promise<ItemCommandResult> {
      const type = input.command.type as UserCommandType;
      const handle = deps.client.workflow.getHandle(proposalWorkflowId(input.proposalId));
      let result: ItemCommandResult;
      try {
        const outcome = await heartbeating(
          handle.executeUpdate(commandUpdates[type], {
            args: [{ command: input.command, actor: input.actor, correlationId: input.correlationId }],
            updateId: input.updateId,
          }),
        );
        result = { ok: true, outcome };
      } catch (e) {
        const refusal =
          e instanceof WorkflowNotFoundError ? { code: 'PROPOSAL_NOT_FOUND', status: 404, message: `建议提案 ${input.proposalId} 不存在` } : refusalOf(e);
        // Anything else (Temporal unreachable, the item's workflow not found…) is retried.
        if (!refusal) throw e;
        log.info('an operation step was refused', { proposalId: input.proposalId, code: refusal.code });
        result = { ok: false, refusal };
      }
      if (deps.stepFault) {
        log.warn('operation step fault injected', { delayMs: deps.stepFault.delayMs });
        await heartbeating(new Promise((r) => setTimeout(r, deps.stepFault!.delayMs)));
      }
      return result;
    },
  };
}
