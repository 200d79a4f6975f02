/**
 * 总结工作 (Art. 12): names and shapes of the unit-year workflow `unit-summary-<unitId>-<year>`
 * that clients (the worker's follower, the API) use.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, UnitSummaryState } from '@jyta/proposal-domain';
import { TASK_QUEUE_DEFAULT } from './definitions';

export const UNIT_SUMMARY_WORKFLOW_TYPE = 'unitSummaryWorkflow';
/**
 * Workflow ids are unique in the whole namespace, and a unit-year (unlike an item's uuid) repeats
 * in every database: a deployment on another task queue (each e2e stack has its own) keeps its
 * unit-years apart by that queue's name; the production queue uses the plain id.
 */
export const unitSummaryWorkflowId = (unitId: string, year: number, taskQueue: string = TASK_QUEUE_DEFAULT) =>
  `${taskQueue === TASK_QUEUE_DEFAULT ? '' : `${taskQueue}/`}unit-summary-${unitId}-${year}`;

export interface UnitSummaryWorkflowInput {
  unitId: string;
  year: number;
}

/** The unit's items of the year are all done: how many, and when the last was. Idempotent. */
export interface UnitItemsDone {
  items: number;
  lastDoneAt: string;
}
export const unitItemsDoneSignal = defineSignal<[UnitItemsDone]>('unitItemsDone');

export interface SubmitUnitSummaryInput {
  text: string;
  actor: Actor;
  correlationId: string;
}
export const submitUnitSummaryUpdate = defineUpdate<{ version: number }, [SubmitUnitSummaryInput]>('submitUnitSummary');
export const unitSummaryStateQuery = defineQuery<{ state: UnitSummaryState; version: number }>('unitSummaryState');
