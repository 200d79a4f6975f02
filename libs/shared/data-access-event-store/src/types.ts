import type pg from 'pg';

/** Who did it (SPEC §9). null for the system itself (timers, migrations). */
export interface Actor {
  userId: string;
  username?: string;
  role: string;
  unitId?: string | null;
}

export interface EventMetadata {
  actor: Actor | null;
  /** When it happened in business terms (ISO 8601); also stored in the occurred_at column. */
  occurredAt: string;
  /** The request or timer that caused it. */
  correlationId: string;
  causationId?: string;
  [k: string]: unknown;
}

export interface NewEvent<T = unknown> {
  /** uuid chosen by the caller; the key that makes a retried append write nothing. */
  eventId: string;
  type: string;
  data: T;
  metadata: EventMetadata;
}

/**
 * Where an event sits in `$all`: the id of the transaction that wrote it (xid8, decimal) and its
 * sequence number (bigint, decimal). Ordered by transactionId, then sequence — numerically.
 */
export interface GlobalPosition {
  transactionId: string;
  sequence: string;
}

export interface StoredEvent<T = unknown> {
  eventId: string;
  streamId: string;
  /** 1-based, gap-free per stream. */
  version: number;
  position: GlobalPosition;
  type: string;
  data: T;
  metadata: EventMetadata;
  /** When the store recorded it (ISO 8601; the appending transaction's start time). */
  recordedAt: string;
}

/** The stream's current version (0 = the stream does not exist yet), or 'any' to skip the check. */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** The stream's version after this append (the last event's version): pass it as the next expectedVersion. */
  nextVersion: number;
  events: StoredEvent[];
  /** true when every event id was already stored in this stream: nothing was written. */
  duplicate: boolean;
}

export interface ReadAllOptions {
  /** Exclusive; null/absent = from the beginning. */
  after?: GlobalPosition | null;
  /** Default 1000. */
  limit?: number;
  /** Read on this client (e.g. inside a projection's transaction) instead of the pool. */
  client?: pg.ClientBase;
}
