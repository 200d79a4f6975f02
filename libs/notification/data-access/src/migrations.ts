import type { Migration } from '@jyta/db';

/**
 * The in-app inbox (one row per user and notice), the outbox the e-mail/SMS senders drain, and
 * the small table of item titles the `notifications` projection keeps for its texts.
 *
 * `inbox` and `outbox` are keyed by the event that caused them (unique keys below), so a replay
 * or a rebuild of the projection never writes a notice twice; a rebuild leaves them (and the
 * read marks, and what was sent) alone and only refills `notification_proposals`.
 */
export const notificationMigrations: Migration[] = [
  {
    id: '0500_notifications',
    sql: `
      CREATE TABLE IF NOT EXISTS inbox (
        id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid        NOT NULL,
        proposal_id  uuid        NULL,
        event_id     uuid        NOT NULL,
        -- for a reply's notice: the reply (its feedback form is looked up by it)
        reply_id     text        NULL,
        kind         text        NOT NULL,
        title        text        NOT NULL,
        body         text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        read_at      timestamptz NULL,
        CONSTRAINT inbox_user_event_kind_key UNIQUE (user_id, event_id, kind)
      );
      CREATE INDEX IF NOT EXISTS inbox_user_created_idx ON inbox (user_id, created_at DESC, id);
      CREATE INDEX IF NOT EXISTS inbox_user_unread_idx ON inbox (user_id) WHERE read_at IS NULL;

      CREATE TABLE IF NOT EXISTS outbox (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        channel          text        NOT NULL CHECK (channel IN ('email', 'sms')),
        recipient        text        NOT NULL,
        user_id          uuid        NOT NULL,
        subject          text        NOT NULL,
        body             text        NOT NULL,
        event_id         uuid        NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        sent_at          timestamptz NULL,
        attempts         int         NOT NULL DEFAULT 0,
        last_error       text        NULL,
        -- not before this time: the retry backoff, and the lease of a sender working on the row
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_channel_user_event_key UNIQUE (channel, user_id, event_id)
      );
      CREATE INDEX IF NOT EXISTS outbox_pending_idx ON outbox (channel, next_attempt_at) WHERE sent_at IS NULL;

      CREATE TABLE IF NOT EXISTS notification_proposals (
        proposal_id  uuid PRIMARY KEY,
        title        text NOT NULL,
        number       text NOT NULL,
        proposer_usernames text[] NOT NULL DEFAULT '{}'
      );
    `,
  },
  {
    id: '0510_user_email',
    sql: `ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;`,
  },
  {
    // The vice mayor in charge (阅示, Art. 9), from the latest ProposalAssigned; items assigned
    // before this column existed get it from their events here, so no rebuild is needed.
    id: '0520_notification_leader_in_charge',
    sql: `
      ALTER TABLE notification_proposals ADD COLUMN IF NOT EXISTS leader_in_charge text NULL;
      UPDATE notification_proposals np SET leader_in_charge = NULLIF(a.data->>'leaderInCharge', '')
        FROM (SELECT DISTINCT ON (stream_id) stream_id, data FROM events WHERE type = 'ProposalAssigned' ORDER BY stream_id, version DESC) a
       WHERE a.stream_id = 'proposal-' || np.proposal_id::text;
    `,
  },
  {
    // The feedback form's link to a proposer with no account (Art. 11): an SMS to a phone, no user
    // row. The body holds the placeholder FEEDBACK_LINK_PLACEHOLDER; the sender puts the link in
    // at send time (feedback_reply_id names the form), so no plain token is ever stored here.
    id: '0530_outbox_feedback_link',
    sql: `
      ALTER TABLE outbox ALTER COLUMN user_id DROP NOT NULL;
      ALTER TABLE outbox ADD COLUMN IF NOT EXISTS feedback_reply_id text NULL;
      CREATE UNIQUE INDEX IF NOT EXISTS outbox_feedback_reply_key ON outbox (channel, feedback_reply_id) WHERE feedback_reply_id IS NOT NULL;
    `,
  },
];
