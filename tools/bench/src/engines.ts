/**
 * `npm run bench -- --engines`: our per-command path against the engine's own limit, on both
 * Temporal servers dev-infra runs, in one run (issue 10 item 2):
 *
 *  - the Temporal CLI dev server (SQLite, TEMPORAL_MODE=dev) and
 *  - the real Temporal Server 1.29.1 on PostgreSQL (TEMPORAL_MODE=server),
 *
 * each started by @jyta/dev-infra (profile test), one after the other. On each: raw Temporal
 * (raw.ts: update-with-start + 2 Updates of a no-op workflow, and plain starts, 8 clients, worker
 * in the benchmark's process) and our path (the real API and worker, 8 clients doing
 * register → assign → receipt through HTTP, as (g) of the main benchmark). Prints a table and
 * writes it into docs/benchmarks.md between the ENGINES markers (the main benchmark keeps that
 * section when it rewrites the file).
 */
import { sectionBegin, sectionEnd, writeSection } from './doc-sections';
import * as os from 'node:os';
import * as path from 'node:path';
import pgLib from 'pg';
import { createFreshDatabase } from '@jyta/db/src/testing';
import { ensurePostgres, ensureTemporal, freeBasePort, type TemporalMode } from '@jyta/dev-infra';
import { benchConcurrent, CONCURRENT_CLIENTS, temporalServerVersion, terminateWorkflows } from './e2e';
import { benchRawTemporal, type RawFigures } from './raw';
import { cpuSeconds, startBenchStack } from './stack';

const RAW_ITEMS = 200;
const RAW_STARTS = 400;
const OUR_ITEMS = 200;
const WARMUP_ITEMS = 8;
const ENGINES_BEGIN = sectionBegin('ENGINES', 'npm run bench -- --engines');
const ENGINES_END = sectionEnd('ENGINES');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const log = (line: string) => process.stderr.write(`[bench engines] ${line}\n`);

interface EngineFigures {
  mode: TemporalMode;
  label: string;
  version: string;
  /** Raw Temporal measured right before and right after ours, so a change of load shows. */
  raw: [RawFigures, RawFigures];
  ours: { items: number; seconds: number; cpu: Record<string, number> };
  /** 1-minute load average when raw (before), ours and raw (after) started. */
  load: [number, number, number];
}

async function onEngine(mode: TemporalMode, pgUrl: string, pgPid: number | undefined, cleanups: (() => Promise<void>)[]): Promise<EngineFigures> {
  const label = mode === 'dev' ? 'dev server (Temporal CLI 1.5.1, SQLite)' : 'real server (Temporal Server 1.29.1, PostgreSQL)';
  // Ports of this run's own: the test profile's fixed ones may hold another run's server, which
  // dev-infra would reuse, and its other users would share the measurement.
  process.env.TEMPORAL_PORT = String(await freeBasePort());
  log(`${label}: starting (dev-infra, profile test, TEMPORAL_MODE=${mode}, TEMPORAL_PORT=${process.env.TEMPORAL_PORT})…`);
  const temporal = await ensureTemporal({ profile: 'test', mode, databaseUrl: async () => pgUrl, log });
  if (!temporal.started) throw new Error(`Temporal on ${temporal.address} was already running: not this run's own server`);
  cleanups.push(() => temporal.stop());
  const version = await temporalServerVersion(temporal.address);

  const loadRaw = os.loadavg()[0];
  const raw = await benchRawTemporal(temporal.address, { clients: CONCURRENT_CLIENTS, items: RAW_ITEMS, starts: RAW_STARTS, log });

  const db = await createFreshDatabase(pgUrl, { prefix: `bench_engines_${mode}` });
  cleanups.push(() => db.drop());
  const stack = await startBenchStack({ database: db, temporalAddress: temporal.address, onStop: (stop) => cleanups.push(stop) });
  const created: string[] = [];
  cleanups.push(async () => {
    if (created.length) await terminateWorkflows(temporal.address, created);
  });
  await benchConcurrent(stack.baseUrl, created, CONCURRENT_CLIENTS, WARMUP_ITEMS, 90_000); // warm-up, not measured
  log(`  ours: ${CONCURRENT_CLIENTS} clients, ${OUR_ITEMS} items register → assign → receipt through the API…`);
  const cpu = () => ({
    worker: cpuSeconds(stack.workerPid),
    API: cpuSeconds(stack.apiPid),
    Temporal: temporal.child?.pid ? cpuSeconds(temporal.child.pid) : undefined,
    PostgreSQL: pgPid ? cpuSeconds(pgPid, true) : undefined,
  });
  const loadOurs = os.loadavg()[0];
  const g = await benchConcurrent(stack.baseUrl, created, CONCURRENT_CLIENTS, OUR_ITEMS, 100_000, cpu);
  const loadRawAfter = os.loadavg()[0];
  const rawAfter = await benchRawTemporal(temporal.address, { clients: CONCURRENT_CLIENTS, items: RAW_ITEMS, starts: RAW_STARTS, log });

  // Stop this engine's side before the next one starts: they must not share the cores.
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
  return {
    mode,
    label,
    version,
    raw: [raw, rawAfter],
    ours: { items: g.items, seconds: g.seconds, cpu: g.cpuSeconds },
    load: [loadRaw, loadOurs, loadRawAfter],
  };
}

