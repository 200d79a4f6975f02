import type pg from 'pg';

/** A row to deliver. */
export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  /** null for a message to someone without an account (a proposer's feedback link by SMS) */
  userId: string | null;
  subject: string;
  body: string;
  eventId: string;
  createdAt: string;
  /** failed attempts so far */
  attempts: number;
  /** The body carries FEEDBACK_LINK_PLACEHOLDER, to be replaced by this reply's form link at send time. */
  feedbackReplyId?: string;
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
  user_id: string | null;
  subject: string;
  body: string;
  event_id: string;
  created_at: Date;
  attempts: number;
  feedback_reply_id: string | null;
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
       RETURNING o.id, o.channel, o.recipient, o.user_id, o.subject, o.body, o.event_id, o.created_at, o.attempts, o.feedback_reply_id`,
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
        ...(r.feedback_reply_id ? { feedbackReplyId: r.feedback_reply_id } : {}),
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

/** Stands for the feedback form's link in an outbox body until the sender opens the token. */
export const FEEDBACK_LINK_PLACEHOLDER = '{{FEEDBACK_LINK}}';

/**
 * Queues the feedback form's link for a proposer without an account (Art. 11), in the caller's
 * transaction (the one that issued the form, so the message exists exactly when the form does).
 * The text names the item but not the token: the sender fills FEEDBACK_LINK_PLACEHOLDER in.
 */
export async function enqueueFeedbackLink(
  db: Pick<pg.PoolClient, 'query'>,
  m: { channel: OutboxMessage['channel']; recipient: string; replyId: string; formId: string; number?: string | null },
): Promise<void> {
  const item = m.number ? `（${m.number}）` : '';
  await db.query(
    `INSERT INTO outbox (channel, recipient, user_id, subject, body, event_id, feedback_reply_id)
     VALUES ($1, $2, NULL, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [
      m.channel,
      m.recipient,
      `征求意见表${item}`,
      `您提出的建议提案${item}已收到承办单位的答复，请打开链接查看答复并填写征求意见表：${FEEDBACK_LINK_PLACEHOLDER}`,
      m.formId,
      m.replyId,
    ],
  );
}

/**
 * A reply's form was issued again to someone else (the office's designation): its link is no
 * longer the old recipient's. A message not yet sent is dropped (the sender would fill in the new
 * link); one already sent is detached from the reply (its link no longer works), so the new
 * recipient's message takes the reply's place (one message per channel and reply).
 */
export async function withdrawFeedbackLinks(db: Pick<pg.PoolClient, 'query'>, replyId: string): Promise<void> {
  await db.query('DELETE FROM outbox WHERE feedback_reply_id = $1 AND sent_at IS NULL', [replyId]);
  await db.query('UPDATE outbox SET feedback_reply_id = NULL WHERE feedback_reply_id = $1', [replyId]);
}

/** The body with the form's link in place (a sender calls this just before sending). */
export function withFeedbackLink(body: string, link: string): string {
  return body.split(FEEDBACK_LINK_PLACEHOLDER).join(link);
}
