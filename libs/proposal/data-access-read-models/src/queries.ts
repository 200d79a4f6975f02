import type pg from 'pg';
import type { ProposalListRow } from './projection';
import { AWAITING_SQL, isViceMayorAwaiting, viceMayorAwaitingSql, type Awaiting, type ViceMayorScope } from './queues';

export interface ProposalListFilters {
  /** session year */
  year?: number;
  kind?: string;
  /** restrict to these kinds (a liaison sees only its chamber's items) */
  kinds?: string[];
  level?: string;
  status?: string;
  /** items this unit was ever assigned to (a unit keeps reading an item it returned) */
  unitId?: string;
  /** items this unit is responsible for now */
  activeUnitId?: string;
  key?: boolean;
  /** items whose earliest reply deadline (among the responsible units) has passed */
  overdue?: boolean;
  /** case-insensitive substring of the title or the number */
  q?: string;
  major?: boolean;
  urgent?: boolean;
  /** case-insensitive substring of the topic */
  topic?: string;
  /** case-insensitive substring of a proposer's name (lead or joint) */
  proposer?: string;
  /** one of the office's queues, or of the vice mayor's (queues.ts) */
  awaiting?: Awaiting;
  /** whose vice mayor's queue `awaiting` means; without it a vice mayor's queue is empty */
  viceMayor?: ViceMayorScope;
  /** items this account is a proposer of */
  proposerUsername?: string;
  /** 1-based */
  page: number;
  pageSize: number;
}

