/**
 * 总结工作 (Art. 12): which items each unit handles in each year (`unit_year_items`), kept by the
 * worker's follower of the event store, so that it knows when a unit's last item of a year is
 * done; and the unit-year obligations as they stand, read from their own streams
 * (`unit-summary-<unitId>-<year>`, folded by the pure decider's evolve).
 */
import type pg from 'pg';
import type { Migration } from '@jyta/db';
import type { StoredEvent } from '@jyta/event-store';
import {
  evolveUnitSummary,
  initialUnitSummaryState,
  unitSummaryOfStream,
  UNIT_SUMMARY_MIN_ITEMS,
  type DecidedUnitSummaryEvent,
  type UnitSummaryState,
} from '@jyta/proposal-domain';
import { proposalIdOf } from './projection';

export const unitSummaryMigrations: Migration[] = [
  {
    id: '0800_unit_year_items',
    sql: `
      CREATE TABLE IF NOT EXISTS unit_year_item_years (
        proposal_id uuid PRIMARY KEY,
        year        int  NOT NULL
      );
      CREATE TABLE IF NOT EXISTS unit_year_items (
        unit_code   text        NOT NULL,
        year        int         NOT NULL,
        proposal_id uuid        NOT NULL,
        done_at     timestamptz NULL,
        PRIMARY KEY (unit_code, year, proposal_id)
      );
    `,
  },
];

/** A unit-year whose items are all done, with 2 or more of them: it owes a summary (Art. 12). */
export interface UnitYearDone {
  unitId: string;
  year: number;
  items: number;
  lastDoneAt: string;
}

type Data = Record<string, unknown> | null;
const unitsOf = (e: StoredEvent): string[] => {
  const d = e.data as Data;
  if (e.type === 'ProposalAssigned' && Array.isArray(d?.units)) return d.units.map((u: { unitId?: unknown }) => u?.unitId).filter((u): u is string => typeof u === 'string');
  if (e.type === 'PartReassigned') {
    const u = (d?.unit as { unitId?: unknown } | undefined)?.unitId;
    return typeof u === 'string' ? [u] : [];
  }
  return [];
};

/**
 * Folds a batch of item events into `unit_year_items` (inside the follower's transaction) and
 * answers the unit-years an archive in this batch may have completed, as they stand after it.
 * A unit that returned an item (approved) did not handle it; the year is the item's session year.
 */
export async function foldUnitYearItems(events: StoredEvent[], client: pg.PoolClient): Promise<UnitYearDone[]> {
  const touched = new Set<string>();
  for (const e of events) {
    const proposalId = proposalIdOf(e.streamId);
    if (!proposalId) continue;
    const d = e.data as Data;
    if (e.type === 'ProposalRegistered' && typeof d?.sessionYear === 'number') {
      await client.query('INSERT INTO unit_year_item_years (proposal_id, year) VALUES ($1, $2) ON CONFLICT (proposal_id) DO NOTHING', [proposalId, d.sessionYear]);
    }
    const units = unitsOf(e);
    if (units.length) {
      await client.query(
        `INSERT INTO unit_year_items (unit_code, year, proposal_id)
         SELECT u, y.year, $1 FROM unnest($2::text[]) u, unit_year_item_years y WHERE y.proposal_id = $1
         ON CONFLICT DO NOTHING`,
        [proposalId, units],
      );
    }
    if (e.type === 'ReturnApproved' && typeof d?.unitId === 'string') {
      await client.query('DELETE FROM unit_year_items WHERE proposal_id = $1 AND unit_code = $2', [proposalId, d.unitId]);
    }
    if (e.type === 'ProposalArchived') {
      const { rows } = await client.query<{ unit_code: string; year: number }>(
        'UPDATE unit_year_items SET done_at = $2 WHERE proposal_id = $1 AND done_at IS NULL RETURNING unit_code, year',
        [proposalId, e.metadata.occurredAt],
      );
      for (const r of rows) touched.add(JSON.stringify([r.unit_code, r.year]));
    }
  }
  const done: UnitYearDone[] = [];
  for (const key of touched) {
    const [unitId, year] = JSON.parse(key) as [string, number];
    const { rows } = await client.query<{ items: number; open: number; last: Date | null }>(
      `SELECT count(*)::int AS items, count(*) FILTER (WHERE done_at IS NULL)::int AS open, max(done_at) AS last
         FROM unit_year_items WHERE unit_code = $1 AND year = $2`,
      [unitId, year],
    );
    const r = rows[0];
    if (r && r.items >= UNIT_SUMMARY_MIN_ITEMS && r.open === 0 && r.last) done.push({ unitId, year, items: r.items, lastDoneAt: r.last.toISOString() });
  }
  return done;
}

/** A unit-year's obligation as it stands, from its own stream. */
export interface UnitSummaryView extends UnitSummaryState {
  unitId: string;
  year: number;
  overdue: boolean;
}

/** The unit-year obligations of `year` (and of `unitId` when given), folded from their streams. */
export async function listUnitSummaries(pool: pg.Pool, filters: { year?: number; unitId?: string; now?: number }): Promise<UnitSummaryView[]> {
  const { rows } = await pool.query<{ stream_id: string; type: string; data: unknown; occurred_at: Date }>(
    `SELECT stream_id, type, data, occurred_at FROM events WHERE stream_id LIKE 'unit-summary-%' ORDER BY stream_id, version`,
  );
  const states = new Map<string, UnitSummaryState>();
  for (const r of rows) {
    const key = unitSummaryOfStream(r.stream_id);
    if (!key || (filters.year !== undefined && key.year !== filters.year) || (filters.unitId !== undefined && key.unitId !== filters.unitId)) continue;
    const event = { type: r.type, data: r.data, occurredAt: r.occurred_at.toISOString() } as DecidedUnitSummaryEvent;
    states.set(r.stream_id, evolveUnitSummary(states.get(r.stream_id) ?? initialUnitSummaryState(), event));
  }
  const now = filters.now ?? Date.now();
  return [...states.entries()]
    .map(([streamId, s]) => {
      const { unitId, year } = unitSummaryOfStream(streamId)!;
      return { ...s, unitId, year, overdue: s.status === 'owed' && !!s.dueAt && Date.parse(s.dueAt) <= now };
    })
    .sort((a, b) => a.year - b.year || a.unitId.localeCompare(b.unitId));
}
