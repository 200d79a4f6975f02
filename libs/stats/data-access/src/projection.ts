import type pg from 'pg';
import { formatPosition, type Projection, type StoredEvent } from '@jyta/event-store';
import { proposalIdOf } from '@jyta/proposal-read-models';
import { caseColumns, casesOf, emptyFacts, foldFact, KPI_NAMES, outcomesFromColumns, type CaseRecord, type ItemFacts, type KpiName } from '@jyta/stats-domain';

interface Version {
  record: CaseRecord;
  validFrom: string;
  fromPosition: string;
  validTo: string | null;
}

const keyOf = (r: CaseRecord) => r.case.unitId;

/** The columns of a case that its grouping and outcomes depend on, as stats_cases holds them. */
function columnsRow(r: CaseRecord) {
  const k = caseColumns(r);
  return {
    session_year: r.sessionYear,
    unit_id: r.case.unitId,
    kind: r.kind,
    leader_in_charge: r.leaderInCharge,
    handled: k.handled,
    late_settled: k.lateSettled,
    on_time_settled: k.onTimeSettled,
    open_due_at: k.openDueAt,
    replied: k.replied,
    face_to_face: k.faceToFace,
    key_or_rec: k.keyOrRecommendation,
    feedback: k.feedback,
    category: k.category,
    open_promises: k.openPromises,
  };
}
/** Before any deadline: the outcomes a case has without the clock (deadlines are after 1970). */
const BEFORE_ANY_DEADLINE = new Date(0).toISOString();

/**
 * The rows of stats_counters a case counts in: per figure it concerns, its outcome without the
 * clock, and for on_time the deadline of its open round — past it, the read counts the case late
 * (outcomesFromColumns: late when settled late or the moment is past the open deadline).
 */
function counterRows(r: CaseRecord): { row: CounterRow; n: number }[] {
  const k = caseColumns(r);
  const o = outcomesFromColumns(k, BEFORE_ANY_DEADLINE);
  const group = { session_year: r.sessionYear, unit_id: r.case.unitId, kind: r.kind, leader_in_charge: r.leaderInCharge };
  const rows = KPI_NAMES.flatMap((kpi): { row: CounterRow; n: number }[] => {
    const outcome = o[kpi];
    if (outcome === null) return [];
    return [{ row: { ...group, kpi, outcome, open_due_at: kpi === 'on_time' && outcome !== 'late' ? k.openDueAt : null }, n: 1 }];
  });
  // the informational figure: how many promises, not how many cases
  if (k.openPromises > 0) rows.push({ row: { ...group, kpi: 'open_promises', outcome: 'open', open_due_at: null }, n: k.openPromises });
  return rows;
}
interface CounterRow {
  session_year: number;
  unit_id: string;
  kind: string;
  leader_in_charge: string | null;
  kpi: KpiName | 'open_promises';
  outcome: string;
  open_due_at: string | null;
}

/** The changes to stats_counters of a batch: per row, how many current cases more (or fewer). */
class CounterDeltas {
  private readonly rows = new Map<string, { row: CounterRow; n: number }>();
  add(records: readonly CaseRecord[], sign: 1 | -1): void {
    for (const r of records) {
      for (const { row, n } of counterRows(r)) {
        const key = JSON.stringify(row);
        const was = this.rows.get(key);
        if (was) was.n += sign * n;
        else this.rows.set(key, { row, n: sign * n });
      }
    }
  }
  /**
   * Upserts the non-zero changes (in key order, so that two writers never wait on each other
   * crosswise), folds the rows whose open deadline has passed into 'late', and drops rows counted
   * down to 0.
   */
  async write(client: pg.PoolClient): Promise<void> {
    const changes = [...this.rows.entries()].filter(([, x]) => x.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changes.length === 0) return;
    await client.query(
      `INSERT INTO stats_counters (session_year, unit_id, kind, leader_in_charge, kpi, outcome, open_due_at, n)
       SELECT x.session_year, x.unit_id, x.kind, x.leader_in_charge, x.kpi, x.outcome, x.open_due_at, x.n
         FROM jsonb_to_recordset($1::jsonb)
           AS x(session_year int, unit_id text, kind text, leader_in_charge text, kpi text, outcome text, open_due_at timestamptz, n int)
       ON CONFLICT ON CONSTRAINT stats_counters_key DO UPDATE SET n = stats_counters.n + EXCLUDED.n`,
      [JSON.stringify(changes.map(([, x]) => ({ ...x.row, n: x.n })))],
    );
    // A row whose open deadline has passed counts as late in every "now" read from then on (the
    // clock only moves forward), so it is folded into the 'late' row once and for all: most
    // deadlines of a year pass, and the rows per deadline day would otherwise stay. A later change
    // of such a case subtracts from its old (outcome, deadline) row — created at -n, read as late
    // too, and folded again by the next batch —, so the sums stay exact. One day of margin keeps
    // the fold behind any reader's clock.
    const folded = await client.query(
      `WITH moved AS (
         DELETE FROM stats_counters WHERE open_due_at < now() - interval '1 day'
         RETURNING session_year, unit_id, kind, leader_in_charge, kpi, n
       )
       INSERT INTO stats_counters (session_year, unit_id, kind, leader_in_charge, kpi, outcome, open_due_at, n)
       SELECT session_year, unit_id, kind, leader_in_charge, kpi, 'late', NULL, sum(n)::int FROM moved GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT ON CONSTRAINT stats_counters_key DO UPDATE SET n = stats_counters.n + EXCLUDED.n`,
    );
    if (folded.rowCount || changes.some(([, x]) => x.n < 0)) await client.query('DELETE FROM stats_counters WHERE n = 0');
  }
}

