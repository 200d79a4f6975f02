/**
 * `npm run bench` — a small, reproducible performance baseline (run through tools/bench.mjs):
 *
 *  (a) event-store append: 8 concurrent appenders × 500 appends of 1–3 events over 200 streams
 *  (b) `readAll` catch-up over everything appended, in batches of 500
 *  (c) proposal number allocation: 1000 allocations by 10 concurrent callers (one year + kind)
 *  (d) deadline computation: 100 000 `computeDeadline` calls on the lunar-javascript calendar
 *  (e) this process's RSS and heap used at the end
 *
 * then end to end (e2e.ts), the real worker and API as child processes on Temporal and a second
 * fresh database, driven through HTTP with the demo accounts office / rsj-handler:
 *
 *  (f) latency of 登记 register, 交办 assign and 签收 receipt, 100 items one after the other
 *  (g) throughput of 8 concurrent clients doing register → assign → receipt for 200 items
 *  (h) latency of the list (pageSize=50) and of one item's detail afterwards
 *  (i) RSS of the worker and API processes at the end
 *
 * and where a command's time goes, from the Temporal histories of the items of (f).
 *
 * With `--engines` it runs engines.ts instead: raw Temporal against our per-command path, on the
 * dev server and on the real server (TEMPORAL_MODE=server) in one run.
 *
 * PostgreSQL: `DATABASE_URL` when set, else the embedded server of @jyta/dev-infra (profile
 * 'test'). Temporal: `TEMPORAL_ADDRESS` when set, else the dev server of @jyta/dev-infra (profile
 * 'test'). Every database is fresh and dropped afterwards, every child process stopped and every
 * item workflow terminated, also on Ctrl-C. Prints Markdown tables and writes docs/benchmarks.md.
 * Inputs come from a seeded PRNG (or are fixed) so runs are comparable.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { ensurePostgres, ensureTemporal, temporalMode, temporalReady, TEMPORAL_CLI_VERSION, TEMPORAL_SERVER_VERSION } from '@jyta/dev-infra';
import { PostgresEventStore, START_POSITION, eventStoreMigrations, type GlobalPosition, type NewEvent } from '@jyta/event-store';
import { allocateNumber, registryMigrations } from '@jyta/proposal-registry';
import { computeDeadline, parsePeriod, type Period } from '@jyta/calendar-domain';
import { calendarFromLunar } from '@jyta/calendar-domain/src/lunar-source';
import {
  benchEndToEnd,
  breakdownFromHistories,
  COMMANDS,
  CONCURRENT_CLIENTS,
  CONCURRENT_ITEMS,
  LEAD_UNIT,
  LIST_PAGE_SIZE,
  READS,
  SEQ_ITEMS,
  temporalServerVersion,
  terminateWorkflows,
  WARMUP_ITEMS,
  type Breakdown,
  type CommandName,
} from './e2e';
import { dashboardTimeToShow, portalFirstLoad } from './portal';
import { cpuSeconds, processMemory, startBenchStack } from './stack';
import { keptSections } from './doc-sections';
import { runEngines } from './engines';
import { runBurst } from './burst';
import { runTimers } from './timers';
import { runMemory } from './memory';
import { runKpis } from './kpis';

// ---- parameters ----------------------------------------------------------------------------------

const APPENDERS = 8;
const APPENDS_PER_APPENDER = 500;
const STREAMS = 200;
const READ_BATCH = 500;
/** One catch-up over ~8 000 events takes well under a second: repeat it and take the median. */
const READ_PASSES = 5;
const ALLOCATIONS = 1000;
const ALLOCATORS = 10;
const DEADLINE_CALLS = 100_000;
const POOL_SIZE = 10;

const ROOT = path.resolve(__dirname, '..', '..', '..');

// ---- helpers -----------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so every run appends the same shapes of batches. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** The server without credentials, for the report. */
function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
  } catch {
    return '(unparseable URL)';
  }
}

const TITLES = ['关于加强社区养老服务的建议', '关于完善城市公共交通体系的提案', '关于推进义务教育优质均衡发展的建议'];

function newEvent(type: string, i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data: { title: TITLES[i % TITLES.length], seq: i, tags: ['民生', '城市'], body: '为进一步提升公共服务水平，建议：'.repeat(3) },
    metadata: {
      actor: { userId: 'u-bench', username: 'bench', role: 'registrar', unitId: null },
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
    },
  };
}

// ---- (a) append ----------------------------------------------------------------------------------------

interface AppendResultFigures {
  appends: number;
  events: number;
  seconds: number;
  latenciesMs: number[];
}

