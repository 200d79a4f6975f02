/**
 * Starts the item workflows an import committed but did not start (issue 10, bulk path): the API
 * marks each item in item_workflow_starts in the transaction of its first events and removes the
 * mark once the start succeeded, so a mark older than the grace period means the API died (or
 * Temporal did not answer) in between. The sweeper starts such an item with `load` (the run folds
 * the stored stream first) — by workflow id, so a start the API did make after all changes nothing.
 *
 * ITEM_START_SWEEP_MS (default 10000): how often; ITEM_START_GRACE_MS (default 30000): how old a mark must be.
 */
import { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { itemStartsDone, pendingItemStarts } from '@jyta/proposal-registry';
import { proposalWorkflowId, type ProposalWorkflowInput } from '@jyta/workflows';

export interface ItemStartSweeperConfig {
  sweepMs: number;
  graceMs: number;
  taskQueue: string;
  historyLimit: number;
}

/** Reads ITEM_START_SWEEP_MS and ITEM_START_GRACE_MS; throws on a value that cannot work. */
export function itemStartSweepFromEnv(env: NodeJS.ProcessEnv): Pick<ItemStartSweeperConfig, 'sweepMs' | 'graceMs'> {
  const read = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    const n = raw ? Number(raw) : fallback;
    if (!Number.isInteger(n) || n < min || n > 3_600_000) throw new Error(`${name}=${raw}: expected an integer between ${min} and 3600000`);
    return n;
  };
  return { sweepMs: read('ITEM_START_SWEEP_MS', 10_000, 100), graceMs: read('ITEM_START_GRACE_MS', 30_000, 0) };
}

const BATCH = 500;
const CONCURRENCY = 16;

export class ItemStartSweeper {
  private readonly logger = new Logger('ItemStartSweeper');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly client: Client,
    private readonly config: ItemStartSweeperConfig,
  ) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.sweeping = this.sweep()
        .then((n) => n && this.logger.warn(`started ${n} item workflow(s) an import left unstarted`))
        .catch((e) => this.logger.error(`sweep failed; trying again: ${String(e)}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.config.sweepMs);
        }) as Promise<void>;
    };
    this.timer = setTimeout(tick, Math.min(this.config.sweepMs, 1000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** One pass: every mark older than the grace period, BATCH at a time; answers how many were started. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await pendingItemStarts(this.pool, this.config.graceMs, BATCH);
      if (!ids.length) return total;
      const started: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, ids.length) }, async () => {
          while (next < ids.length && !this.stopped) {
            const id = ids[next++];
            const input: ProposalWorkflowInput = { proposalId: id, load: true, historyLimit: this.config.historyLimit };
            await this.client.workflow.start('proposalWorkflow', {
              workflowId: proposalWorkflowId(id),
              taskQueue: this.config.taskQueue,
              args: [input],
              workflowIdConflictPolicy: 'USE_EXISTING',
              workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            });
            started.push(id);
          }
        }),
      ).finally(() => itemStartsDone(this.pool, started));
      total += started.length;
      if (ids.length < BATCH || this.stopped) return total;
    }
  }
}
