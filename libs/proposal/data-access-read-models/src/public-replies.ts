/**
 * `public_replies`: the replies published under Art. 20 (办理结果公开, SPEC §7), one row per reply
 * with a disclosure choice. Only what the public may see is stored: never the proposers, never
 * the cc list, and for full text the letter as redacted by the domain's redactForPublication().
 * Written from the folded item state by the proposal_list projection (same batch, same
 * transaction, same checkpoint), so it can be dropped and rebuilt with it.
 */
import type pg from 'pg';
import { publishedText, type ProposalState } from '@jyta/proposal-domain';

export interface PublicReplyRow {
  proposalId: string;
  replyId: string;
  number: string;
  sessionYear: number;
  kind: string;
  topic: string | null;
  unitId: string;
  category: string;
  mode: 'full' | 'summary' | 'withheld';
  title: string;
  /** full: the redacted letter; summary: the unit's summary; withheld: null */
  text: string | null;
  /** withheld: the stated reason, itself published */
  reason: string | null;
  publishedAt: string;
}

/** Every disclosed reply of the item, as published. */
export function publicRepliesFromState(proposalId: string, state: ProposalState): PublicReplyRow[] {
  const d = state.details;
  if (!d) return [];
  const rows: PublicReplyRow[] = [];
  for (const r of state.replies ?? []) {
    const p = publishedText(state, r);
    if (!p || !r.disclosure) continue;
    rows.push({
      proposalId,
      replyId: r.replyId,
      number: d.number,
      sessionYear: d.sessionYear,
      kind: d.kind,
      topic: d.topic ?? null,
      unitId: r.unitId,
      category: r.category,
      mode: p.mode,
      title: d.title,
      text: p.text,
      reason: p.reason,
      publishedAt: r.disclosure.chosenAt,
    });
  }
  return rows;
}

/** Replaces the item's rows (the latest choice wins). */
export async function writePublicReplies(client: pg.PoolClient, proposalId: string, state: ProposalState): Promise<void> {
  const rows = publicRepliesFromState(proposalId, state);
  await client.query('DELETE FROM public_replies WHERE proposal_id = $1', [proposalId]);
  for (const r of rows) {
    await client.query(
      `INSERT INTO public_replies (proposal_id, reply_id, number, session_year, kind, topic, unit_id, category, mode, title, text, reason, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.proposalId, r.replyId, r.number, r.sessionYear, r.kind, r.topic, r.unitId, r.category, r.mode, r.title, r.text, r.reason, r.publishedAt],
    );
  }
}

export interface PublicReplyFilters {
  year?: number;
  kind?: string;
  unitId?: string;
  category?: string;
  topic?: string;
  /** case-insensitive substring of the title, the number or the published text */
  q?: string;
  page: number;
  pageSize: number;
}

export interface PublicReply {
  replyId: string;
  proposalNumber: string;
  year: number;
  kind: string;
  topic: string | null;
  unitId: string;
  category: string;
  mode: 'full' | 'summary' | 'withheld';
  title: string;
  text: string | null;
  reason: string | null;
  publishedAt: string;
}

export async function listPublicReplies(
  db: Pick<pg.Pool, 'query'>,
  f: PublicReplyFilters,
): Promise<{ items: PublicReply[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.year !== undefined) add('session_year = ?', f.year);
  if (f.kind) add('kind = ?', f.kind);
  if (f.unitId) add('unit_id = ?', f.unitId);
  if (f.category) add('category = ?', f.category);
  if (f.topic) add('topic = ?', f.topic);
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const n = `$${params.length}`;
    where.push(`(title ILIKE ${n} OR number ILIKE ${n} OR coalesce(text, '') ILIKE ${n})`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public_replies ${w}`, params)).rows[0].n);
  const { rows } = await db.query(
    `SELECT reply_id, number, session_year, kind, topic, unit_id, category, mode, title, text, reason, published_at
       FROM public_replies ${w}
      ORDER BY published_at DESC, reply_id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.pageSize, (f.page - 1) * f.pageSize],
  );
  return {
    items: rows.map((r) => ({
      replyId: r.reply_id,
      proposalNumber: r.number,
      year: r.session_year,
      kind: r.kind,
      topic: r.topic,
      unitId: r.unit_id,
      category: r.category,
      mode: r.mode,
      title: r.title,
      text: r.text,
      reason: r.reason,
      publishedAt: new Date(r.published_at).toISOString(),
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