async function benchAppend(store: PostgresEventStore): Promise<AppendResultFigures> {
  const runId = randomUUID().slice(0, 8);
  const streams = Array.from({ length: STREAMS }, (_, i) => `proposal-bench-${runId}-${i}`);
  const versions = new Map<string, number>(streams.map((s) => [s, 0]));

  // Warm-up (not measured): open the pool's connections, let the JIT and the planner settle.
  await Promise.all(
    Array.from({ length: POOL_SIZE }, (_, i) => store.append(`warmup-${runId}-${i}`, [newEvent('WarmedUp', i)], { expectedVersion: 0 })),
  );

  const latencies: number[] = [];
  let events = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: APPENDERS }, async (_, a) => {
      const rnd = prng(1000 + a);
      // Appender a owns the streams with index ≡ a (mod APPENDERS), so it always knows the
      // stream's version and appends with a real expectedVersion, as the workflows do.
      const mine = streams.filter((_, i) => i % APPENDERS === a);
      for (let n = 0; n < APPENDS_PER_APPENDER; n++) {
        const stream = mine[Math.floor(rnd() * mine.length)];
        const count = 1 + Math.floor(rnd() * 3);
        const batch = Array.from({ length: count }, (_, k) => newEvent(k === 0 ? 'ProposalUpdated' : 'UnitAssigned', n));
        const expectedVersion = versions.get(stream)!;
        const s = performance.now();
        const r = await store.append(stream, batch, { expectedVersion });
        latencies.push(performance.now() - s);
        versions.set(stream, r.nextVersion);
        events += count;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { appends: latencies.length, events, seconds, latenciesMs: latencies.sort((x, y) => x - y) };
}

// ---- (b) readAll ----------------------------------------------------------------------------------------

async function readAllOnce(store: PostgresEventStore, total: number): Promise<{ events: number; batches: number; seconds: number }> {
  let after: GlobalPosition = START_POSITION;
  let events = 0;
  let batches = 0;
  const t0 = performance.now();
  const giveUpAt = Date.now() + 15_000;
  while (events < total) {
    const batch = await store.readAll({ after, limit: READ_BATCH });
    batches++;
    if (batch.length === 0) {
      // readAll holds back while an older transaction runs anywhere on the server (see its doc);
      // on a shared server that can be someone else's. Wait a little rather than under-count.
      if (Date.now() > giveUpAt) {
        log(`readAll: stopped at ${events}/${total} events (held back by a long transaction elsewhere on the server?)`);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    events += batch.length;
    after = batch[batch.length - 1].position;
  }
  return { events, batches, seconds: (performance.now() - t0) / 1000 };
}

async function benchReadAll(
  store: PostgresEventStore,
  pool: pg.Pool,
): Promise<{ events: number; batches: number; medianSeconds: number; firstSeconds: number }> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
  const total = Number(rows[0].n);
  const passes = [];
  for (let i = 0; i < READ_PASSES; i++) passes.push(await readAllOnce(store, total));
  const sorted = passes.map((p) => p.seconds).sort((x, y) => x - y);
  return {
    events: Math.min(...passes.map((p) => p.events)),
    batches: passes[0].batches,
    medianSeconds: sorted[Math.floor(sorted.length / 2)],
    firstSeconds: passes[0].seconds,
  };
}

// ---- (c) number allocation ------------------------------------------------------------------------------

async function benchAllocate(pool: pg.Pool): Promise<{ allocations: number; seconds: number; latenciesMs: number[] }> {
  // Warm-up on another year, so the measured counter starts at 1.
  await Promise.all(Array.from({ length: ALLOCATORS }, () => allocateNumber(pool, randomUUID(), 1999, 'cppcc_proposal')));

  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: ALLOCATORS }, async () => {
      for (let n = 0; n < ALLOCATIONS / ALLOCATORS; n++) {
        const s = performance.now();
        await allocateNumber(pool, randomUUID(), 2026, 'npc_suggestion');
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;

  // Sanity check: all contended on one counter, so 1..N without gap or duplicate.
  const { rows } = await pool.query<{ n: string; mn: number; mx: number; d: string }>(
    `SELECT count(*) AS n, min(seq) AS mn, max(seq) AS mx, count(DISTINCT seq) AS d
       FROM proposal_numbers WHERE year = 2026 AND kind = 'npc_suggestion'`,
  );
  const r = rows[0];
  if (Number(r.n) !== ALLOCATIONS || r.mn !== 1 || r.mx !== ALLOCATIONS || Number(r.d) !== ALLOCATIONS) {
    throw new Error(`allocation check failed: ${JSON.stringify(r)}`);
  }
  return { allocations: latencies.length, seconds, latenciesMs: latencies.sort((x, y) => x - y) };
}

// ---- (d) deadlines --------------------------------------------------------------------------------------

function benchDeadlines(): { calls: number; seconds: number } {
  const calendar = calendarFromLunar([2024, 2025, 2026]);
  const periods: Period[] = ['P15D', 'P1M', 'P3M', 'P10WD'].map(parsePeriod);
  // Starts spread over 2024-01-01 … 2025-12-31 so every deadline (at most ~3 months) stays in covered years.
  const starts: string[] = [];
  for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() < 2026; d.setUTCDate(d.getUTCDate() + 1)) {
    starts.push(d.toISOString().slice(0, 10));
  }
  const rnd = prng(42);
  const inputs = Array.from({ length: 4096 }, () => ({
    start: starts[Math.floor(rnd() * starts.length)],
    period: periods[Math.floor(rnd() * periods.length)],
  }));
  for (let i = 0; i < 2000; i++) computeDeadline({ ...inputs[i % inputs.length], calendar }); // warm-up

  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < DEADLINE_CALLS; i++) {
    const d = computeDeadline({ ...inputs[i & 4095], calendar });
    sink += d.dueAt.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink === 0) throw new Error('unreachable');
  return { calls: DEADLINE_CALLS, seconds };
}

// ---- report ---------------------------------------------------------------------------------------------

interface Row {
  what: string;
  figure: string;
  value: string;
}

function table(rows: Row[]): string {
  const lines = ['| Benchmark | Figure | Value |', '|---|---|---:|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.figure} | ${r.value} |`);
  return lines.join('\n');
}

const COMMAND_LABEL: Record<CommandName, string> = {
  register: 'POST /api/proposals (登记 register)',
  assign: 'POST /api/proposals/:id/assignment (交办 assign)',
  receipt: `POST /api/proposals/:id/units/${LEAD_UNIT}/receipt (签收 receipt)`,
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function breakdownTable(bd: Record<CommandName, Breakdown>): string {
  const lines = [
    '| Command | Temporal work per command | HTTP latency | in Temporal | workflow tasks: waiting / running | activities: waiting / running | API, outside Temporal |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const cmd of COMMANDS) {
    const b = bd[cmd];
    const work = [plural(b.workflowTasks, 'workflow task')];
    if (b.localActivities) work.push(`${plural(b.localActivities, 'local activity', 'local activities')} (${b.localActivityNames.join(', ')})`);
    if (b.activities) work.push(`${plural(b.activities, 'activity', 'activities')} (${b.activityNames.join(', ')})`);
    const activities = b.activities ? `${fmtMs(b.activityWait)} / ${fmtMs(b.activityRun)}` : '—';
    lines.push(
      `| ${cmd} | ${work.join(', ')} | ${fmtMs(b.http)} | ${fmtMs(b.temporal)} | ` +
        `${fmtMs(b.workflowTaskWait)} / ${fmtMs(b.workflowTaskRun)} | ${activities} | ${fmtMs(b.outside)} |`,
    );
  }
  return lines.join('\n');
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: gave up after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---- main -----------------------------------------------------------------------------------------------

/** The commit the run measured, and whether the working tree differed from it. */
function describeCode(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no').length > 0;
    return `commit ${head}${dirty ? ', with uncommitted changes in the working tree' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

async function main(): Promise<number> {
  const tStart = performance.now();
  const loadAtStart = os.loadavg()[0];
  const cpus = os.cpus();
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
    })());
  let interrupted = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${sig}: cleaning up…`);
      void cleanup().then(() => process.exit(130));
    });
  }

  try {
    const serverSource = process.env.DATABASE_URL ? 'DATABASE_URL' : "@jyta/dev-infra ensurePostgres({ profile: 'test' }), embedded server";
    log(`PostgreSQL: ${serverSource}…`);
    const server = await ensurePostgres({ profile: 'test', log });
    /** Databases whose drop failed because the server had gone (see below). */
    const undropped: FreshDatabase[] = [];
    const dropOrRemember = async (d: FreshDatabase) => {
      try {
        await d.drop();
      } catch (e) {
        undropped.push(d);
        throw e;
      }
    };
    cleanups.push(async () => {
      await server.stop();
      if (undropped.length && server.started) {
        // Ctrl-C in a terminal reaches the whole process group, so the PostgreSQL this run started
        // shuts down at once, before the databases are dropped: start it once more to drop them.
        log(`PostgreSQL stopped before ${undropped.map((d) => d.name).join(', ')} could be dropped; starting it again to drop them…`);
        const again = await ensurePostgres({ profile: 'test', log });
        try {
          for (const d of undropped.splice(0)) await d.drop();
          log('dropped');
        } finally {
          await again.stop();
        }
      }
    });
    const serverNote = process.env.DATABASE_URL ? '' : server.started ? ' started by this run and stopped after it' : ' already running, reused';

    const db: FreshDatabase = await createFreshDatabase(server.url, { prefix: 'bench' });
    cleanups.push(() => dropOrRemember(db));
    const pool = createPool(db.url, POOL_SIZE);
    cleanups.push(() => pool.end());
    await runMigrations(pool, [...eventStoreMigrations, ...registryMigrations]);

    const info = await pool.query<{ version: string; fsync: string; sc: string }>(
      `SELECT version() AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc`,
    );
    const pgVersion = info.rows[0].version;
    const durability = `fsync=${info.rows[0].fsync}, synchronous_commit=${info.rows[0].sc}`;
    const durable = info.rows[0].fsync === 'on' && info.rows[0].sc !== 'off';
    log(`${pgVersion} (${durability}) at ${describeServer(server.url)}, database ${db.name}`);

    const store = new PostgresEventStore(pool);

    log(`(a) append: ${APPENDERS} appenders × ${APPENDS_PER_APPENDER} appends of 1–3 events over ${STREAMS} streams…`);
    const a = await benchAppend(store);
    log(`(b) readAll catch-up in batches of ${READ_BATCH}…`);
    const b = await benchReadAll(store, pool);
    log(`(c) number allocation: ${ALLOCATIONS} by ${ALLOCATORS} concurrent callers…`);
    const c = await benchAllocate(pool);
    log(`(d) computeDeadline × ${fmtInt(DEADLINE_CALLS)} on the lunar-javascript calendar…`);
    const d = benchDeadlines();
    const mem = process.memoryUsage();

    // ---- end to end: Temporal, the worker and the API ----
    const temporalSource = process.env.TEMPORAL_ADDRESS
      ? 'TEMPORAL_ADDRESS'
      : temporalMode() === 'server'
        ? `@jyta/dev-infra ensureTemporal({ profile: 'test' }) with TEMPORAL_MODE=server, Temporal Server ${TEMPORAL_SERVER_VERSION} on this PostgreSQL`
        : `@jyta/dev-infra ensureTemporal({ profile: 'test' }), Temporal CLI ${TEMPORAL_CLI_VERSION} dev server (SQLite)`;
    log(`Temporal: ${temporalSource}…`);
    const temporal = await ensureTemporal({ profile: 'test', log, databaseUrl: async () => server.url });
    cleanups.push(() => temporal.stop());
    const temporalNote = process.env.TEMPORAL_ADDRESS ? '' : temporal.started ? ' started by this run and stopped after it' : ' already running, reused';
    const temporalVersion = await temporalServerVersion(temporal.address);
    log(`Temporal ${temporalVersion} at ${temporal.address}; starting the worker and the API (child processes, fresh database, DEMO_ITEMS=false)…`);
    const e2eDb = await createFreshDatabase(server.url, { prefix: 'bench_e2e' });
    cleanups.push(() => dropOrRemember(e2eDb));
    const stack = await startBenchStack({ database: e2eDb, temporalAddress: temporal.address, onStop: (stop) => cleanups.push(stop) });
    log(`worker polling after ${stack.startup.workerSeconds.toFixed(1)} s (pid ${stack.workerPid}), API healthy after ${stack.startup.apiSeconds.toFixed(1)} s (pid ${stack.apiPid}), database ${e2eDb.name}`);
    // Cleanups run in reverse: this one before the stack stops, so no item workflow of this run
    // outlives it on a Temporal server that keeps running (TEMPORAL_ADDRESS, or one shared with others).
    const created: string[] = [];
    cleanups.push(async () => {
      if (!created.length) return;
      // A Ctrl-C in the terminal also stops a dev server this run started; then there is nothing to terminate.
      if (!(await temporalReady(temporal.address, 2_000))) {
        log(`Temporal at ${temporal.address} is gone: no item workflow to terminate`);
        return;
      }
      const n = await withTimeout(terminateWorkflows(temporal.address, created), 20_000, 'terminating the item workflows');
      log(`terminated ${n} of ${created.length} item workflows`);
    });

    const cpuOfProcesses = () => {
      const clients = process.cpuUsage();
      return {
        worker: cpuSeconds(stack.workerPid),
        API: cpuSeconds(stack.apiPid),
        Temporal: temporal.child?.pid ? cpuSeconds(temporal.child.pid) : undefined,
        PostgreSQL: server.child?.pid ? cpuSeconds(server.child.pid, true) : undefined,
        'benchmark clients': (clients.user + clients.system) / 1e6,
      };
    };
    const e = await benchEndToEnd(stack.baseUrl, log, created, cpuOfProcesses);
    const workerMem = processMemory(stack.workerPid);
    const apiMem = processMemory(stack.apiPid);
    log(`where the time goes: the Temporal histories of the ${e.sequential.perItem.length} items of (f)…`);
    const bd = await breakdownFromHistories(temporal.address, e.sequential.perItem);

    const rows: Row[] = [
      { what: '(a) event-store append', figure: 'throughput', value: `${fmtInt(a.events / a.seconds)} events/s` },
      { what: '(a) event-store append', figure: 'appends (transactions)', value: `${fmtInt(a.appends / a.seconds)} appends/s` },
      { what: '(a) event-store append', figure: 'latency p50', value: `${fmtMs(percentile(a.latenciesMs, 50))} ms` },
      { what: '(a) event-store append', figure: 'latency p95', value: `${fmtMs(percentile(a.latenciesMs, 95))} ms` },
      { what: '(a) event-store append', figure: 'latency p99', value: `${fmtMs(percentile(a.latenciesMs, 99))} ms` },
      { what: '(a) event-store append', figure: 'volume', value: `${fmtInt(a.appends)} appends, ${fmtInt(a.events)} events in ${a.seconds.toFixed(2)} s` },
      { what: '(b) readAll catch-up', figure: `throughput (median of ${READ_PASSES} passes)`, value: `${fmtInt(b.events / b.medianSeconds)} events/s` },
      { what: '(b) readAll catch-up', figure: 'throughput (first pass)', value: `${fmtInt(b.events / b.firstSeconds)} events/s` },
      { what: '(b) readAll catch-up', figure: 'volume per pass', value: `${fmtInt(b.events)} events, ${b.batches} batches in ${(b.medianSeconds * 1000).toFixed(0)} ms (median)` },
      { what: '(c) number allocation', figure: 'throughput', value: `${fmtInt(c.allocations / c.seconds)} allocations/s` },
      { what: '(c) number allocation', figure: 'latency p50', value: `${fmtMs(percentile(c.latenciesMs, 50))} ms` },
      { what: '(c) number allocation', figure: 'latency p95', value: `${fmtMs(percentile(c.latenciesMs, 95))} ms` },
      { what: '(d) computeDeadline', figure: 'throughput', value: `${fmtInt(d.calls / d.seconds)} calls/s` },
      { what: '(d) computeDeadline', figure: 'mean time per call', value: `${((d.seconds / d.calls) * 1e6).toFixed(1)} µs` },
      { what: '(e) memory at the end', figure: 'RSS', value: `${mb(mem.rss)} MB` },
      { what: '(e) memory at the end', figure: 'heap used', value: `${mb(mem.heapUsed)} MB` },
    ];
    const f = e.sequential;
    for (const cmd of COMMANDS) {
      for (const p of [50, 95, 99]) {
        rows.push({ what: `(f) ${COMMAND_LABEL[cmd]}`, figure: `latency p${p}`, value: `${fmtMs(percentile(f.latenciesMs[cmd], p))} ms` });
      }
    }
    rows.push({
      what: '(f) one client, in turn',
      figure: 'volume',
      value: `${f.items} items × ${COMMANDS.length} commands in ${f.seconds.toFixed(1)} s (${(f.items / f.seconds).toFixed(2)} items/s)`,
    });
    const g = e.concurrent;
    rows.push({ what: `(g) ${g.clients} concurrent clients`, figure: 'throughput (items)', value: `${(g.items / g.seconds).toFixed(1)} items/s` });
    rows.push({ what: `(g) ${g.clients} concurrent clients`, figure: 'throughput (commands)', value: `${(g.commands / g.seconds).toFixed(1)} commands/s` });
    for (const cmd of COMMANDS) {
      const xs = g.latenciesMs[cmd];
      rows.push({
        what: `(g) ${g.clients} concurrent clients`,
        figure: `${cmd} latency p50 / p95`,
        value: `${fmtMs(percentile(xs, 50))} / ${fmtMs(percentile(xs, 95))} ms`,
      });
    }
    rows.push({ what: `(g) ${g.clients} concurrent clients`, figure: 'volume', value: `${g.items} items, ${g.commands} commands in ${g.seconds.toFixed(1)} s` });
    const cpuParts = Object.entries(g.cpuSeconds);
    if (cpuParts.length) {
      const used = cpuParts.reduce((sum, [, v]) => sum + v, 0);
      rows.push({
        what: `(g) ${g.clients} concurrent clients`,
        figure: 'CPU time used meanwhile',
        value:
          `${cpuParts.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}: ${used.toFixed(1)} s of ` +
          `${(cpus.length * g.seconds).toFixed(1)} s (${cpus.length} cores × ${g.seconds.toFixed(1)} s)`,
      });
    }
    const r = e.reads;
    for (const [label, xs] of [[`GET /api/proposals?pageSize=${LIST_PAGE_SIZE}`, r.list], ['GET /api/proposals/:id', r.detail]] as const) {
      rows.push({ what: `(h) ${label}`, figure: 'latency p50', value: `${fmtMs(percentile(xs, 50))} ms` });
      rows.push({ what: `(h) ${label}`, figure: 'latency p95', value: `${fmtMs(percentile(xs, 95))} ms` });
    }
    rows.push({ what: '(h) reads', figure: 'volume', value: `${r.requests} requests each, one at a time, ${fmtInt(r.listTotal)} items in the database` });
    const rss = (m: { rss: number; peak: number } | undefined) => (m ? `${mb(m.rss)} MB (peak ${mb(m.peak)} MB)` : 'n/a (no /proc)');
    rows.push({ what: '(i) worker process', figure: 'RSS at the end', value: rss(workerMem) });
    rows.push({ what: '(i) API process', figure: 'RSS at the end', value: rss(apiMem) });
    rows.push({
      what: '(i) worker / API processes',
      figure: 'start (polling / healthy)',
      value: `${stack.startup.workerSeconds.toFixed(1)} s / ${stack.startup.apiSeconds.toFixed(1)} s`,
    });
    // (j) the web portal: what a browser downloads before the first page shows (code split per page).
    for (const w of portalFirstLoad()) {
      rows.push({ what: `(j) portal ${w.route}`, figure: 'first-load JS (gzip)', value: `${w.gzipKb.toFixed(0)} kB gzip (${w.rawKb.toFixed(0)} kB, ${w.chunks} files)` });
    }
    // (j) the liaison dashboard's time to show a new event, in Chromium against this run's API.
    log('portal: the open dashboard\'s time to show a new assignment (Chromium)…');
    const dash = await dashboardTimeToShow(stack.baseUrl, 5, log).catch((err: Error) => ({ samplesMs: [] as number[], skipped: err.message }));
    rows.push({
      what: '(j) portal /dashboard (办理情况)',
      figure: 'time to show a new event',
      value: dash.samplesMs.length
        ? `median ${fmtMs(percentile([...dash.samplesMs].sort((x, y) => x - y), 50))} ms, max ${fmtMs(Math.max(...dash.samplesMs))} ms (${dash.samplesMs.length} assignments)`
        : `n/a (${dash.skipped})`,
    });
    const md = table(rows);
    const bdMd = breakdownTable(bd);
    const usesLocalActivities = COMMANDS.every((cmd) => bd[cmd].localActivities > 0 && bd[cmd].activities === 0);
    const ioSteps = [...new Set(COMMANDS.flatMap((cmd) => [...bd[cmd].localActivityNames, ...bd[cmd].activityNames]))].join(', ');
    const waitShare = COMMANDS.map((cmd) => `${cmd} ${Math.round((100 * (bd[cmd].workflowTaskWait + bd[cmd].activityWait)) / bd[cmd].http)} %`).join(', ');

    process.stdout.write(`\n${md}\n\nWhere the time of a command goes (medians over the ${f.items} items of (f), ms):\n\n${bdMd}\n\n`);

    const totalSeconds = (performance.now() - tStart) / 1000;
    const scaleUp = (g.items / g.seconds / (f.items / f.seconds)).toFixed(1);
    const registerSlowdown = Math.round((100 * percentile(g.latenciesMs.register, 50)) / percentile(f.latenciesMs.register, 50) - 100);
    const doc = `# Benchmarks

Generated by \`npm run bench\` (tools/bench.mjs → tools/bench/src/main.ts); re-running it
overwrites this file. One run on one machine: treat the figures as a baseline to compare runs of
the same machine against, not as capacity guarantees.

- **Date:** ${new Date().toISOString()}
- **Machine:** ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${mb(os.totalmem())} MB RAM, ${os.type()} ${os.release()} (${os.arch()})
- **Load average (1 min) at the start:** ${loadAtStart.toFixed(2)}
- **Node:** ${process.version}
- **Code:** ${describeCode()}
- **PostgreSQL:** ${pgVersion}
- **PostgreSQL source:** ${serverSource}${serverNote}, at ${describeServer(server.url)}, on the same machine; ${durability}
- **Temporal:** server ${temporalVersion}, ${temporalSource}${temporalNote}, at ${temporal.address}, on the same machine
- **Total run time:** ${totalSeconds.toFixed(1)} s

## Reproduce

\`\`\`sh
npm run bench                                                  # embedded PostgreSQL + Temporal dev server (test profiles)
DATABASE_URL=postgres://user@host:5432/postgres npm run bench  # any other PostgreSQL server
TEMPORAL_ADDRESS=host:7233 npm run bench                       # any other Temporal server (namespace default)
TEMPORAL_MODE=server npm run bench                             # the real Temporal server on that PostgreSQL
npm run bench -- --engines                                     # raw Temporal against our command path, both servers
BENCH_VERBOSE=1 npm run bench                                  # also show the worker's and the API's output
\`\`\`

The end-to-end part needs the Temporal CLI, which @jyta/dev-infra builds with \`go install\` the
first time unless \`TEMPORAL_ADDRESS\` is set.

## Results

${md}

### Where the time of a command goes

Medians over the ${f.items} items of (f), in ms, from each item's Temporal history (the server's event
timestamps) paired with the HTTP latency the client measured. Each column is a median of its own, so
the columns need not add up.

${bdMd}

- *in Temporal*: from the workflow task that took the Workflow Update (for register: the start of the
  workflow, which carries the update) to the update's completion.
- *workflow tasks: waiting / running*: summed over the command's workflow tasks; waiting is scheduled →
  started (Temporal handing the task to the worker), running is started → completed (the worker runs the
  workflow code in its sandbox, runs the local activities the task asks for — their SQL on PostgreSQL —
  and reports back).
- *activities: waiting / running*: the same for activities the server dispatches (— when there are none);
  running is the activity body (its SQL on PostgreSQL) and its report.
- *API, outside Temporal*: HTTP latency minus the span in Temporal: HTTP, JWT, validation, the checks
  assign and receipt make against the read model first, the gRPC call until the update reaches the
  workflow, the wait until the list read model has the new events, and the detail query of the answer.

In this run, waiting for Temporal to hand tasks to the worker made up ${waitShare} of the HTTP latency.
The workflow task that takes a Workflow Update is dispatched at once; whatever Temporal dispatches after
it — an activity, the workflow task after an activity completes or a timer fires — goes through the
history service's transfer queue, whose reader polls at most \`history.transferProcessorMaxPollRPS\` times
a second per history shard (server default 20, so up to 50 ms per hop; the dev server has one shard).
${
      usesLocalActivities
        ? `In this run the workflow ran the item's I/O steps (${ioSteps}) as local activities inside the
workflow task (patch \`local-activities\`), so each command was one workflow task without such hops.`
        : `In this run the commands' I/O steps (${ioSteps}) ran as activities, each adding such hops.`
    } Before the local-activities patch each step was an activity, and register / assign / receipt took
about 350 / 200 / 100 ms here, 70–85 % of it waiting for dispatch (this file at commit 079ac72).

With ${CONCURRENT_CLIENTS} clients, (g) reached ${scaleUp}× the items/s of (f), while the median register took ${registerSlowdown} % longer
than in (f): the Temporal server, PostgreSQL, the worker, the API and the clients all share the
${cpus.length} cores (see the CPU time row of (g)).

## What the figures mean

- **(a) event-store append** — ${APPENDERS} concurrent appenders (one pool of ${POOL_SIZE} connections) each make
  ${APPENDS_PER_APPENDER} \`PostgresEventStore.append\` calls of 1–3 events (seeded random) to ${STREAMS} streams,
  each appender owning ${STREAMS / APPENDERS} of them and passing the exact \`expectedVersion\`. Every append is one
  transaction: stream advisory lock, idempotency lookup of the event ids, version check, multi-row
  INSERT, \`pg_notify\`. *events/s* counts events, *appends/s* transactions; latency is one
  \`append\` call as the caller sees it (pool wait included), nearest-rank percentiles.
- **(b) readAll catch-up** — a projection catching up from the start: \`readAll({ after, limit: ${READ_BATCH} })\`
  in a loop over every event in the database (those of (a) plus ${POOL_SIZE} warm-up events), JSON decoding
  included, one query at a time. A pass is short, so it is repeated ${READ_PASSES} times; the table gives the median
  pass and the first one (the rows were just written, so both read from PostgreSQL's buffer cache).
- **(c) number allocation** — ${ALLOCATIONS} \`allocateNumber\` calls by ${ALLOCATORS} concurrent callers for the
  same year and kind, i.e. all queueing on one counter row (the worst case: the whole registration
  load of a year on one sequence). Checked afterwards to be 1…${ALLOCATIONS} without gap or duplicate.
- **(d) computeDeadline** — ${fmtInt(DEADLINE_CALLS)} pure calls (no I/O) with the 2024–2026 lunar-javascript holiday
  calendar, starts spread over 2024–2025 and periods P15D / P1M / P3M / P10WD; each call indexes the
  calendar and builds the Chinese explanation.
- **(e) memory** — \`process.memoryUsage()\` of the benchmark process after (a)–(d)
  (\`rss\`: resident set size; \`heapUsed\`: live V8 heap), in MiB.
- **(f) commands, one client** — the real worker and API as child processes (as \`npm start\` runs them:
  \`node -r @swc-node/register apps/…/src/main.ts\`) on a fresh database, a task queue of their own and
  \`DEMO_ITEMS=false\` (demo accounts only). After ${WARMUP_ITEMS} unmeasured items, one client — \`office\` for
  登记 and 交办, \`${LEAD_UNIT}-handler\` for 签收, each logged in once — takes ${SEQ_ITEMS} new items in turn through
  \`POST /api/proposals\` (update-with-start of the item's workflow: policy, number allocation, append),
  \`POST /api/proposals/:id/assignment\` (single lead unit ${LEAD_UNIT}, assigned today: calendar, append) and
  \`POST /api/proposals/:id/units/${LEAD_UNIT}/receipt\` (append). Latency is the HTTP call as the client sees it,
  up to the answer, which already shows the change (the API waits for its read model); nearest-rank
  percentiles. *volume* gives the wall time of the whole loop.
- **(g) throughput** — ${CONCURRENT_CLIENTS} clients (each logged in for itself) share ${CONCURRENT_ITEMS} new items: each takes the next
  item and runs register → assign → receipt, then the next. *items/s* and *commands/s* (${COMMANDS.length} per item) over
  the wall time of all ${CONCURRENT_ITEMS}; the latency of each command under that load.
- **(h) reads** — afterwards, one at a time as \`office\`: ${READS} × \`GET /api/proposals?pageSize=${LIST_PAGE_SIZE}\` (the first page of
  all items, from the proposal_list read model; 10 unmeasured first) and ${READS} × \`GET /api/proposals/:id\` of items
  of (f).
- **(i) processes** — VmRSS of the worker and of the API from \`/proc/<pid>/status\` after (h), with VmHWM (the
  peak); start is from spawning the process until the worker logs that it polls / the API answers
  \`/api/health\` (TypeScript compiled on the fly; the worker also bundles the workflow code).
- **(j) portal first-load JS** — what a browser downloads before the page shows: the entry chunk, the
  route's own lazily loaded chunk and every chunk they import, from the Vite manifest of the production
  build (\`apps/portal/dist\`), gzip level 9 (tools/bench/src/portal.ts). ECharts loads only with the
  dashboard. The dashboard's time to show a new event: the NPC liaison's dashboard open in Chromium,
  the office assigns an NPC item over HTTP, the time from the assignment's answer until the page's
  已交办 count changes without a reload (read every 20 ms; the page polls every 2 s).

Caveats: PostgreSQL runs on the same machine and shares its cores with Node. ${
      durable
        ? 'The server flushes the WAL on every commit (fsync on), so (a) and (c) include that cost; on a disk-backed production server it depends on the storage.'
        : `The server runs with ${durability} (the embedded test profile does so on purpose), so (a), (c) and the appends of (f)–(g) leave out the cost of flushing the WAL to disk that a production server pays on every commit.`
    } The end-to-end part runs the Temporal server, PostgreSQL, the worker, the API and the benchmark's
clients all on these ${cpus.length} cores; the worker and the API run with NODE_ENV=test and LOG_LEVEL=warn (no log line
per request). Every database is dropped and every item workflow terminated at the end.
`;
    const out = path.join(ROOT, 'docs', 'benchmarks.md');
    // The sections other runs wrote (`--engines`, …) stay; each run rewrites only its own.
    fs.writeFileSync(out, doc + keptSections(out));
    log(`wrote ${path.relative(ROOT, out)} (total ${totalSeconds.toFixed(1)} s)`);
    return 0;
  } finally {
    await cleanup();
  }
}

/** `--burst N` / `--timers N` / `--memory [N]`: the value after the flag, else `fallback`. */
function flagNumber(flag: string, fallback: number): number | undefined {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = Number(process.argv[i + 1]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}
const timersN = flagNumber('--timers', 5000);
const memoryN = flagNumber('--memory', 1000);
const burstN = flagNumber('--burst', 1000);
// Each of these writes only its own section of docs/benchmarks.md: `--engines` raw Temporal against
// our per-command path on both servers (engines.ts); `--burst N` one spreadsheet of N items imported
// and assigned, both servers (burst.ts); `--kpis [--items N]` the Art. 16 figures under a write load
// (kpis.ts); `--timers N` (timers.ts); `--memory [N]` (memory.ts).
const run: () => Promise<number> = process.argv.includes('--engines')
  ? runEngines
  : process.argv.includes('--kpis')
    ? runKpis
    : burstN
      ? () => runBurst(burstN)
      : timersN
        ? () => runTimers(timersN)
        : memoryN
          ? () => runMemory(memoryN)
          : main;
run().then(
  (code) => process.exit(code),
  (e: Error) => {
    log(`failed: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
