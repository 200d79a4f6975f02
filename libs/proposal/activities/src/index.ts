/**
 * Implementations of the proposal workflow's activities: all of its I/O. Each is safe to retry:
 * appends are idempotent by event id, numbers are idempotent per proposal.
 */
import type { Pool } from 'pg';
import { ApplicationFailure, log } from '@temporalio/activity';
import { EventIdConflictError, PostgresEventStore, WrongExpectedVersionError, classifyAppendError } from '@jyta/event-store';
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
      let result;
      try {
        result = await store.append(input.streamId, input.events, { expectedVersion: input.expectedVersion });
      } catch (err) {
        throw appendFailure(err);
      }
      await stall('after');
      return {
        nextVersion: result.nextVersion,
        duplicate: result.duplicate,
        // After a crash the workflow decides again with a later clock; on a duplicate it adopts
        // what the first attempt stored, so the stored data and time come back with it.
        events: result.events.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          version: e.version,
          position: e.position,
          ...(result.duplicate ? { data: e.data, occurredAt: e.metadata.occurredAt } : {}),
        })),
      };
    },
    loadPolicy: () => currentPolicy(deps.pool),
    loadCalendar: ({ fromYear, toYear }) => loadCalendar(deps.pool, fromYear, toYear),
    allocateNumber: ({ proposalId, year, kind }) => allocateNumber(deps.pool, proposalId, year, kind),
    issueFeedbackToken: (input) => issueFeedbackToken(deps.pool, input),
  };
}

/**
 * An append error no retry can fix becomes a non-retryable failure with a stable type (the workflow
 * fails the command with it and frees the item): STORE_CONFLICT when the stream or the event ids
 * disagree with the workflow, STORE_REJECTED when PostgreSQL refuses the data. Anything else is
 * rethrown as it is, for the workflow's bounded retry schedule.
 */
export function appendFailure(err: unknown): unknown {
  if (classifyAppendError(err) === 'transient') return err;
  const conflict = err instanceof WrongExpectedVersionError || err instanceof EventIdConflictError;
  const message = err instanceof Error ? err.message : String(err);
  return ApplicationFailure.create({
    type: conflict ? 'STORE_CONFLICT' : 'STORE_REJECTED',
    message,
    nonRetryable: true,
    cause: err instanceof Error ? err : undefined,
  });
}
