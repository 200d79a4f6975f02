/**
 * The Art. 16 figures at scale: 100,000 generated items (about 600,000 events, with recorded times
 * spread over a year) fed through the real `stats_cases` projection (and its `stats_counters`)
 * into a fresh database, then a year's figures for all units, now and as of a past day, timed
 * while a writer keeps feeding new items through the same projection (the write load).
 *
 *   npm run bench -- --kpis [--items N]          (tools/bench/src/kpis.ts: writes docs/benchmarks.md)
 *   DATABASE_URL=postgres://… node -r @swc-node/register libs/stats/data-access/bench/kpis.bench.ts [items]
 *
 * The events go straight to the projection (not through the commands and workflows): what is
 * measured is the read side.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type pg from 'pg';
import { createPool, runMigrations, withTransaction } from '@jyta/db';
import { createFreshDatabase } from '@jyta/db/src/testing';
import type { StoredEvent } from '@jyta/event-store';
import { endOfShanghaiDay, kpiReportFromGroups, kpiReportFromLevels } from '@jyta/stats-domain';
import { statsMigrations } from '../src/migrations';
import { statsProjection } from '../src/projection';
import { countCases, countCurrent, drillDownCases } from '../src/queries';

const UNITS = ['rsj', 'jyj', 'wjw', 'jtj', 'cjj', 'sthjj', 'zfbzj', 'czj', 'mzj', 'fgw', 'cl', 'zygh'];
const LEADERS = ['vice-mayor-1', 'vice-mayor-2', 'vice-mayor-3', 'vice-mayor-4'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T02:00:00Z');

// a small deterministic generator (mulberry32), so runs are comparable
let seed = 20260101;
const rnd = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

let seq = 0;
function history(i: number): StoredEvent[] {
  const id = randomUUID();
  const events: { type: string; data: object; at: number }[] = [];
  const kind = rnd() < 0.55 ? 'npc_suggestion' : rnd() < 0.95 ? 'cppcc_proposal' : 'cppcc_recommendation';
  const unitId = pick(UNITS);
  const assigned = T0 + Math.floor(rnd() * 120) * DAY;
  // a deadline is the end of its last day (24:00 Asia/Shanghai), as the calendar computes it
  const due = endOfShanghaiDay(new Date(assigned + 91 * DAY).toISOString().slice(0, 10))!;
  events.push({ type: 'ProposalRegistered', data: { number: `2026-${kind === 'npc_suggestion' ? '建议' : '提案'}-${String(i).padStart(6, '0')}`, title: `第${i}件`, kind, level: 'municipal', sessionYear: 2026, key: rnd() < 0.05 }, at: assigned - DAY });
  events.push({ type: 'ProposalAssigned', data: { mode: 'single', assignedOn: new Date(assigned).toISOString().slice(0, 10), leaderInCharge: pick(LEADERS), units: [{ unitId, role: 'lead', replyDue: { dueAt: due } }] }, at: assigned });
  if (rnd() < 0.9) events.push({ type: 'ContactRecorded', data: { unitId, method: rnd() < 0.8 ? 'face_to_face' : 'phone' }, at: assigned + 10 * DAY });
  let t = assigned + Math.floor(20 + rnd() * 85) * DAY;
  for (let round = 1; round <= 2 && rnd() < 0.92; round++) {
    const replyId = `${id}-r${round}`;
    events.push({ type: 'ReplyDrafted', data: { replyId, unitId, round, category: rnd() < 0.6 ? 'A' : pick(['B', 'C', 'D']) }, at: t - 3 * DAY });
    events.push({ type: 'ReplySent', data: { replyId, unitId }, at: t });
    const f = rnd();
    t += Math.floor(5 + rnd() * 25) * DAY;
    if (f < 0.04) {
      events.push({ type: 'FeedbackMissing', data: { replyId, unitId }, at: t });
      break;
    }
    const result = f < 0.75 ? 'satisfied' : f < 0.95 ? 'basically_satisfied' : 'dissatisfied';
    const sendBack = result === 'dissatisfied' && round === 1;
    events.push({ type: 'FeedbackReceived', data: { replyId, unitId, result, attitude: 'satisfied', sendBack }, at: t });
    if (!sendBack) break;
    t += Math.floor(10 + rnd() * 30) * DAY;
  }
  return events.map((e, v) => {
    const at = new Date(e.at).toISOString();
    seq++;
    return {
      eventId: randomUUID(),
      streamId: `proposal-${id}`,
      version: v + 1,
      position: { transactionId: String(1000 + seq), sequence: String(seq) },
      type: e.type,
      data: e.data,
      metadata: { actor: null, occurredAt: at, correlationId: 'bench' },
      recordedAt: at,
    };
  });
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]);
  return { p50: q(0.5), p95: q(0.95), runs };
}

export const formatTiming = (t: Timing) => `p50 ${t.p50} ms, p95 ${t.p95} ms (${t.runs} runs)`;

/**
 * The write load: new items fed through the projection in transactions of 20 items (about 116
 * events) one after the other, on their own connections, for as long as the timings run.
 */
