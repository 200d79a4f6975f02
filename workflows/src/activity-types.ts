/**
 * The activities the proposal workflow calls, as an interface only: workflow code imports these
 * types and never the implementations (which do I/O).
 */
import type { HolidayCalendar } from '@jyta/calendar-domain';
import type { Actor, Policy, ProposalKind } from '@jyta/proposal-domain';

export interface GlobalPositionDto {
  transactionId: string;
  sequence: string;
}

export interface EventToAppend {
  eventId: string;
  type: string;
  data: unknown;
  metadata: { actor: Actor | null; occurredAt: string; correlationId: string; causationId?: string };
}

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  events: EventToAppend[];
  /**
   * A registration whose number is allocated by the append itself, in its transaction (one local
   * activity instead of two; a failed append allocates nothing, a retried one finds the number it
   * allocated): the ProposalRegistered event's data.number holds `placeholder` until then. The
   * result then carries every event's stored data, which the workflow folds.
   */
  number?: { proposalId: string; year: number; kind: ProposalKind; placeholder: string };
}

export interface AppendEventsResult {
  nextVersion: number;
  /** data and occurredAt only when duplicate or numbered: what was stored, for the workflow to adopt. */
  events: { eventId: string; type: string; version: number; position: GlobalPositionDto; data?: unknown; occurredAt?: string }[];
  duplicate: boolean;
}

export interface IssueFeedbackFormInput {
  proposalId: string;
  replyId: string;
  /** the item's number, for the SMS text */
  number: string | null;
  /** the item's proposers in order (the first is the lead, 领衔人) */
  proposers: { name: string | null; username: string | null; phone: string | null; email?: string | null }[];
  /** The proposer the office designated (their place in the list), reached before anyone else. */
  designee?: number;
  /**
   * Issue again (after a designation): a new token replaces the old. The key (the designation's
   * event id) makes a retried re-issue answer the form it already made.
   */
  reissueKey?: string;
}

/** To whom the form went — never the token, nor a phone number or address. */
export interface IssueFeedbackFormResult {
  recipient:
    | { channel: 'account'; username: string; proposerIndex?: number }
    | { channel: 'sms' | 'email'; proposerIndex?: number }
    | { channel: 'none' };
}

export interface ProposalActivities {
  /** Appends with an expected version; idempotent by event id, so a retry never writes twice. */
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
  /** The policy in force now (new items keep the version they started under). */
  loadPolicy(): Promise<Policy>;
  /** Holiday calendar for the years a deadline may touch. */
  loadCalendar(input: { fromYear: number; toYear: number }): Promise<HolidayCalendar>;
  /**
   * Before the feedback-token-in-activity patch: the workflow drew the token from its own uuid4()
   * (predictable). Kept only so old histories replay; the implementation ignores the token passed
   * and issues a random one like issueFeedbackForm.
   */
  issueFeedbackToken(input: { token: string; proposalId: string; replyId: string; proposerUsername: string | null }): Promise<void>;
  /**
   * Issues a sent reply's feedback form (Art. 11): the activity makes the secret token itself
   * (node:crypto), stores its hash and sealed copy, picks the recipient among the proposers and,
   * for one without an account, queues an SMS with the link. Neither input nor result holds the
   * token, so it never enters the workflow history. Idempotent per reply.
   */
  issueFeedbackForm(input: IssueFeedbackFormInput): Promise<IssueFeedbackFormResult>;
  /**
   * The stored stream of an item, as the decider's events, and its version: a fresh run of an item
   * whose earlier run completed folds it before handling any command.
   */
  loadStream(input: { streamId: string }): Promise<{ version: number; events: { type: string; data: unknown; occurredAt: string }[] }>;
  /** Next number of the year and kind; idempotent per proposalId. */
  allocateNumber(input: { proposalId: string; year: number; kind: ProposalKind }): Promise<string>;
}