/** A list row as callers read it: the stored columns (see ProposalListRow), and whether it is overdue now (Art. 19). */
export interface ProposalListItem extends Omit<ProposalListRow, 'proposalId' | 'proposerUsernames'> {
  id: string;
  overdue: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Row {
  proposal_id: string;
  number: string;
  kind: string;
  level: string;
  session_year: number;
  period: string;
  title: string;
  topic: string | null;
  status: string;
  key: boolean;
  major: boolean;
  urgent: boolean;
  proposer_names: string[];
  unit_ids: string[];
  active_unit_ids: string[];
  lead_unit_ids: string[];
  leader_in_charge: string | null;
  registered_at: Date;
  assigned_on: string | null;
  reply_due_at: Date | null;
  overdue: boolean;
  updated_at: Date;
  version: number;
}

/**
 * Overdue in the sense of Art. 19: a unit that answers for the item (lead / single / separate)
 * has neither replied nor filed an explanation, and its reply deadline has passed. Read from the
 * stored state so that it holds from the deadline itself, before the timer records it; a unit
 * that replied, or explained in time ("delayed with explanation"), is not overdue.
 */
const OVERDUE = `(status = 'assigned' AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(coalesce(state->'units', '[]'::jsonb)) u
    WHERE u->>'role' IN ('lead', 'separate') AND u->>'status' IN ('assigned', 'handling')
      AND u->'explanation' IS NULL AND (u->'replyDue'->>'dueAt')::timestamptz <= now()))`;

const COLUMNS = `proposal_id, number, kind, level, session_year, period, title, topic, status, key, major, urgent,
  proposer_names, unit_ids, active_unit_ids, lead_unit_ids, leader_in_charge, registered_at,
  to_char(assigned_on, 'YYYY-MM-DD') AS assigned_on, reply_due_at,
  ${OVERDUE} AS overdue, updated_at, version`;

function toItem(r: Row): ProposalListItem {
  return {
    id: r.proposal_id,
    number: r.number,
    kind: r.kind,
    level: r.level,
    sessionYear: r.session_year,
    period: r.period,
    title: r.title,
    topic: r.topic,
    status: r.status,
    key: r.key,
    major: r.major,
    urgent: r.urgent,
    proposerNames: r.proposer_names,
    unitIds: r.unit_ids,
    activeUnitIds: r.active_unit_ids,
    leadUnitIds: r.lead_unit_ids,
    leaderInCharge: r.leader_in_charge,
    registeredAt: r.registered_at.toISOString(),
    assignedOn: r.assigned_on,
    replyDueAt: r.reply_due_at ? r.reply_due_at.toISOString() : null,
    overdue: r.overdue,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and parameters for the filters (exported for tests). */
export function buildWhere(f: Omit<ProposalListFilters, 'page' | 'pageSize'>): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conds: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.year !== undefined) conds.push(`session_year = ${p(f.year)}`);
  if (f.kind !== undefined) conds.push(`kind = ${p(f.kind)}`);
  if (f.kinds !== undefined) conds.push(`kind = ANY(${p(f.kinds)}::text[])`);
  if (f.level !== undefined) conds.push(`level = ${p(f.level)}`);
  if (f.status !== undefined) conds.push(`status = ${p(f.status)}`);
  if (f.unitId !== undefined) conds.push(`unit_ids @> ARRAY[${p(f.unitId)}::text]`);
  if (f.activeUnitId !== undefined) conds.push(`active_unit_ids @> ARRAY[${p(f.activeUnitId)}::text]`);
  if (f.key !== undefined) conds.push(`key = ${p(f.key)}`);
  if (f.major !== undefined) conds.push(`major = ${p(f.major)}`);
  if (f.urgent !== undefined) conds.push(`urgent = ${p(f.urgent)}`);
  if (f.topic !== undefined && f.topic.trim() !== '') conds.push(`topic ILIKE ${p(`%${escapeLike(f.topic.trim())}%`)}`);
  if (f.proposer !== undefined && f.proposer.trim() !== '') {
    conds.push(`array_to_string(proposer_names, chr(10)) ILIKE ${p(`%${escapeLike(f.proposer.trim())}%`)}`);
  }
  if (f.awaiting !== undefined && isViceMayorAwaiting(f.awaiting)) conds.push(f.viceMayor ? viceMayorAwaitingSql(f.awaiting, f.viceMayor, p) : 'false');
  else if (f.awaiting !== undefined) conds.push(AWAITING_SQL[f.awaiting]);
  if (f.overdue === true) conds.push(OVERDUE);
  if (f.overdue === false) conds.push(`NOT ${OVERDUE}`);
  if (f.proposerUsername !== undefined) conds.push(`proposer_usernames @> ARRAY[${p(f.proposerUsername)}::text]`);
  if (f.q !== undefined && f.q.trim() !== '') {
    const pattern = p(`%${escapeLike(f.q.trim())}%`);
    conds.push(`(title ILIKE ${pattern} OR number ILIKE ${pattern})`);
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

/** One page of the list, newest registration first, with the total count of matching items. */
export async function listProposals(db: Pick<pg.Pool, 'query'>, filters: ProposalListFilters): Promise<Page<ProposalListItem>> {
  const page = Math.max(1, Math.floor(filters.page || 1));
  const pageSize = Math.min(500, Math.max(1, Math.floor(filters.pageSize || 20)));
  const { where, params } = buildWhere(filters);
  const [count, rows] = await Promise.all([
    db.query<{ n: string }>(`SELECT count(*) AS n FROM proposal_list ${where}`, params),
    db.query<Row>(
      `SELECT ${COLUMNS} FROM proposal_list ${where}
        ORDER BY registered_at DESC, proposal_id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    ),
  ]);
  return { items: rows.rows.map(toItem), total: Number(count.rows[0].n), page, pageSize };
}

export async function findProposalSummary(db: Pick<pg.Pool, 'query'>, proposalId: string): Promise<ProposalListItem | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(proposalId)) return undefined;
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM proposal_list WHERE proposal_id = $1`, [proposalId]);
  return rows[0] ? toItem(rows[0]) : undefined;
}

/** The liaison dashboard's figures over every item a list with these filters would hold. */
export interface ProposalFigures {
  total: number;
  byStatus: Record<string, number>;
  /** Art. 19 overdue now. */
  overdue: number;
  /** Still to be answered, the reply deadline's last day within 7 / 30 days from today (Asia/Shanghai). */
  due7: number;
  due30: number;
  /** Per unit the item was ever assigned to: items, items it still handles, items overdue where it answers. */
  units: { unitId: string; assigned: number; active: number; overdue: number }[];
}

/**
 * Counted in the database over the whole scope (a page of items is not the year: counting the
 * first 100 in the browser went wrong as soon as there were more).
 */
export async function proposalFigures(db: Pick<pg.Pool, 'query'>, filters: Omit<ProposalListFilters, 'page' | 'pageSize'>): Promise<ProposalFigures> {
  const { where, params } = buildWhere(filters);
  // The deadline's last day: a deadline ends at 24:00 Asia/Shanghai, the instant that starts the next day.
  const daysLeft = `(((reply_due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date - (now() AT TIME ZONE 'Asia/Shanghai')::date)`;
  const scoped = `SELECT status, unit_ids, active_unit_ids, lead_unit_ids, reply_due_at, ${OVERDUE} AS overdue FROM proposal_list ${where}`;
  const [totals, units] = await Promise.all([
    db.query<{ total: string; by_status: Record<string, string> | null; overdue: string; due7: string; due30: string }>(
      `WITH scoped AS (${scoped})
       SELECT count(*) AS total,
              (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM scoped GROUP BY status) s) AS by_status,
              count(*) FILTER (WHERE overdue) AS overdue,
              count(*) FILTER (WHERE status = 'assigned' AND reply_due_at IS NOT NULL AND ${daysLeft} BETWEEN 0 AND 7) AS due7,
              count(*) FILTER (WHERE status = 'assigned' AND reply_due_at IS NOT NULL AND ${daysLeft} BETWEEN 0 AND 30) AS due30
         FROM scoped`,
      params,
    ),
    db.query<{ unit_id: string; assigned: string; active: string; overdue: string }>(
      `WITH scoped AS (${scoped})
       SELECT u AS unit_id, count(*) AS assigned,
              count(*) FILTER (WHERE u = ANY(active_unit_ids) AND status = 'assigned') AS active,
              count(*) FILTER (WHERE overdue AND u = ANY(lead_unit_ids)) AS overdue
         FROM scoped, unnest(unit_ids) AS u
        GROUP BY u ORDER BY count(*) DESC, u`,
      params,
    ),
  ]);
  const t = totals.rows[0];
  return {
    total: Number(t.total),
    byStatus: Object.fromEntries(Object.entries(t.by_status ?? {}).map(([k, v]) => [k, Number(v)])),
    overdue: Number(t.overdue),
    due7: Number(t.due7),
    due30: Number(t.due30),
    units: units.rows.map((r) => ({ unitId: r.unit_id, assigned: Number(r.assigned), active: Number(r.active), overdue: Number(r.overdue) })),
  };
}