function startWriter(pool: pg.Pool, firstItem: number) {
  let stop = false;
  let items = 0;
  let events = 0;
  const started = Date.now();
  const done = (async () => {
    while (!stop) {
      const batch = Array.from({ length: 20 }, (_, k) => history(firstItem + items + k)).flat();
      await withTransaction(pool, (c) => statsProjection.handle(batch, c));
      items += 20;
      events += batch.length;
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
      const s = (Date.now() - started) / 1000;
      return { items, events, seconds: s, eventsPerSecond: events / s };
    },
  };
}

export interface KpisBenchResult {
  items: number;
  events: number;
  feedSeconds: number;
  caseVersions: number;
  currentCases: number;
  counterRows: number;
  overall: string;
  yearNow: Timing;
  yearAsOf: Timing;
  unitNow: Timing;
  drillLate: Timing;
  drillAsOf: Timing;
  writer: { items: number; events: number; seconds: number; eventsPerSecond: number };
  loadBefore: number[];
  loadAfter: number[];
  cores: number;
}

/** Generates and feeds `items` items into a fresh database on `baseUrl`'s server, then times the reads under the write load. */
export async function runKpisBench(items: number, log: (s: string) => void = (s) => console.log(s), baseUrl?: string): Promise<KpisBenchResult> {
  const db = await createFreshDatabase(baseUrl, { prefix: 'stats_bench' });
  const pool = createPool(db.url, 6);
  // an idle connection the server ends (a restart) is reported by the query that needs it, not as a crash
  pool.on('error', (e) => log(`connection lost: ${e.message}`));
  try {
    await runMigrations(pool, statsMigrations);
    const started = Date.now();
    let events = 0;
    for (let i = 0; i < items; i += 500) {
      const batch = Array.from({ length: Math.min(500, items - i) }, (_, k) => history(i + k)).flat();
      events += batch.length;
      await withTransaction(pool, (c) => statsProjection.handle(batch, c));
      if ((i / 500) % 20 === 0) log(`${i + 500} items fed…`);
    }
    // as autovacuum would have by then: statistics, and the visibility map index-only scans need
    await pool.query('VACUUM ANALYZE stats_cases');
    await pool.query('VACUUM ANALYZE stats_counters');
    const feedSeconds = (Date.now() - started) / 1000;
    const { rows } = await pool.query<{ n: number; current: number; counters: number }>(
      'SELECT count(*)::int AS n, (count(*) FILTER (WHERE valid_to IS NULL))::int AS current, (SELECT count(*)::int FROM stats_counters) AS counters FROM stats_cases',
    );
    log(`${items} items, ${events} events fed in ${feedSeconds.toFixed(0)} s; ${rows[0].n} case versions, ${rows[0].current} current, ${rows[0].counters} counter rows`);

    const past = endOfShanghaiDay('2026-06-30')!;
    // as StatsService.kpis reads them: now from the counters, as of a day from the versions
    const year = async (at?: string) => {
      if (at) return kpiReportFromGroups(await countCases(pool, { year: 2026, at }, true), { year: 2026, at });
      const now = new Date().toISOString();
      return kpiReportFromLevels(await countCurrent(pool, { year: 2026, at: now }), { year: 2026, at: now });
    };
    const r = await year();
    const overall = `on time ${r.overall.on_time.numerator}/${r.overall.on_time.denominator}, satisfaction ${r.overall.satisfaction.numerator}/${r.overall.satisfaction.denominator}, solved ${r.overall.solved.numerator}/${r.overall.solved.denominator}`;
    log(`overall now: ${overall}`);

    const loadBefore = loadavg();
    const writer = startWriter(pool, items);
    try {
      const yearNow = await timed(50, () => year());
      const unitNow = await timed(50, async () => {
        const now = new Date().toISOString();
        return kpiReportFromLevels(await countCurrent(pool, { year: 2026, unitId: 'rsj', at: now }), { year: 2026, at: now });
      });
      const yearAsOf = await timed(10, () => year(past));
      const drillLate = await timed(10, () => drillDownCases(pool, { year: 2026, at: new Date().toISOString() }, false, { kpi: 'on_time', outcome: 'late', page: 1, pageSize: 20 }));
      const drillAsOf = await timed(10, () => drillDownCases(pool, { year: 2026, at: past }, true, { kpi: 'satisfaction', outcome: 'dissatisfied', page: 1, pageSize: 20 }));
      const loadAfter = loadavg();
      const w = await writer.stop();
      return { items, events, feedSeconds, caseVersions: rows[0].n, currentCases: rows[0].current, counterRows: rows[0].counters, overall, yearNow, yearAsOf, unitNow, drillLate, drillAsOf, writer: w, loadBefore, loadAfter, cores: cpus().length };
    } catch (e) {
      await writer.stop().catch(() => undefined);
      throw e;
    }
  } finally {
    await pool.end();
    await db.drop();
  }
}

if (require.main === module) {
  runKpisBench(Number(process.argv[2] ?? 100_000), (s) => process.stderr.write(`${s}\n`)).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
