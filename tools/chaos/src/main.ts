/**
 * npm run chaos [-- --items 1000 --concurrency 8 --gap 20]
 * A burst through the API while the worker, the API, the Temporal server and PostgreSQL are
 * killed with SIGKILL at random moments; then the checks of harness.ts. Exit code 1 on any problem.
 */
import { runChaos } from '../../../tests/src/chaos/harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} ${process.argv[i + 1]}: expected a positive number`);
  return v;
}

async function main() {
  // Exit runs the children's exit hooks (SIGKILL for the apps, a fast stop for the servers).
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
  const report = await runChaos({
    items: arg('items', 1000),
    concurrency: arg('concurrency', 8),
    kills: process.argv.includes('--each-once') ? 'each-once' : 'random',
    gapMs: arg('gap', 20) * 1000,
  });
  const { problems, ...counts } = report;
  console.log(JSON.stringify(counts, null, 2));
  console.log(
    `\nkills: ${Object.entries(report.kills).map(([k, n]) => `${k} ${n}`).join(', ')} · items ${report.items} · events checked ${report.eventsChecked}` +
      ` · replays ${report.replaysChecked} · numbers ${report.numbersChecked} · ${report.seconds} s · load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  if (problems.length) {
    console.log(`\n✖ ${problems.length} problem(s):\n${problems.slice(0, 50).map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\n✓ nothing lost, nothing doubled');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
