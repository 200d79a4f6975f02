import type pg from 'pg';

/** A row to deliver. */
export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  userId: string;
  subject: string;
  body: string;
  eventId: string;
  createdAt: string;
  /** failed attempts so far */
  attempts: number;
}

/** What a sender needs of the outbox (PostgresOutbox; tests may use their own). */
export interface OutboxStore {
  /** Leases up to `limit` due rows of `channel` to the caller (nobody else gets them until the lease ends). */
  claim(channel: OutboxMessage['channel'], limit: number): Promise<OutboxMessage[]>;
  markSent(id: string): Promise<void>;
  /** Counts a failed attempt and schedules the next one after backoffMs(attempts + 1). */
  markFailed(message: OutboxMessage, error: string): Promise<void>;
}

/** A row with this many failed attempts is no longer tried (it stays, with its last_error, for an administrator). */
export const MAX_OUTBOX_ATTEMPTS = 8;

/** Wait before attempt n+1 after n failures: 30 s, 1 min, 2 min, … at most 1 h. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

interface OutboxRow {
  id: string;
  channel: OutboxMessage['channel'];
  recipient: string;
  user_id: string;
  subject: string;
  body: string;
  event_id: string;
  created_at: Date;
  attempts: number;
}

/**
 * The `outbox` table as a work queue. Rows are claimed with `FOR UPDATE SKIP LOCKED` in a short
 * statement that moves their `next_attempt_at` past a lease, and are then sent outside any
 * transaction — a transaction held open during a slow SMTP exchange would hold back the event
 * store's readable horizon for every projection. Several senders never get the same row; a sender
 * that dies mid-send leaves rows that are tried again when their lease ends (at-least-once).
 */
export class PostgresOutbox implements OutboxStore {
  constructor(
    private readonly db: Pick<pg.Pool, 'query'>,
    private readonly opts: { leaseMs?: number; maxAttempts?: number } = {},
  ) {}

  async claim(channel: OutboxMessage['channel'], limit: number): Promise<OutboxMessage[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM outbox
          WHERE channel = $1 AND sent_at IS NULL AND attempts < $2 AND next_attempt_at <= now()
          ORDER BY next_attempt_at, created_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET next_attempt_at = now() + $4::bigint * interval '1 millisecond'
         FROM due WHERE o.id = due.id
       RETURNING o.id, o.channel, o.recipient, o.user_id, o.subject, o.body, o.event_id, o.created_at, o.attempts`,
      [channel, this.opts.maxAttempts ?? MAX_OUTBOX_ATTEMPTS, limit, this.opts.leaseMs ?? 5 * 60_000],
    );
    return rows
      .map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        userId: r.user_id,
        subject: r.subject,
        body: r.body,
        eventId: r.event_id,
        createdAt: r.created_at.toISOString(),
        attempts: r.attempts,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async markSent(id: string): Promise<void> {
    await this.db.query('UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = $1 AND sent_at IS NULL', [id]);
  }

  async markFailed(message: OutboxMessage, error: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
              next_attempt_at = now() + $3::bigint * interval '1 millisecond'
        WHERE id = $1 AND sent_at IS NULL`,
      [message.id, error.slice(0, 2000), backoffMs(message.attempts + 1)],
    );
  }
}
