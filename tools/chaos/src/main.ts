/**
 * npm run chaos [-- --items 1000 --concurrency 8 --gap 20 --import-rows 100]
 * A burst through the API while the worker, the API, the Temporal server and PostgreSQL are
 * killed with SIGKILL at random moments (every --gap seconds on average); then the checks of
 * tests/src/chaos/harness.ts. Prints the counts, writes them into section CHAOS of
 * docs/benchmarks.md when nothing was found, and exits 1 on any problem.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { runChaos, type ChaosReport } from '../../../tests/src/chaos/harness';
import { sectionBegin, sectionEnd, writeSection } from '../../bench/src/doc-sections';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} ${process.argv[i + 1]}: expected a positive number`);
  return v;
}

export function chaosSection(r: ChaosReport, o: { concurrency: number; gap: number; importRows: number; loadStart: string; loadEnd: string; at: string }): string {
  const cpus = os.cpus();
  return `${sectionBegin('CHAOS', 'npm run chaos')}
## Faults: SIGKILL of every process during a burst

\`npm run chaos -- --items ${r.items} --concurrency ${o.concurrency} --gap ${o.gap} --import-rows ${o.importRows}\` (tools/chaos, checks in tests/src/chaos/harness.ts) on ${o.at}:
the real Temporal Server 1.29.1 on its own PostgreSQL; ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, load average ${o.loadStart} at the start, ${o.loadEnd} at the end.
Each item: register → assign → receipt through the API, every request with an Idempotency-Key, retried with it on a network error, 5xx or 429.
Meanwhile, each time another ${o.importRows} items are done, a spreadsheet of ${o.importRows} rows goes through the import's bulk path
(registration and assignment in one request), re-posted unchanged after a failure.

| Figure | Value |
|---|---:|
| items completed (register → assign → receipt) | ${r.items} |
| spreadsheets imported / their items (registered and assigned, each workflow running) | ${r.imports} / ${r.importedItems} |
| SIGKILLs: worker / API / Temporal / PostgreSQL | ${r.kills.worker} / ${r.kills.api} / ${r.kills.temporal} / ${r.kills.postgres} |
| failed attempts (by answer) | ${r.failedAttempts} (${Object.entries(r.failuresByStatus).map(([k, v]) => `${k} ${v}`).join(', ')}) |
| requests that failed and were retried | ${r.retriedRequests} |
| events checked (exactly the commands' events, versions 1…n, ids distinct) | ${r.eventsChecked} |
| replays with the same key (same status, item and number; nothing appended) | ${r.replaysChecked} |
| numbers checked (1…n per year and kind, one per item) | ${r.numbersChecked} |
| worker / API restarts not caused by a kill | ${r.selfExits.worker} / ${r.selfExits.api} |
| problems found | **${r.problems.length}** |
| duration | ${r.seconds} s |

The bounded version (60 items, one kill of each process) runs in \`npm test\` (tests/src/chaos.e2e.spec.ts).
${sectionEnd('CHAOS')}`;
}

async function main() {
  // Exit runs the children's exit hooks (SIGKILL for the apps, a fast stop for the servers).
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
  const concurrency = arg('concurrency', 8);
  const gap = arg('gap', 20);
  const importRows = arg('import-rows', 100);
  const loadStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const report = await runChaos({
    items: arg('items', 1000),
    concurrency,
    kills: process.argv.includes('--each-once') ? 'each-once' : 'random',
    gapMs: gap * 1000,
    importRows,
  });
  const loadEnd = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const { problems, ...counts } = report;
  console.log(JSON.stringify(counts, null, 2));
  console.log(
    `\nkills: ${Object.entries(report.kills).map(([k, n]) => `${k} ${n}`).join(', ')} · items ${report.items} · imported ${report.importedItems} in ${report.imports} · events checked ${report.eventsChecked}` +
      ` · replays ${report.replaysChecked} · numbers ${report.numbersChecked} · ${report.seconds} s · load ${loadEnd}`,
  );
  if (problems.length) {
    console.log(`\n✖ ${problems.length} problem(s):\n${problems.slice(0, 50).map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  writeSection(path.join(ROOT, 'docs', 'benchmarks.md'), 'CHAOS', chaosSection(report, { concurrency, gap, importRows, loadStart, loadEnd, at: new Date().toISOString() }));
  console.log('\n✓ nothing lost, nothing doubled (docs/benchmarks.md, section CHAOS)');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
