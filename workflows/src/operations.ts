/**
 * Durable admin operations (issue 7, item 8): work that spans many items — recomputing deadlines
 * after a calendar amendment, 并案 merge and split — runs as a workflow of its own instead of inside
 * an HTTP request. Each per-item step is the item's own command (a Workflow Update on the item's
 * workflow, sent by an activity) with an update id derived from the operation's workflow id, so a
 * crash of the worker or the API resumes where it stopped and never runs a step twice.
 *
 * Names and shapes only (shared by the workflows, the worker's activities and the API client).
 */
import { defineQuery } from '@temporalio/workflow';
import type { Actor, ProposalCommand } from '@jyta/proposal-domain';
import type { GlobalPositionDto } from './activity-types';
import type { CommandOutcome } from './definitions';

export const OPERATION_KINDS = ['recompute-deadlines', 'merge-items', 'split-item'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];
export type OperationStatus = 'running' | 'completed' | 'failed';

/** The operation's id is its workflow id: `<kind>-<uuid>`. */
export const operationId = (kind: OperationKind, uuid: string) => `${kind}-${uuid}`;
const OPERATION_ID = new RegExp(`^(${OPERATION_KINDS.join('|')})-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
export const operationKindOf = (id: string): OperationKind | undefined => OPERATION_ID.exec(id)?.[1] as OperationKind | undefined;

/** A step the item's domain refused (the same stable code and status as the command's HTTP answer). */
export interface CommandRefusal {
  code: string;
  status: number;
  message: string;
  details?: unknown;
}

export interface OperationFailure extends CommandRefusal {
  proposalId: string;
  number: string;
}

/** What the progress query (and GET /api/operations/{id}) answers. */
export interface OperationProgress {
  kind: OperationKind;
  status: OperationStatus;
  /** Items (recompute) or steps (merge / split) to do. */
  total: number;
  done: number;
  /** Items whose deadlines moved (recompute) / steps that changed something. */
  changed: number;
  failed: number;
  failures: OperationFailure[];
  startedAt: string;
  finishedAt: string | null;
  /** The last event the operation appended, so a reader can wait for the read models. */
  position: GlobalPositionDto | null;
  /** Why a merge / split did not happen (its steps were undone). */
  error: (CommandRefusal & { proposalId: string; number: string }) | null;
}

export const operationProgressQuery = defineQuery<OperationProgress>('progress');

/** Per-item command sent by an operation (the activity turns it into a Workflow Update). */
export interface ItemCommandInput {
  proposalId: string;
  command: ProposalCommand;
  actor: Actor;
  correlationId: string;
  /** Derived from the operation's workflow id and the step: Temporal runs it once per item. */
  updateId: string;
}

export type ItemCommandResult = { ok: true; outcome: CommandOutcome } | { ok: false; refusal: CommandRefusal };

export interface RecomputeCandidate {
  proposalId: string;
  number: string;
}

export interface OperationActivities {
  /** Running items whose deadlines count through `year` (from the list read model). */
  recomputeCandidates(input: { year: number; now: string }): Promise<RecomputeCandidate[]>;
  /** Sends one command to one item; a refusal by the item's domain is an answer, not an error. */
  sendItemCommand(input: ItemCommandInput): Promise<ItemCommandResult>;
}

export interface RecomputeDeadlinesInput {
  year: number;
  /** The reason every recomputed item records (SPEC §5). */
  reason: string;
  actor: Actor;
  correlationId: string;
  /** Carried over by continue-as-new: the items not yet done and the progress so far. */
  remaining?: RecomputeCandidate[];
  progress?: OperationProgress;
}

/** One step of a merge / split: a command to one item. */
export interface ItemStep {
  proposalId: string;
  number: string;
  command: ProposalCommand;
}

export interface ItemStepsInput {
  kind: 'merge-items' | 'split-item';
  steps: ItemStep[];
  /**
   * Sent to each item whose step succeeded (and to `alreadyDone`) when a later step
   * is refused: e.g. SplitFromProposal after a MergeIntoProposal. null = no undo.
   */
  undo: { command: ProposalCommand; steps: number[]; alreadyDone: { proposalId: string; number: string }[] } | null;
  actor: Actor;
  correlationId: string;
}

export const RECOMPUTE_DEADLINES_WORKFLOW_TYPE = 'recomputeDeadlinesWorkflow';
export const ITEM_STEPS_WORKFLOW_TYPE = 'itemStepsWorkflow';
