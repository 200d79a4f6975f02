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
}

export interface AppendEventsResult {
  nextVersion: number;
  /** data and occurredAt only when duplicate: what the first attempt stored, for the workflow to adopt. */
  events: { eventId: string; type: string; version: number; position: GlobalPositionDto; data?: unknown; occurredAt?: string }[];
  duplicate: boolean;
}

export interface ProposalActivities {
  /** Appends with an expected version; idempotent by event id, so a retry never writes twice. */
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
  /** The policy in force now (new items keep the version they started under). */
  loadPolicy(): Promise<Policy>;
  /** Holiday calendar for the years a deadline may touch. */
  loadCalendar(input: { fromYear: number; toYear: number }): Promise<HolidayCalendar>;
  /** Keeps the secret token of a sent reply's feedback form (never in an event); idempotent per reply. */
  issueFeedbackToken(input: { token: string; proposalId: string; replyId: string; proposerUsername: string | null }): Promise<void>;
  /** Next number of the year and kind; idempotent per proposalId. */
  allocateNumber(input: { proposalId: string; year: number; kind: ProposalKind }): Promise<string>;
}
