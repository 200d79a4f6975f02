/**
 * Implementations of the proposal workflow's activities: all of its I/O. Each is safe to retry:
 * appends are idempotent by event id, numbers are idempotent per proposal, feedback forms per reply.
 */
import type { Pool } from 'pg';
import { ApplicationFailure, log } from '@temporalio/activity';
import { withTransaction } from '@jyta/db';
import { EventIdConflictError, PostgresEventStore, WrongExpectedVersionError, classifyAppendError } from '@jyta/event-store';
import { loadCalendar } from '@jyta/calendar-data-access';
import { enqueueFeedbackLink, withdrawFeedbackLinks } from '@jyta/notifications';
import {
  allocateNumber,
  allocateNumbers,
  chooseFeedbackRecipient,
  currentPolicy,
  feedbackFormOf,
  feedbackTokenKeyFromEnv,
  replaceFeedbackForm,
  storeFeedbackForm,
  type FeedbackFormRecord,
  type FeedbackTokenKey,
} from '@jyta/proposal-registry';
import type { AppendEventsInput, AppendEventsResult, IssueFeedbackFormInput, IssueFeedbackFormResult, ProposalActivities } from '@jyta/workflows';

export interface ActivityDeps {
  pool: Pool;
  /** Seals the stored copy of feedback tokens (FEEDBACK_TOKEN_KEY; the dev default outside production). */
  feedbackTokenKey?: FeedbackTokenKey;
  /**
   * Crash-test hook: stall an append before or after it writes, so a test can kill the worker
   * at exactly that point. Never set in production (the worker refuses it there).
   */
  appendFault?: { phase: 'before' | 'after'; delayMs: number };
}

/** What the workflow history may record of a form: the recipient, never the token, a phone number or an address. */
const resultOf = (r: FeedbackFormRecord): IssueFeedbackFormResult => {
  const index = r.recipient.channel !== 'none' && r.recipient.proposerIndex !== undefined ? { proposerIndex: r.recipient.proposerIndex } : {};
  switch (r.recipient.channel) {
    case 'account':
      return { recipient: { channel: 'account', username: r.recipient.username, ...index } };
    case 'sms':
    case 'email':
      return { recipient: { channel: r.recipient.channel, ...index } };
    default:
      return { recipient: { channel: 'none' } };
  }
};

/**
 * One form per reply, in one transaction: choose the recipient, store the token's hash and sealed
 * copy, and (no account) queue the SMS / e-mail. A retry — or a second attempt running alongside
 * the first — finds the stored form (the unique reply id decides the race) and answers its
 * recipient. With `reissueKey` (the office designated someone) the form is issued again: a new
 * token, the old one dead, the old recipient's unsent message withdrawn; once per key.
 */
export async function issueFeedbackForm(pool: Pool, key: FeedbackTokenKey, input: IssueFeedbackFormInput): Promise<IssueFeedbackFormResult> {
  return withTransaction(pool, async (client) => {
    const existing = await feedbackFormOf(client, input.replyId, { forUpdate: !!input.reissueKey });
    if (existing && (!input.reissueKey || existing.issueKey === input.reissueKey)) return resultOf(existing);
    const { recipient, address } = await chooseFeedbackRecipient(client, input.proposers, input.designee);
    let record: FeedbackFormRecord;
    if (existing) {
      await withdrawFeedbackLinks(client, input.replyId);
      record = await replaceFeedbackForm(client, key, { id: existing.id, replyId: input.replyId, recipient, issueKey: input.reissueKey! });
    } else {
      const stored = await storeFeedbackForm(client, key, { proposalId: input.proposalId, replyId: input.replyId, recipient, issueKey: input.reissueKey });
      if (!stored) {
        const winner = await feedbackFormOf(client, input.replyId);
        if (!winner) throw new Error(`feedback form of reply ${input.replyId} neither stored nor found`);
        return resultOf(winner);
      }
      record = stored.record;
    }
    if (address) {
      await enqueueFeedbackLink(client, { channel: address.channel, recipient: address.to, replyId: input.replyId, formId: record.id, number: input.number });
    }
    return resultOf(record);
  });
}

export function createProposalActivities(deps: ActivityDeps): ProposalActivities {
  const store = new PostgresEventStore(deps.pool);
  const key = deps.feedbackTokenKey ?? feedbackTokenKeyFromEnv(process.env);
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
        const numbered = input.number;
        result = numbered
          ? await withTransaction(deps.pool, async (client) => {
              const { proposalId, year, kind, placeholder } = numbered;
              const number = (await allocateNumbers(client, [{ proposalId, year, kind }])).get(proposalId)!;
              const events = input.events.map((e) =>
                e.type === 'ProposalRegistered' && (e.data as { number?: unknown })?.number === placeholder ? { ...e, data: { ...(e.data as object), number } } : e,
              );
              return store.appendInTransaction(client, input.streamId, events, { expectedVersion: input.expectedVersion });
            })
          : await store.append(input.streamId, input.events, { expectedVersion: input.expectedVersion });
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
          ...(result.duplicate || input.number ? { data: e.data, occurredAt: e.metadata.occurredAt } : {}),
        })),
      };
    },
    loadStream: async ({ streamId }) => {
      const events = await store.readStream(streamId);
      return {
        version: events.at(-1)?.version ?? 0,
        events: events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.metadata.occurredAt })),
      };
    },
    loadPolicy: () => currentPolicy(deps.pool),
    loadCalendar: ({ fromYear, toYear }) => loadCalendar(deps.pool, fromYear, toYear),
    allocateNumber: ({ proposalId, year, kind }) => allocateNumber(deps.pool, proposalId, year, kind),
    issueFeedbackForm: (input) => issueFeedbackForm(deps.pool, key, input),
    // Old histories' activity: the token it was given came from the workflow's PRNG, so it is
    // not used; the form is issued like any other (to the proposer the old effect named).
    issueFeedbackToken: async ({ proposalId, replyId, proposerUsername }) => {
      await issueFeedbackForm(deps.pool, key, {
        proposalId,
        replyId,
        number: null,
        proposers: proposerUsername ? [{ name: null, username: proposerUsername, phone: null }] : [],
      });
    },
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
