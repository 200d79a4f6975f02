import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.ClientBase, 'query'>;

export interface InboxItem {
  id: string;
  proposalId: string | null;
  eventId: string;
  /** for a reply's notice (kind reply_sent): the reply */
  replyId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  /** rows matching the filter */
  total: number;
  page: number;
  pageSize: number;
  /** the user's unread rows, whatever the filter */
  unreadCount: number;
}

interface InboxRow {
  id: string;
  proposal_id: string | null;
  event_id: string;
  reply_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'id, proposal_id, event_id, reply_id, kind, title, body, created_at, read_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toItem = (r: InboxRow): InboxItem => ({
  id: r.id,
  proposalId: r.proposal_id,
  eventId: r.event_id,
  replyId: r.reply_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

/** The user's own notices, newest first. */
export async function listInbox(
  db: Queryable,
  userId: string,
  opts: { unread?: boolean; page?: number; pageSize?: number } = {},
): Promise<InboxPage> {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(opts.pageSize ?? 20)));
  if (!UUID.test(userId)) return { items: [], total: 0, page, pageSize, unreadCount: 0 };
  const filter = opts.unread ? 'AND read_at IS NULL' : '';
  const [items, counts] = await Promise.all([
    db.query<InboxRow>(
      `SELECT ${COLUMNS} FROM inbox WHERE user_id = $1 ${filter}
        ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [userId, pageSize, (page - 1) * pageSize],
    ),
    db.query<{ n_all: number; unread: number }>(
      'SELECT count(*)::int AS n_all, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM inbox WHERE user_id = $1',
      [userId],
    ),
  ]);
  const { n_all: all, unread } = counts.rows[0];
  return { items: items.rows.map(toItem), total: opts.unread ? unread : all, page, pageSize, unreadCount: unread };
}

/**
 * Marks the user's notice `id` read (the first read time is kept) and returns it; undefined when
 * there is no such notice of this user — another user's notice is not theirs to see or mark.
 */
export async function markInboxRead(db: Queryable, userId: string, id: string): Promise<InboxItem | undefined> {
  if (!UUID.test(userId) || !UUID.test(id)) return undefined;
  const { rows } = await db.query<InboxRow>(
    `UPDATE inbox SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId],
  );
  return rows[0] ? toItem(rows[0]) : undefined;
}

/** Marks every unread notice of the user read; returns how many. */
export async function markAllInboxRead(db: Queryable, userId: string): Promise<number> {
  if (!UUID.test(userId)) return 0;
  const { rowCount } = await db.query('UPDATE inbox SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [userId]);
  return rowCount ?? 0;
}
