import type pg from 'pg';
import type { Projection, StoredEvent } from '@jyta/event-store';
import { proposalIdOf } from '@jyta/proposal-read-models';
import { UNIT_SUMMARY_STREAM_PREFIX } from '@jyta/proposal-domain';
import { NOTIFIED_EVENT_TYPES, noticesFor, type DirectoryUser, type NotificationMessage, type ProposalRef } from './messages';

export const NOTIFICATIONS_PROJECTION = 'notifications';

/** Footer of every e-mail. */
export const EMAIL_FOOTER = '\n\n——\n本邮件由建议提案办理系统自动发送，请勿直接回复。详情请登录系统查看“我的消息”。';

export interface NotificationsProjectionOptions {
  /**
   * E-mails are queued only for events recorded at most this long before the projection handles
   * them (default 3 days): a rebuild, or a first start on an old database, fills the in-app
   * inbox but does not e-mail old news. 0 or less: no limit.
   */
  emailMaxAgeMs?: number;
  /** The clock (tests). */
  now?: () => number;
  /** Told of an event whose notices could not be worked out (it is skipped). Default: console.error. */
  onSkip?: (event: StoredEvent, err: unknown) => void;
}

const DEFAULT_EMAIL_MAX_AGE_MS = 3 * 24 * 3600_000;
const NOTIFIED = new Set<string>(NOTIFIED_EVENT_TYPES);
/** Events whose notice goes to the item's proposers. */
const TO_PROPOSERS = new Set<string>(['ReplySent', 'OpinionSentToProposer', 'GovernmentDocumentSent', 'MergedReplyReceived', 'MergedIntoProposal']);

interface UserRow {
  id: string;
  username: string;
  role: string;
  unit_code: string | null;
  email: string | null;
  created_at: Date;
}

/** The users the rules may pick: office, office divisions, vice mayors, the liaison offices, the units' handlers and leaders, and the proposers named. */
export async function loadRecipientDirectory(client: Pick<pg.ClientBase, 'query'>, proposerUsernames: string[] = []): Promise<DirectoryUser[]> {
  const { rows } = await client.query<UserRow>(
    `SELECT id, username, role, unit_code, email, created_at FROM users
      WHERE role IN ('office', 'office_reviewer', 'vice_mayor', 'unit_handler', 'unit_leader', 'npc_liaison', 'cppcc_liaison') OR (role = 'proposer' AND username = ANY($1::text[]))
      ORDER BY username`,
    [proposerUsernames],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    role: r.role,
    unitId: r.unit_code,
    email: r.email && r.email.trim() ? r.email.trim() : null,
    createdAt: r.created_at.toISOString(),
  }));
}

/**
 * The `notifications` projection: for each event some user must hear of (see recipientsFor),
 * one inbox row per recipient and, for recipients with an e-mail address, one outbox row.
 * Titles come from the item's ProposalRegistered and the vice mayor in charge from its latest
 * ProposalAssigned, kept in `notification_proposals`.
 *
 * Idempotent by the tables' unique keys (user, event, kind) and (channel, user, event): a
 * replayed batch or a rebuild writes nothing twice. reset() empties only the title table, so a
 * rebuild keeps read marks and never re-sends what was sent.
 */
