import type pg from 'pg';
import type { CaseRecord } from '@jyta/stats-domain';

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
  const { rows } = await db.query<{ record: CaseRecord }>(`SELECT record FROM stats_cases WHERE ${where.join(' AND ')}`, params);
  return rows.map((r) => r.record);
}
