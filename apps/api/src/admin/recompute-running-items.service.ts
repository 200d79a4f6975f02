import { Injectable, Logger } from '@nestjs/common';
import { deadlinesTouchYear, type RecomputeDeadlines, type Reply, type UnitAssignment } from '@jyta/proposal-domain';
import type { AuthUser } from '../auth/auth-user';
import type { CommandMeta } from '../common/command-meta';
import { mapError } from '../common/error-mapping';
import { Infrastructure } from '../infrastructure/infrastructure';
import { ProposalCommands } from '../proposals/proposal-commands.service';

/** How many items are recomputed at once: each is a Workflow Update on its own item. */
export const RECOMPUTE_CONCURRENCY = 8;

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

/** The reason every recomputed item records (SPEC §5: the event says why). */
export const amendmentReason = (year: number, user: AuthUser) => `节假日安排调整：${year} 年（管理员 ${user.username}）`;

/**
 * After the holiday calendar of a year was entered or replaced (SPEC §5): every running item whose
 * running deadlines count through that year is sent RecomputeDeadlines through the normal command
 * path, in the administrator's name. The item's domain decides what moves; one item's failure is
 * reported, never the whole request's.
 */
@Injectable()
export class RunningItemsRecompute {
  private readonly logger = new Logger('RecomputeDeadlines');

  constructor(
    private readonly infra: Infrastructure,
    private readonly commands: ProposalCommands,
  ) {}

  /**
   * Running items from the list read model (it carries each item's folded state; the admin's
   * calendar write came after, so an item assigned while the calendar was being saved may be
   * missed — it was counted with whichever calendar its assignment loaded). Items merged into
   * another (并案) are included: their reply copies' feedback periods are theirs to move.
   */
  async candidates(year: number, now = new Date().toISOString()): Promise<{ id: string; number: string }[]> {
    // Of the replies only the sent ones, without their bodies: what the feedback period needs.
    const { rows } = await this.infra.pool.query<{ proposal_id: string; number: string; units: UnitAssignment[] | null; replies: Reply[] }>(
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
      .map((r) => ({ id: r.proposal_id, number: r.number }));
  }

  async afterAmendment(year: number, user: AuthUser, meta: CommandMeta): Promise<RecomputeReport> {
    const items = await this.candidates(year);
    const command: RecomputeDeadlines = { type: 'RecomputeDeadlines', data: { reason: amendmentReason(year, user) } };
    // No Idempotency-Key: each amendment recomputes afresh (a repeat finds nothing to move).
    const commandMeta: CommandMeta = { correlationId: meta.correlationId };
    let changed = 0;
    const failed: RecomputeFailure[] = [];
    await forEachLimited(items, RECOMPUTE_CONCURRENCY, async (item) => {
      try {
        const outcome = await this.commands.sendForOutcome(item.id, command, user, commandMeta);
        if (outcome.events.some((e) => e.type === 'DeadlinesRecomputed')) changed++;
      } catch (e) {
        const { body } = mapError(e);
        // Archived since the list was read: read-only, nothing to recompute.
        if (body.code === 'ARCHIVED') return;
        this.logger.warn({ err: e, proposalId: item.id }, `recomputing the deadlines of ${item.number} failed`);
        failed.push({ id: item.id, number: item.number, code: body.code, message: body.message });
      }
    });
    this.logger.log(`calendar ${year} amended by ${user.username}: ${items.length} running items recomputed, ${changed} changed, ${failed.length} failed`);
    return { items: items.length, changed, failed: failed.sort((a, b) => a.number.localeCompare(b.number)) };
  }
}

/** Runs `f` over `items`, at most `limit` at a time. */
export async function forEachLimited<T>(items: T[], limit: number, f: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
