import { Injectable, Logger } from '@nestjs/common';
import { RECOMPUTE_DEADLINES_WORKFLOW_TYPE, type OperationProgress, type RecomputeDeadlinesInput } from '@jyta/workflows';
import type { AuthUser } from '../auth/auth-user';
import type { CommandMeta } from '../common/command-meta';
import { OperationsService } from '../operations/operations.service';
import { actorOf } from '../proposals/proposal-commands.service';

export interface RecomputeFailure {
  id: string;
  number: string;
  code: string;
  message: string;
}

export interface RecomputeReport {
  /** Running items whose deadlines could touch the amended year: each was sent RecomputeDeadlines. */
  items: number;
  /** Of these, the items whose deadlines moved (a DeadlinesRecomputed event was recorded). */
  changed: number;
  failed: RecomputeFailure[];
}

/** The recompute started by an amendment: its id, and its report when it finished while the request waited. */
export interface RecomputeStarted {
  operationId: string;
  report: RecomputeReport | null;
  /** Progress when it did not finish in time. */
  progress: OperationProgress | null;
}

/** The reason every recomputed item records (SPEC §5: the event says why). */
export const amendmentReason = (year: number, user: AuthUser) => `节假日安排调整：${year} 年（管理员 ${user.username}）`;

export const reportOf = (p: OperationProgress): RecomputeReport => ({
  items: p.total,
  changed: p.changed,
  failed: p.failures.map((f) => ({ id: f.proposalId, number: f.number, code: f.code, message: f.message })),
});

/**
 * After the holiday calendar of a year was entered or replaced (SPEC §5): every running item whose
 * running deadlines count through that year is sent RecomputeDeadlines, in the administrator's
 * name, by a durable operation (workflows/src/recompute-deadlines.workflow.ts): a crash of the
 * worker or the API resumes it, no item is recomputed twice, one item's failure is reported and
 * never stops the others. The request waits a little for it and otherwise answers its id.
 */
@Injectable()
export class RunningItemsRecompute {
  private readonly logger = new Logger('RecomputeDeadlines');

  constructor(private readonly operations: OperationsService) {}

  async afterAmendment(year: number, user: AuthUser, meta: CommandMeta): Promise<RecomputeStarted> {
    // With an Idempotency-Key a repeated save is the same operation; without, each save recomputes afresh
    // (a repeat finds nothing to move).
    const id = this.operations.idFor('recompute-deadlines', user, meta, String(year));
    const input: RecomputeDeadlinesInput = { year, reason: amendmentReason(year, user), actor: actorOf(user), correlationId: meta.correlationId };
    await this.operations.start(id, RECOMPUTE_DEADLINES_WORKFLOW_TYPE, [input]);
    const done = await this.operations.waitBriefly(id, this.operations.waitMs);
    if (!done) {
      this.logger.log(`calendar ${year} amended by ${user.username}: recompute ${id} goes on in the background`);
      return { operationId: id, report: null, progress: await this.operations.read(id).catch(() => null) };
    }
    const report = reportOf(done);
    this.logger.log(`calendar ${year} amended by ${user.username}: ${report.items} running items recomputed, ${report.changed} changed, ${report.failed.length} failed`);
    return { operationId: id, report, progress: done };
  }
}
