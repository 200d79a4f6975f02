/**
 * The Art. 16 figures at scale: 100,000 generated items (about 600,000 events, with recorded times
 * spread over a year) fed through the real `stats_cases` projection into a fresh database, then
 * a year's figures for all units, now and as of a past day, timed.
 *
 *   DATABASE_URL=postgres://… node -r @swc-node/register libs/stats/data-access/bench/kpis.bench.ts [items]
 *
 * The events go straight to the projection (not through the commands and workflows): what is
 * measured is the read side.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createPool, runMigrations, withTransaction } from '@jyta/db';
import { createFreshDatabase } from '@jyta/db/src/testing';
import type { StoredEvent } from '@jyta/event-store';
import { endOfShanghaiDay, kpiReportFromGroups } from '@jyta/stats-domain';
import { statsMigrations } from '../src/migrations';
import { statsProjection } from '../src/projection';
import { countCases, drillDownCases } from '../src/queries';

const ITEMS = Number(process.argv[2] ?? 100_000);
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
  const due = new Date(assigned + 91 * DAY).toISOString();
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

async function timed(runs: number, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)].toFixed(0);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (${runs} runs)`;
}

async function main() {
  const db = await createFreshDatabase(undefined, { prefix: 'stats_bench' });
  const pool = createPool(db.url, 4);
  try {
    await runMigrations(pool, statsMigrations);
    const started = Date.now();
    let events = 0;
    for (let i = 0; i < ITEMS; i += 500) {
      const batch = Array.from({ length: Math.min(500, ITEMS - i) }, (_, k) => history(i + k)).flat();
      events += batch.length;
      await withTransaction(pool, (c) => statsProjection.handle(batch, c));
      if ((i / 500) % 20 === 0) process.stderr.write(`\r${i + 500} items…`);
    }
    // as autovacuum would have by then: statistics, and the visibility map index-only scans need
    await pool.query('VACUUM ANALYZE stats_cases');
    const fed = (Date.now() - started) / 1000;
    const { rows } = await pool.query<{ n: string; current: string }>('SELECT count(*) AS n, count(*) FILTER (WHERE valid_to IS NULL) AS current FROM stats_cases');
    console.log(`\n${ITEMS} items, ${events} events fed through the projection in ${fed.toFixed(0)} s (${(events / fed).toFixed(0)} events/s); ${rows[0].n} case versions, ${rows[0].current} current`);

    const now = new Date().toISOString();
    const past = endOfShanghaiDay('2026-06-30')!;
    const year = async (at?: string) => kpiReportFromGroups(await countCases(pool, { year: 2026, at: at ?? now }, !!at), { year: 2026, at: at ?? now });
    const r = await year();
    console.log(`overall now: on time ${r.overall.on_time.numerator}/${r.overall.on_time.denominator}, satisfaction ${r.overall.satisfaction.numerator}/${r.overall.satisfaction.denominator}`);
    console.log(`| a year's KPIs, all units, now | ${await timed(20, () => year())} |`);
    console.log(`| a year's KPIs, all units, asOf 2026-06-30 | ${await timed(10, () => year(past))} |`);
    console.log(`| one unit's KPIs, now | ${await timed(20, async () => kpiReportFromGroups(await countCases(pool, { year: 2026, unitId: 'rsj', at: now }, false), { year: 2026, at: now }))} |`);
    console.log(`| drill-down, first page of 20 (late, all units), now | ${await timed(10, () => drillDownCases(pool, { year: 2026, at: now }, false, { kpi: 'on_time', outcome: 'late', page: 1, pageSize: 20 }))} |`);
    console.log(`| drill-down, first page of 20 (dissatisfied, all units), asOf 2026-06-30 | ${await timed(10, () => drillDownCases(pool, { year: 2026, at: past }, true, { kpi: 'satisfaction', outcome: 'dissatisfied', page: 1, pageSize: 20 }))} |`);
    console.log(`load average during the timings: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores)`);
  } finally {
    await pool.end();
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