export async function runEngines(): Promise<number> {
  // Both servers are dev-infra's own: a TEMPORAL_ADDRESS in the environment would stand in for both.
  delete process.env.TEMPORAL_ADDRESS;
  const cleanups: (() => Promise<void>)[] = [];
  // The SDK's Runtime takes SIGINT/SIGTERM to shut its workers down; then clean up and leave.
  let interrupted = false;
  const held: { pg?: Awaited<ReturnType<typeof ensurePostgres>> } = {};
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${sig}: cleaning up…`);
      void (async () => {
        for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
        await held.pg?.stop().catch(() => undefined);
        process.exit(130);
      })();
    });
  }
  const pg = (held.pg = await ensurePostgres({ profile: 'test', log }));
  const pgUrl = pg.url;
  const pgPid = pg.child?.pid;
  const durability = await (async () => {
    const c = new pgLib.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        `select split_part(version(), ' ', 2) as v, current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`,
      );
      return `PostgreSQL ${rows[0].v}, fsync=${rows[0].fsync}, synchronous_commit=${rows[0].sc}`;
    } finally {
      await c.end();
    }
  })();
  try {
    const loadAtStart = os.loadavg()[0];
    const figures: EngineFigures[] = [];
    for (const mode of ['dev', 'server'] as const) figures.push(await onEngine(mode, pgUrl, pgPid, cleanups));

    const rate = (n: number, s: number) => n / s;
    const rows = figures.map((f) => {
      const uwsEach = f.raw.map((r) => rate(r.updates.items, r.updates.seconds));
      const startsEach = f.raw.map((r) => rate(r.starts.starts, r.starts.seconds));
      const uws = (uwsEach[0] + uwsEach[1]) / 2;
      const starts = (startsEach[0] + startsEach[1]) / 2;
      const ours = rate(f.ours.items, f.ours.seconds);
      const cpu = Object.entries(f.ours.cpu)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ');
      return (
        `| ${f.label}, ${f.version} | ${uws.toFixed(1)} (${uwsEach.map((x) => x.toFixed(1)).join(' / ')}) | ` +
        `${starts.toFixed(1)} (${startsEach.map((x) => x.toFixed(1)).join(' / ')}) | ${ours.toFixed(1)} | ` +
        `**${Math.round((100 * ours) / uws)} %** | ${Math.round((100 * ours) / starts)} % | ${cpu} | ${f.load.map((x) => x.toFixed(1)).join(' / ')} |`
      );
    });
    const cpus = os.cpus();
    const section = `${ENGINES_BEGIN}
## Our per-command path against raw Temporal, on both servers

Generated by \`npm run bench -- --engines\` (tools/bench/src/engines.ts) on ${new Date().toISOString()}:
${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, load average (1 min) at the start ${loadAtStart.toFixed(2)}. Both
servers started by @jyta/dev-infra (profile test) one after the other in the same run, on the same
PostgreSQL (${pgPid ? 'the embedded test cluster, started by this run' : 'DATABASE_URL or a running test cluster'}; ${durability}): the app's databases in
both rows, and in the second also the real server's own persistence and visibility.

| Temporal | raw: update-with-start + 2 Updates, items/s (before / after ours) | raw: plain starts/s (before / after) | ours: register → assign → receipt, items/s | ours / raw Updates | ours / raw starts | CPU during ours | load at raw / ours / raw |
|---|---:|---:|---:|---:|---:|---|---:|
${rows.join('\n')}

- *raw* (tools/bench/src/raw.ts): from the SDK client, worker in the benchmark's process, ${CONCURRENT_CLIENTS} concurrent
  clients, measured right before and right after *ours* (their mean is the figure; the two show how much
  the machine's load moved meanwhile). An item is update-with-start of a no-op workflow, then two Updates (the Temporal calls of
  登记 → 交办 → 签收 with no work of ours), ${RAW_ITEMS} items after ${CONCURRENT_CLIENTS} warm-up items; plain starts are
  ${RAW_STARTS} \`workflow.start\` calls of a workflow that completes at once (the rate of the calls).
- *ours*: the real API and worker (child processes, fresh database), ${CONCURRENT_CLIENTS} clients each running
  register → assign → receipt through HTTP on the next of ${OUR_ITEMS} items (after ${WARMUP_ITEMS} warm-up items), as (g) above.
- The fraction is the goal issue 10 sets: the per-command path ≥ 80 % of raw update-with-start + 2 Updates.
  CPU is each process's CPU seconds during *ours* (PostgreSQL: the postmaster and its backends, only
  when this run started it).${
      loadAtStart > cpus.length
        ? `
- The load average at the start (${loadAtStart.toFixed(1)}) was above the number of cores (${cpus.length}): other processes
  competed for them throughout, so the absolute rates are low and noisy. Read a fraction together
  with the two raw figures and the load (last column): where they differ much, the load moved
  while the row was measured and its fraction is rough.`
        : ''
    }

\`\`\`sh
npm run bench -- --engines    # both servers; the first run builds temporal-server with go install (minutes)
\`\`\`
${ENGINES_END}`;
    process.stdout.write(`\n${section}\n`);

    const out = path.join(ROOT, 'docs', 'benchmarks.md');
    writeSection(out, 'ENGINES', section);
    log(`wrote ${path.relative(ROOT, out)}`);
    return 0;
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
    await pg.stop();
  }
}
