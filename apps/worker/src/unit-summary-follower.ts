/**
 * 总结工作 (Art. 12): follows the event store ($all, checkpointed like the projections) and, when
 * an archive completes a unit's items of a year (two or more), starts or signals that unit-year's
 * workflow (signal-with-start, by its id: idempotent, a repeated signal decides nothing).
 */
import type { Client } from '@temporalio/client';
import type { Projection } from '@jyta/event-store';
import { foldUnitYearItems, type UnitYearDone } from '@jyta/proposal-read-models';
import { UNIT_SUMMARY_WORKFLOW_TYPE, unitItemsDoneSignal, unitSummaryWorkflowId, type UnitSummaryWorkflowInput } from '@jyta/workflows';

export const UNIT_SUMMARY_FOLLOWER = 'unit-summaries';

/** What the follower does with a unit-year that is done (the Temporal call; tests may record it instead). */
export type NotifyUnitYearDone = (done: UnitYearDone) => Promise<void>;

export const signalUnitYearDone =
  (client: Client, taskQueue: string): NotifyUnitYearDone =>
  async (done) => {
    const args: [UnitSummaryWorkflowInput] = [{ unitId: done.unitId, year: done.year }];
    await client.workflow.signalWithStart(UNIT_SUMMARY_WORKFLOW_TYPE, {
      workflowId: unitSummaryWorkflowId(done.unitId, done.year, taskQueue),
      taskQueue,
      args,
      signal: unitItemsDoneSignal,
      signalArgs: [{ items: done.items, lastDoneAt: done.lastDoneAt }],
    });
  };

export function createUnitSummaryFollower(notify: NotifyUnitYearDone): Projection {
  return {
    name: UNIT_SUMMARY_FOLLOWER,
    async handle(events, client) {
      for (const done of await foldUnitYearItems(events, client)) {
        try {
          await notify(done);
        } catch (err) {
          // Temporal unreachable says nothing about the event: marked transient (class 08) so the
          // runner rolls the batch back and retries it rather than parking the archive.
          throw Object.assign(new Error(`unit summary ${done.unitId}-${done.year} not signalled: ${String(err)}`), { code: '08006' });
        }
      }
    },
    async reset(client) {
      await client.query('TRUNCATE unit_year_items, unit_year_item_years');
    },
  };
}
