import type pg from 'pg';
import type { CaseRecord, CaseOutcomes, OutcomeGroup } from '@jyta/stats-domain';

/** Which cases: a year, and what the reader may see or asked for. */
export interface CaseSelection {
  year: number;
  /** The store time the figures stand at (ISO instant); absent: now (the versions in force). */
  at?: string;
  /** Item kinds (a chamber). */
  kinds?: readonly string[];
  unitId?: string;
  /** A vice mayor's portfolio: the assignment's leaderInCharge. */
  leaderInCharge?: string;
}

/**
 * The cases as they stood at `sel.at` (each case's version recorded before it and not yet
 * replaced by then), or now. The figures are then counted by @jyta/stats-domain, the one place
 * the rules live.
 */
export async function selectCases(db: pg.Pool | pg.ClientBase, sel: CaseSelection): Promise<CaseRecord[]> {
  const { where, params } = whereOf(sel);
  const { rows } = await db.query<{ record: CaseRecord }>(`SELECT record FROM stats_cases WHERE ${where}`, params);
  return rows.map((r) => r.record);
}

/**
 * The cases counted by their outcomes at `at` (default now), grouped by unit, kind and vice mayor
 * in charge: the figures of a year in one grouped query (kpiReportFromGroups makes the report).
 * The CASE expressions are outcomesFromColumns() of @jyta/stats-domain in SQL; the projection's
 * integration test checks that both give the figures a replay gives, at every moment.
 */
export async function countCases(db: pg.Pool | pg.ClientBase, sel: CaseSelection & { at: string }, asOf: boolean): Promise<OutcomeGroup[]> {
  const { where, params } = whereOf(asOf ? sel : { ...sel, at: undefined });
  params.push(sel.at);
  const at = `$${params.length}::timestamptz`;
  const { rows } = await db.query<{
    unit_id: string;
    kind: string;
    leader_in_charge: string | null;
    on_time: CaseOutcomes['on_time'];
    face_to_face: CaseOutcomes['face_to_face'];
    key_satisfaction: CaseOutcomes['key_satisfaction'];
    satisfaction: CaseOutcomes['satisfaction'];
    solved: CaseOutcomes['solved'];
    n: number;
  }>(
    `SELECT unit_id, kind, leader_in_charge,
            CASE WHEN NOT handled THEN NULL
                 WHEN late_settled OR (open_due_at IS NOT NULL AND ${at} > open_due_at) THEN 'late'
                 WHEN on_time_settled THEN 'on_time' ELSE 'pending' END AS on_time,
            CASE WHEN NOT handled THEN NULL WHEN NOT replied THEN 'pending'
                 WHEN face_to_face THEN 'face_to_face' ELSE 'other' END AS face_to_face,
            CASE WHEN key_or_rec THEN coalesce(feedback, 'pending') END AS key_satisfaction,
            coalesce(feedback, 'pending') AS satisfaction,
            CASE WHEN replied AND category IS NOT NULL THEN category ELSE 'pending' END AS solved,
            count(*)::int AS n
       FROM stats_cases WHERE ${where}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    params,
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    kind: r.kind,
    leaderInCharge: r.leader_in_charge,
    outcomes: { on_time: r.on_time, face_to_face: r.face_to_face, key_satisfaction: r.key_satisfaction, satisfaction: r.satisfaction, solved: r.solved },
    n: r.n,
  }));
}

function whereOf(sel: CaseSelection): { where: string; params: unknown[] } {
  const where = ['session_year = $1'];
  const params: unknown[] = [sel.year];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (sel.at) {
    add('valid_from < ?', sel.at);
    add('(valid_to IS NULL OR valid_to >= ?)', sel.at);
  } else {
    where.push('valid_to IS NULL');
  }
  if (sel.kinds) add('kind = ANY(?)', sel.kinds);
  if (sel.unitId) add('unit_id = ?', sel.unitId);
  if (sel.leaderInCharge) add('leader_in_charge = ?', sel.leaderInCharge);
  return { where: where.join(' AND '), params };
}