/**
 * Keeps `stats_cases` in step with the item streams. Per stream in the batch the stored facts are
 * loaded once and the new events folded in one by one; after each event the item's cases are
 * compared with the ones in force, and each case that changed gets a new version from that
 * event's recorded time (the one it replaces ends there). Versions made and replaced within one
 * recorded instant are never visible, so they are not written. Events at or below the stored
 * version are skipped: replaying a batch changes nothing.
 */
export const statsProjection: Projection = {
  name: 'stats_cases',

  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of events) {
      const id = proposalIdOf(e.streamId);
      if (!id) continue;
      const list = byStream.get(id);
      if (list) list.push(e);
      else byStream.set(id, [e]);
    }
    const counters = new CounterDeltas();
    for (const [proposalId, streamEvents] of byStream) {
      const { rows } = await client.query<{ facts: ItemFacts; version: number }>(
        'SELECT facts, version FROM stats_items WHERE proposal_id = $1 FOR UPDATE',
        [proposalId],
      );
      let facts = rows[0]?.facts ?? emptyFacts(proposalId);
      let version = rows[0]?.version ?? 0;
      const before = casesOf(facts);
      // The versions in force (from the table, then as this batch changes them) and the new ones.
      const current = new Map<string, { json: string; fresh?: Version }>();
      for (const r of casesOf(facts)) current.set(keyOf(r), { json: JSON.stringify(r) });
      const closeInDb = new Map<string, string>();
      const fresh: Version[] = [];
      let changed = false;
      for (const e of streamEvents.sort((a, b) => a.version - b.version)) {
        if (e.version <= version) continue;
        facts = foldFact(facts, { type: e.type, data: e.data, occurredAt: e.metadata.occurredAt, recordedAt: e.recordedAt });
        version = e.version;
        changed = true;
        const next = new Map(casesOf(facts).map((r) => [keyOf(r), r] as const));
        const end = (key: string) => {
          const was = current.get(key);
          if (!was) return;
          if (was.fresh) was.fresh.validTo = e.recordedAt;
          else closeInDb.set(key, e.recordedAt);
          current.delete(key);
        };
        for (const key of [...current.keys()]) if (!next.has(key)) end(key);
        for (const [key, record] of next) {
          const json = JSON.stringify(record);
          if (current.get(key)?.json === json) continue;
          end(key);
          const v: Version = { record, validFrom: e.recordedAt, fromPosition: formatPosition(e.position), validTo: null };
          fresh.push(v);
          current.set(key, { json, fresh: v });
        }
      }
      if (!changed) continue;
      // The counters follow the current versions: the item's cases before the batch out, after it in.
      counters.add(before, -1);
      counters.add(casesOf(facts), 1);
      await client.query(
        `INSERT INTO stats_items (proposal_id, version, facts) VALUES ($1, $2, $3)
         ON CONFLICT (proposal_id) DO UPDATE SET version = EXCLUDED.version, facts = EXCLUDED.facts`,
        [proposalId, version, JSON.stringify(facts)],
      );
      for (const [unitId, at] of closeInDb) {
        await client.query('UPDATE stats_cases SET valid_to = $3 WHERE proposal_id = $1 AND unit_id = $2 AND valid_to IS NULL', [proposalId, unitId, at]);
      }
      const visible = fresh.filter((v) => v.validTo === null || Date.parse(v.validTo) > Date.parse(v.validFrom));
      if (visible.length === 0) continue;
      await client.query(
        `INSERT INTO stats_cases (proposal_id, unit_id, session_year, kind, leader_in_charge, record, valid_from, from_position, valid_to,
                                  handled, late_settled, on_time_settled, open_due_at, replied, face_to_face, key_or_rec, feedback, category, open_promises)
         SELECT $1, x.unit_id, x.session_year, x.kind, x.leader_in_charge, x.record, x.valid_from, x.from_position, x.valid_to,
                x.handled, x.late_settled, x.on_time_settled, x.open_due_at, x.replied, x.face_to_face, x.key_or_rec, x.feedback, x.category, x.open_promises
           FROM jsonb_to_recordset($2::jsonb) AS x(unit_id text, session_year int, kind text, leader_in_charge text, record jsonb,
                                                   valid_from timestamptz, from_position text, valid_to timestamptz,
                                                   handled boolean, late_settled boolean, on_time_settled boolean, open_due_at timestamptz,
                                                   replied boolean, face_to_face boolean, key_or_rec boolean, feedback text, category text, open_promises int)`,
        [
          proposalId,
          JSON.stringify(
            visible.map((v) => ({
              ...columnsRow(v.record),
              record: v.record,
              valid_from: v.validFrom,
              from_position: v.fromPosition,
              valid_to: v.validTo,
            })),
          ),
        ],
      );
    }
    await counters.write(client);
  },

  async reset(client: pg.PoolClient): Promise<void> {
    await client.query('TRUNCATE stats_items, stats_cases, stats_counters');
  },
};
