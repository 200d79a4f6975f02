/**
 * Implementations of the proposal workflow's activities: all of its I/O. Each is safe to retry:
 * appends are idempotent by event id, numbers are idempotent per proposal.
 */
import type { Pool } from 'pg';
import { log } from '@temporalio/activity';
import { PostgresEventStore } from '@jyta/event-store';
import { loadCalendar } from '@jyta/calendar-data-access';
import { allocateNumber, currentPolicy, issueFeedbackToken } from '@jyta/proposal-registry';
import type { AppendEventsInput, AppendEventsResult, ProposalActivities } from '@jyta/workflows';

export interface ActivityDeps {
  pool: Pool;
  /**
   * Crash-test hook: stall an append before or after it writes, so a test can kill the worker
   * at exactly that point. Never set in production (the worker refuses it there).
   */
  appendFault?: { phase: 'before' | 'after'; delayMs: number };
}

export function createProposalActivities(deps: ActivityDeps): ProposalActivities {
  const store = new PostgresEventStore(deps.pool);
  const stall = async (phase: 'before' | 'after') => {
    if (deps.appendFault?.phase !== phase) return;
    log.warn('append fault injected', { phase, delayMs: deps.appendFault.delayMs });
    await new Promise((r) => setTimeout(r, deps.appendFault!.delayMs));
  };
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
      await stall('before');
      const result = await store.append(input.streamId, input.events, { expectedVersion: input.expectedVersion });
      await stall('after');
      return {
        nextVersion: result.nextVersion,
        duplicate: result.duplicate,
        events: result.events.map((e) => ({ eventId: e.eventId, type: e.type, version: e.version, position: e.position })),
      };
    },
    loadPolicy: () => currentPolicy(deps.pool),
    loadCalendar: ({ fromYear, toYear }) => loadCalendar(deps.pool, fromYear, toYear),
    allocateNumber: ({ proposalId, year, kind }) => allocateNumber(deps.pool, proposalId, year, kind),
    issueFeedbackToken: (input) => issueFeedbackToken(deps.pool, input),
  };
}
