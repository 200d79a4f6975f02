/**
 * Names and shapes shared by the workflow, the worker and the API client: defined once here
 * (the samples-typescript way) so the two sides cannot drift apart.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { USER_COMMANDS, type Actor, type DecideContext, type ProposalCommand, type ProposalState, type UserCommandType } from '@jyta/proposal-domain';
import type { GlobalPositionDto } from './activity-types';

export const TASK_QUEUE_DEFAULT = 'proposals';
export const proposalWorkflowId = (proposalId: string) => `proposal-${proposalId}`;

/** A command with who sent it and why (SPEC §9 correlation). */
export interface CommandEnvelope<C extends ProposalCommand = ProposalCommand> {
  command: C;
  actor: Actor;
  /** The request (or timer) this command came from. */
  correlationId: string;
  /**
   * What the decider needs besides the state, read by the API with the command (the policy in
   * force; the holiday calendar of the years named): the workflow takes it instead of running a
   * local activity for it — one round trip through the worker fewer per piece. Recorded in the
   * history with the Update, so a replay decides the same. Absent (timers, forwarded commands,
   * older histories): the workflow loads what it needs itself.
   */
  context?: CommandContext;
}

export interface CommandContext {
  policy?: DecideContext['policy'];
  calendar?: { fromYear: number; toYear: number; days: NonNullable<DecideContext['calendar']> };
}

export interface CommandOutcome {
  /** Stream version after the command. */
  version: number;
  events: { eventId: string; type: string; version: number }[];
  /** Where the last event sits in $all, so a caller can wait for read models to catch up. */
  position: GlobalPositionDto | null;
}

/** One Workflow Update per user command, named after it; each has a validator. */
const updates = {} as Record<UserCommandType, ReturnType<typeof defineUpdate<CommandOutcome, [CommandEnvelope]>>>;
for (const type of USER_COMMANDS) {
  updates[type] = defineUpdate<CommandOutcome, [CommandEnvelope]>(type);
}
export const commandUpdates = updates;

/**
 * A command sent by another item's workflow (ForwardCommand effect). A signal, not an update: the
 * sender must not wait on the receiver; a refused forwarded command is logged by the receiver.
 */
export const forwardedCommandSignal = defineSignal<[CommandEnvelope]>('forwardedCommand');

export const stateQuery = defineQuery<{ state: ProposalState; version: number }>('state');

export interface ProposalWorkflowInput {
  proposalId: string;
  /**
   * Bulk start (import): the item's first commands, decided in order by the same decider and
   * appended together as the run's first step — registration, and an assignment made in the same
   * request. The workflow id (from the row's key) makes a retried start a no-op.
   */
  start?: CommandEnvelope[];
  /** Continue-as-new: the state and version the previous run ended with. */
  carried?: { state: ProposalState; version: number };
  /** A fresh run of an item whose earlier run completed (archived): fold the stored stream first. */
  load?: boolean;
  /** Continue as new after this many history events (Temporal's suggestion applies regardless). */
  historyLimit?: number;
}
