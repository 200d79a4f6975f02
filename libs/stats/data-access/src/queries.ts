import type pg from 'pg';
import { KPI_NAMES, NUMERATOR, type CaseOutcomes, type CaseRecord, type KpiName, type LevelCount, type OutcomeFilter, type OutcomeGroup } from '@jyta/stats-domain';

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
/**
 * Each figure's outcome of a case version at the instant `at` (a SQL parameter): the
 * outcomesFromColumns() of @jyta/stats-domain in SQL. The projection's integration test checks
 * that the figures counted with these give what a replay of the events gives, at every moment.
 */
const outcomeSql = (at: string): Record<KpiName, string> => ({
  on_time: `CASE WHEN NOT handled THEN NULL
                 WHEN late_settled OR (open_due_at IS NOT NULL AND ${at} > open_due_at) THEN 'late'
                 WHEN on_time_settled THEN 'on_time' ELSE 'pending' END`,
  face_to_face: `CASE WHEN NOT handled THEN NULL WHEN NOT replied THEN 'pending' WHEN face_to_face THEN 'face_to_face' ELSE 'other' END`,
  key_satisfaction: `CASE WHEN key_or_rec THEN coalesce(feedback, 'pending') END`,
  satisfaction: `coalesce(feedback, 'pending')`,
  solved: `CASE WHEN replied AND category IS NOT NULL THEN category ELSE 'pending' END`,
});

/** The versions of `sel` valid at `sel.at` (asOf) or the current ones, with `at` as the last parameter. */
function selection(sel: CaseSelection & { at: string }, asOf: boolean) {
  const { where, params } = whereOf(asOf ? sel : { ...sel, at: undefined });
  params.push(sel.at);
  return { where, params, at: `$${params.length}::timestamptz` };
}

/**
 * The cases counted by their outcomes at `at`, grouped by unit, kind and vice mayor in charge:
 * the figures of a year in one grouped query (kpiReportFromGroups makes the report). `asOf`:
 * the versions valid at `at`; otherwise the current versions, judged at `at`. The figures of
 * now are read from the counters instead (countCurrent); this gives the same from the versions.
 */
export async function countCases(db: pg.Pool | pg.ClientBase, sel: CaseSelection & { at: string }, asOf: boolean): Promise<OutcomeGroup[]> {
  const { where, params, at } = selection(sel, asOf);
  const o = outcomeSql(at);
  const { rows } = await db.query<{ unit_id: string; kind: string; leader_in_charge: string | null; n: number; open_promises: number } & CaseOutcomes>(
    `SELECT unit_id, kind, leader_in_charge, ${KPI_NAMES.map((k) => `${o[k]} AS ${k}`).join(', ')}, count(*)::int AS n, sum(open_promises)::int AS open_promises
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
    openPromises: r.open_promises,
  }));
}

/**
 * Now: the counters the projection keeps of the current versions (stats_counters), per figure
 * and outcome; an on-time outcome whose open round's deadline is past `at` counts as late (the
 * one part of the figures that moves with the clock alone). kpiReportFromLevels makes the report.
 */
export async function countCurrent(db: pg.Pool | pg.ClientBase, sel: CaseSelection & { at: string }): Promise<LevelCount[]> {
  const { where, params } = whereOf({ ...sel, at: undefined }, true);
  params.push(sel.at);
  // Summed per grouping in SQL (a few hundred rows leave the server, not one per counter row); the
  // chamber is chamberOf() of @jyta/stats-domain: 人大 = npc_suggestion, the rest 政协.
  const { rows } = await db.query<{ level: LevelCount['level']; key: string | null; kpi: LevelCount['kpi']; outcome: LevelCount['outcome']; n: number }>(
    `WITH c AS (
       SELECT unit_id, leader_in_charge, CASE WHEN kind = 'npc_suggestion' THEN 'npc' ELSE 'cppcc' END AS chamber, kpi,
              CASE WHEN open_due_at IS NOT NULL AND $${params.length}::timestamptz > open_due_at THEN 'late' ELSE outcome END AS outcome, n
         FROM stats_counters WHERE ${where}
     )
     SELECT CASE WHEN GROUPING(chamber) = 0 THEN 'chamber' WHEN GROUPING(unit_id) = 0 THEN 'unit' WHEN GROUPING(leader_in_charge) = 0 THEN 'portfolio' ELSE 'all' END AS level,
            coalesce(chamber, unit_id, leader_in_charge) AS key, kpi, outcome, sum(n)::int AS n
       FROM c
      GROUP BY GROUPING SETS ((kpi, outcome), (chamber, kpi, outcome), (unit_id, kpi, outcome), (leader_in_charge, kpi, outcome))
     HAVING sum(n) <> 0`,
    params,
  );
  return rows;
}

/**
 * A page of the cases behind a figure (by item number, then unit): those whose outcome is
 * `outcome` (one value), in the numerator, the denominator (every outcome but pending), or all
 * the figure concerns. Filtered, counted and paged in SQL; only the page's cases are read.
 */
export async function drillDownCases(
  db: pg.Pool | pg.ClientBase,
  sel: CaseSelection & { at: string },
  asOf: boolean,
  q: { kpi: KpiName; outcome?: OutcomeFilter; page: number; pageSize: number },
): Promise<{ total: number; records: CaseRecord[] }> {
  const { where, params, at } = selection(sel, asOf);
  const expr = outcomeSql(at)[q.kpi];
  // only the on-time figure depends on the moment: otherwise `at` goes unused (and untyped), so drop it
  if (!expr.includes(at)) params.pop();
  let match = `(${expr}) IS NOT NULL`;
  if (q.outcome === 'numerator') {
    params.push(NUMERATOR[q.kpi]);
    match = `(${expr}) = ANY($${params.length}::text[])`;
  } else if (q.outcome === 'denominator') {
    match = `(${expr}) <> 'pending'`;
  } else if (q.outcome) {
    params.push(q.outcome);
    match = `(${expr}) = $${params.length}`;
  }
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const { rows } = await db.query<{ record: CaseRecord; total: number }>(
    `SELECT record, count(*) OVER ()::int AS total
       FROM stats_cases WHERE ${where} AND ${match}
      ORDER BY record->>'number' COLLATE "C", unit_id COLLATE "C"
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  if (rows.length === 0 && q.page > 1) {
    // past the last page: the total still answers
    const { rows: c } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stats_cases WHERE ${where} AND ${match}`, params.slice(0, -2));
    return { total: c[0].n, records: [] };
  }
  return { total: rows[0]?.total ?? 0, records: rows.map((r) => r.record) };
}

/** The WHERE of `sel` over stats_cases, or over stats_counters (`counters`: current by construction, no validity columns). */
function whereOf(sel: CaseSelection, counters = false): { where: string; params: unknown[] } {
  const where = ['session_year = $1'];
  const params: unknown[] = [sel.year];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (sel.at) {
    add('valid_from < ?', sel.at);
    add('(valid_to IS NULL OR valid_to >= ?)', sel.at);
  } else if (!counters) {
    where.push('valid_to IS NULL');
  }
  if (sel.kinds) add('kind = ANY(?)', sel.kinds);
  if (sel.unitId) add('unit_id = ?', sel.unitId);
  if (sel.leaderInCharge) add('leader_in_charge = ?', sel.leaderInCharge);
  return { where: where.join(' AND '), params };
}
