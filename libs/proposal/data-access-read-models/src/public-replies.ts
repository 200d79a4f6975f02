/**
 * `public_replies`: the replies published under Art. 20 (办理结果公开, SPEC §7), one row per reply
 * with a disclosure choice. Only what the public may see is stored: never the proposers, never
 * the cc list, and every published text (the letter, the summary, the reason) as redacted by
 * @jyta/redaction. Written from the folded item state by the proposal_list projection (same
 * batch, same transaction, same checkpoint), so it can be dropped and rebuilt with it.
 */
import type pg from 'pg';
import { latestDocument, type Proposer, type ProposalState, type Reply } from '@jyta/proposal-domain';
import { redact, type RedactionSubjects } from '@jyta/redaction';

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

/**
 * Whose details a reply of the item must not publish: the item's proposers, those of the items
 * handled with it (并案办理: one letter answers them all, and may name any of them), and the
 * reply's cc list. The contact records (ContactRecorded: method, day, summary) name no person in
 * a field of their own; the unit's own staff (责任人) are not secret.
 */
export function redactionSubjects(state: ProposalState, reply: Reply, related: Proposer[] = []): RedactionSubjects {
  const doc = latestDocument(reply);
  return {
    proposers: [...(state.details?.proposers ?? []), ...(state.mergedItems ?? []).flatMap((m) => m.proposers ?? []), ...related],
    cc: [...(reply.cc ?? []), ...(doc?.cc ?? [])],
    contacts: [],
  };
}

/** What the public site shows for a reply with a disclosure choice; undefined when nothing is to be published. */
export function publishedText(
  state: ProposalState,
  reply: Reply,
  related: Proposer[] = [],
): { mode: PublicReplyRow['mode']; text: string | null; reason: string | null } | undefined {
  const d = reply.disclosure;
  if (!d) return undefined;
  const subjects = redactionSubjects(state, reply, related);
  if (d.mode === 'full') {
    // The letter the proposer received: the government document for provincial/national items.
    const doc = latestDocument(reply);
    const letter = doc?.status === 'sent' ? doc.body : reply.body;
    return { mode: 'full', text: redact(letter, subjects), reason: null };
  }
  if (d.mode === 'summary') return { mode: 'summary', text: redact(d.summary ?? '', subjects), reason: null };
  return { mode: 'withheld', text: null, reason: redact(d.reason ?? '', subjects) };
}

/**
 * Every disclosed reply of the item, as published. `related`: the proposers of the other items of
 * its merge group that the item's own state does not hold (a merged item knows only its main
 * item's id; see relatedProposers).
 */
export function publicRepliesFromState(proposalId: string, state: ProposalState, related: Proposer[] = []): PublicReplyRow[] {
  const d = state.details;
  if (!d) return [];
  const rows: PublicReplyRow[] = [];
  for (const r of state.replies ?? []) {
    const p = publishedText(state, r, related);
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

/**
 * 并案办理: a merged item publishes copies of its main item's letters, which name the main item's
 * proposers and those of the other merged items. They are read from the main item's own events
 * (its registration and every ProposalsMerged), not from proposal_list, whose row for the main
 * item may not be written yet when a rebuild folds the merged item first.
 */
async function relatedProposers(client: Pick<pg.PoolClient, 'query'>, state: ProposalState): Promise<Proposer[]> {
  const mainIds = new Set<string>();
  if (state.mergedInto?.proposalId) mainIds.add(state.mergedInto.proposalId);
  for (const r of state.replies ?? []) if (r.disclosure && r.merging?.from?.proposalId) mainIds.add(r.merging.from.proposalId);
  if (!mainIds.size) return [];
  // The stream of an item is `proposal-<id>` (projection.ts PROPOSAL_STREAM_PREFIX).
  const { rows } = await client.query<{ type: string; data: { proposers?: Proposer[]; items?: { proposers?: Proposer[] }[] } }>(
    `SELECT type, data FROM events WHERE stream_id = ANY($1) AND type IN ('ProposalRegistered', 'ProposalsMerged')`,
    [[...mainIds].map((id) => `proposal-${id}`)],
  );
  return rows.flatMap((e) => (e.type === 'ProposalRegistered' ? (e.data.proposers ?? []) : (e.data.items ?? []).flatMap((i) => i.proposers ?? [])));
}

/** Replaces the item's rows (the latest choice wins). */
export async function writePublicReplies(client: pg.PoolClient, proposalId: string, state: ProposalState): Promise<void> {
  const rows = publicRepliesFromState(proposalId, state, await relatedProposers(client, state));
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
  /** one reply (the public page of a reply) */
  replyId?: string;
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
  if (f.replyId) add('reply_id = ?', f.replyId);
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