export function createNotificationsProjection(opts: NotificationsProjectionOptions = {}): Projection {
  const emailMaxAgeMs = opts.emailMaxAgeMs ?? DEFAULT_EMAIL_MAX_AGE_MS;
  const now = opts.now ?? Date.now;
  const onSkip =
    opts.onSkip ?? ((event: StoredEvent, err: unknown) => console.error(`[projection notifications] skipped event ${event.eventId} (${event.type}):`, err));

  return {
    name: NOTIFICATIONS_PROJECTION,

    async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
      const titles = new Map<string, ProposalRef>();
      /** Each event with the leader in charge as of it, when this batch assigned the item before it. */
      const notify: { event: StoredEvent; proposalId: string | null; leader?: string | null }[] = [];
      const leaders = new Map<string, string | null>();

      for (const e of events) {
        const proposalId = proposalIdOf(e.streamId);
        if (!proposalId) {
          // 总结工作 (Art. 12): a unit-year's obligation is about no item (inbox rows without one).
          if (e.streamId.startsWith(UNIT_SUMMARY_STREAM_PREFIX) && NOTIFIED.has(e.type)) notify.push({ event: e, proposalId: null });
          continue;
        }
        if (e.type === 'ProposalRegistered') {
          const d = (e.data ?? {}) as { title?: unknown; number?: unknown; proposers?: unknown };
          if (typeof d.title !== 'string') continue;
          const usernames = Array.isArray(d.proposers)
            ? [...new Set(d.proposers.map((p) => (p as { username?: unknown })?.username).filter((u): u is string => typeof u === 'string' && u !== ''))]
            : [];
          const ref = { title: d.title, number: typeof d.number === 'string' ? d.number : '', proposerUsernames: usernames };
          titles.set(proposalId, ref);
          await client.query(
            `INSERT INTO notification_proposals (proposal_id, title, number, proposer_usernames) VALUES ($1, $2, $3, $4)
             ON CONFLICT (proposal_id) DO UPDATE SET title = EXCLUDED.title, number = EXCLUDED.number, proposer_usernames = EXCLUDED.proposer_usernames`,
            [proposalId, ref.title, ref.number, usernames],
          );
        }
        if (e.type === 'ProposalAssigned') {
          // As evolve does: each assignment (a reassignment too) names the leader in charge anew.
          const leader = (e.data as { leaderInCharge?: unknown } | null)?.leaderInCharge;
          const leaderInCharge = typeof leader === 'string' && leader !== '' ? leader : null;
          leaders.set(proposalId, leaderInCharge);
          await client.query('UPDATE notification_proposals SET leader_in_charge = $2 WHERE proposal_id = $1', [proposalId, leaderInCharge]);
        }
        if (NOTIFIED.has(e.type)) notify.push({ event: e, proposalId, leader: leaders.get(proposalId) });
      }
      if (notify.length === 0) return;

      const missing = [...new Set(notify.map((n) => n.proposalId))].filter((id): id is string => id !== null && !titles.has(id));
      if (missing.length) {
        const { rows } = await client.query<{ proposal_id: string; title: string; number: string; proposer_usernames: string[]; leader_in_charge: string | null }>(
          'SELECT proposal_id, title, number, proposer_usernames, leader_in_charge FROM notification_proposals WHERE proposal_id = ANY($1::uuid[])',
          [missing],
        );
        for (const r of rows) {
          titles.set(r.proposal_id, { title: r.title, number: r.number, proposerUsernames: r.proposer_usernames, leaderInCharge: r.leader_in_charge });
        }
      }
      const proposerUsernames = [
        ...new Set(notify.filter((n) => TO_PROPOSERS.has(n.event.type) && n.proposalId).flatMap((n) => titles.get(n.proposalId!)?.proposerUsernames ?? [])),
      ];
      const directory = await loadRecipientDirectory(client, proposerUsernames);
      const { rows: unitRows } = await client.query<{ code: string; name: string; kind: string }>('SELECT code, name, kind FROM units');
      const lookups = { unitNames: new Map(unitRows.map((u) => [u.code, u.name])), unitKinds: new Map(unitRows.map((u) => [u.code, u.kind])) };

      const inbox = {
        user: [] as string[],
        proposal: [] as (string | null)[],
        event: [] as string[],
        reply: [] as (string | null)[],
        kind: [] as string[],
        title: [] as string[],
        body: [] as string[],
        at: [] as string[],
      };
      const outbox = { recipient: [] as string[], user: [] as string[], subject: [] as string[], body: [] as string[], event: [] as string[] };
      const nowMs = now();

      for (const { event, proposalId, leader } of notify) {
        const ref = proposalId ? titles.get(proposalId) : undefined;
        // A rebuild tells an old event to the leader of its time, not of today.
        const proposal = ref && leader !== undefined ? { ...ref, leaderInCharge: leader } : ref;
        const fresh = emailMaxAgeMs <= 0 || nowMs - Date.parse(event.recordedAt) <= emailMaxAgeMs;
        const replyId = (event.data as { replyId?: unknown } | null)?.replyId;
        let notices: { user: DirectoryUser; msg: NotificationMessage }[];
        try {
          notices = noticesFor(event, directory, proposal, lookups);
        } catch (err) {
          // A malformed event must not stop every later notice: it is skipped, loudly.
          onSkip(event, err);
          continue;
        }
        for (const { user, msg } of notices) {
          inbox.user.push(user.id);
          inbox.proposal.push(proposalId);
          inbox.event.push(event.eventId);
          inbox.reply.push(typeof replyId === 'string' ? replyId : null);
          inbox.kind.push(msg.kind);
          inbox.title.push(msg.title);
          inbox.body.push(msg.body);
          inbox.at.push(event.recordedAt);
          if (user.email && fresh) {
            outbox.recipient.push(user.email);
            outbox.user.push(user.id);
            outbox.subject.push(`【建议提案办理】${msg.title}`);
            outbox.body.push(msg.body + EMAIL_FOOTER);
            outbox.event.push(event.eventId);
          }
        }
      }
      if (inbox.user.length) {
        await client.query(
          `INSERT INTO inbox (user_id, proposal_id, event_id, reply_id, kind, title, body, created_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           ON CONFLICT (user_id, event_id, kind) DO NOTHING`,
          [inbox.user, inbox.proposal, inbox.event, inbox.reply, inbox.kind, inbox.title, inbox.body, inbox.at],
        );
      }
      if (outbox.user.length) {
        await client.query(
          `INSERT INTO outbox (channel, recipient, user_id, subject, body, event_id)
           SELECT 'email', * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[])
           ON CONFLICT (channel, user_id, event_id) DO NOTHING`,
          [outbox.recipient, outbox.user, outbox.subject, outbox.body, outbox.event],
        );
      }
    },

    async reset(client: pg.PoolClient): Promise<void> {
      await client.query('TRUNCATE notification_proposals');
    },
  };
}

/** The projection with its defaults. */
export const notificationsProjection: Projection = createNotificationsProjection();
