/**
 * `npm run bench -- --kpis [--items N]`: the Art. 16 figures at N generated items (default
 * 100,000), read while a writer keeps feeding new items through the same projection
 * (libs/stats/data-access/bench/kpis.bench.ts). Writes its own section KPIS of docs/benchmarks.md.
 */
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensurePostgres } from '@jyta/dev-infra';
import { formatTiming, runKpisBench } from '@jyta/stats-data-access/bench/kpis.bench';
import { sectionBegin, sectionEnd, writeSection } from './doc-sections';

const ROOT = path.resolve(__dirname, '../../..');
const log = (line: string) => process.stderr.write(`[bench kpis] ${line}\n`);
const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');

export async function runKpis(): Promise<number> {
  const i = process.argv.indexOf('--items');
  const items = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  if (!Number.isInteger(items) || items <= 0) throw new Error(`--items must be a positive whole number, not ${process.argv[i + 1]}`);
  const pg = await ensurePostgres({ profile: 'test', log });
  try {
    const r = await runKpisBench(items, log, pg.url);
    const command = `npm run bench -- --kpis${items === 100_000 ? '' : ` --items ${items}`}`;
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const goal = (t: { p95: number }, ms: number) => (t.p95 <= ms ? `goal ≤ ${ms.toLocaleString('en')} ms: **met**` : `goal ≤ ${ms.toLocaleString('en')} ms: **not met**`);
    const text = `${sectionBegin('KPIS', command)}
## The Art. 16 figures at ${items.toLocaleString('en')} items (\`${command}\`)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at ${commit}. ${items.toLocaleString('en')} items of one year generated
(libs/stats/data-access/bench/kpis.bench.ts, deterministic: registration, assignment to one of 12 units, contact, up to two
reply rounds, feedback, send-backs, missing feedback, recorded times spread over the year) — ${r.events.toLocaleString('en')} events
fed straight through the real stats projection (\`stats_cases\` and \`stats_counters\`) into a fresh database in
${r.feedSeconds.toFixed(0)} s: ${r.caseVersions.toLocaleString('en')} case versions, ${r.currentCases.toLocaleString('en')} current, ${r.counterRows.toLocaleString('en')} counter rows.
Overall now: ${r.overall}.

Timed while a writer fed new items through the same projection, 20 items (~116 events) per transaction back to back on
the same server (${r.writer.items.toLocaleString('en')} items, ${r.writer.events.toLocaleString('en')} events in ${r.writer.seconds.toFixed(0)} s, ${r.writer.eventsPerSecond.toFixed(0)} events/s):

| what | time |
|---|---|
| a year's KPIs, all units, now (\`stats_counters\`) | ${formatTiming(r.yearNow)} — ${goal(r.yearNow, 100)} |
| one unit's KPIs, now | ${formatTiming(r.unitNow)} |
| a year's KPIs, all units, asOf 2026-06-30 (\`stats_cases\` versions) | ${formatTiming(r.yearAsOf)} — ${goal(r.yearAsOf, 2000)} |
| drill-down, first page of 20 (late, all units), now | ${formatTiming(r.drillLate)} |
| drill-down, first page of 20 (dissatisfied, all units), asOf 2026-06-30 | ${formatTiming(r.drillAsOf)} |

Load average (1/5/15 min) before the timings ${load(r.loadBefore)}, after ${load(r.loadAfter)} on ${r.cores} cores; the machine is shared
with other sessions, so treat the figures as upper bounds. PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'the embedded test-profile server'}.
${sectionEnd('KPIS')}`;
    writeSection(path.join(ROOT, 'docs', 'benchmarks.md'), 'KPIS', text);
    log(`wrote the KPIS section of docs/benchmarks.md:\n${text}`);
    return 0;
  } finally {
    await pg.stop();
  }
}
