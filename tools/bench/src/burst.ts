/**
 * `npm run bench -- --burst N` (issue 10 item 3): one spreadsheet of N items imported and assigned
 * in the same request through the import's bulk path (each item's workflow started once with its
 * registration and assignment in the start input), on the real Temporal server on PostgreSQL and on
 * the dev server, each started by @jyta/dev-infra (profile test, ports of its own), one after the
 * other. In the same run on the same server: raw Temporal (raw.ts — plain starts, and
 * update-with-start + 2 Updates). Figures: items/s and its ratio to raw plain starts (goal ≥ 70 %),
 * when each item's events were stored after the request began (p50/p95/p99), the read model's lag
 * during the burst (p99) and after the answer, every process's CPU seconds and peak RSS. Writes the
 * BURST section of docs/benchmarks.md.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import pgLib from 'pg';
import { Client, Connection } from '@temporalio/client';
import { createFreshDatabase } from '@jyta/db/src/testing';
import { ensurePostgres, ensureTemporal, freeBasePort, type TemporalMode } from '@jyta/dev-infra';
import { sectionBegin, sectionEnd, writeSection } from './doc-sections';
import { CONCURRENT_CLIENTS, temporalServerVersion, terminateWorkflows } from './e2e';
import { benchRawTemporal, type RawFigures } from './raw';
import { burstRequest } from './ops-stack';
import { cpuSeconds, processMemory, startBenchStack } from './stack';

const RAW_ITEMS = 200;
const ROOT = path.resolve(__dirname, '..', '..', '..');
const log = (line: string) => process.stderr.write(`[bench burst] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

interface BurstFigures {
  mode: TemporalMode;
  label: string;
  version: string;
  raw: RawFigures;
  items: number;
  seconds: number;
  /** ms after the request began until each item's registration / assignment was stored. */
  registeredMs: number[];
  assignedMs: number[];
  lagDuringP99: number;
  /** seconds from the answer until the read model had every event (0: the answer waited for it). */
  lagAfter: number;
  /** seconds from the answer until the worker had run the first task of the last items' workflows. */
  workerAfter: number;
  cpu: Record<string, number | undefined>;
  peakRss: Record<string, number | undefined>;
  load: [number, number];
}

async function onEngine(n: number, mode: TemporalMode, pgUrl: string, pgPid: number | undefined, cleanups: (() => Promise<void>)[]): Promise<BurstFigures> {
  const label = mode === 'dev' ? 'dev server (Temporal CLI, SQLite)' : 'real server (Temporal Server 1.29.1, PostgreSQL)';
  process.env.TEMPORAL_PORT = String(await freeBasePort());
  log(`${label}: starting (TEMPORAL_PORT=${process.env.TEMPORAL_PORT})…`);
  const temporal = await ensureTemporal({ profile: 'test', mode, databaseUrl: async () => pgUrl, log });
  if (!temporal.started) throw new Error(`Temporal on ${temporal.address} was already running: not this run's own server`);
  cleanups.push(() => temporal.stop());
  const version = await temporalServerVersion(temporal.address);
  const loadRaw = os.loadavg()[0];
  const raw = await benchRawTemporal(temporal.address, { clients: CONCURRENT_CLIENTS, items: RAW_ITEMS, starts: Math.min(n, 1000), log });

  const db = await createFreshDatabase(pgUrl, { prefix: `bench_burst_${mode}` });
  cleanups.push(() => db.drop());
  const stack = await startBenchStack({ database: db, temporalAddress: temporal.address, env: { COMMAND_TIMEOUT_MS: '120000' }, onStop: (stop) => cleanups.push(stop) });
  const pool = new pgLib.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', (e) => log(`sampler's connection: ${e.message}`));
  cleanups.push(() => pool.end());
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: process.env.DEMO_PASSWORD ?? 'Demo#2026' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const post = async (csv: Buffer, assignment: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv)]), 'burst.csv');
    form.append('assignment', assignment);
    const res = await fetch(`${stack.baseUrl}/api/proposals/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as { items?: { id: string }[]; assigned?: number; message?: string } };
  };
  const created: string[] = [];
  cleanups.push(async () => {
    if (created.length) await terminateWorkflows(temporal.address, created);
  });
  // Warm-up (not measured): the worker's bundle, the API's and worker's pools.
  const warm = burstRequest(16, 'warm');
  const w = await post(warm.csv, warm.assignment);
  if (w.status !== 201) throw new Error(`warm-up import: ${w.status} ${w.body.message}`);
  created.push(...(w.body.items ?? []).map((i) => i.id));

  const pids: Record<string, number | undefined> = { API: stack.apiPid, worker: stack.workerPid, Temporal: temporal.child?.pid, PostgreSQL: pgPid };
  const cpuNow = () => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? cpuSeconds(pid, k === 'PostgreSQL') : undefined]));
  const cpuBefore = cpuNow();
  const peak: Record<string, number | undefined> = {};
  const lagSamples: number[] = [];
  let sampling = true;
  // The read model's lag: how old the oldest event not yet projected is, every 500 ms.
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await pool.query<{ age: string | null }>(
        `SELECT extract(epoch FROM now() - min((e.metadata->>'occurredAt')::timestamptz)) AS age
           FROM events e, projection_checkpoints c
          WHERE c.name = 'proposal_list' AND (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence)`,
      ).catch(() => ({ rows: [{ age: null }] }));
      lagSamples.push(Number(rows[0]?.age ?? 0));
      for (const [k, pid] of Object.entries(pids)) {
        const m = pid ? processMemory(pid) : undefined;
        if (m) peak[k] = Math.max(peak[k] ?? 0, m.peak);
      }
      await sleep(500);
    }
  })();
  const req = burstRequest(n, `${mode}-${Date.now()}`);
  const loadOurs = os.loadavg()[0];
  log(`  ours: import of ${n} rows with their assignment, one request…`);
  const startedAt = Date.now();
  const t0 = performance.now();
  const res = await post(req.csv, req.assignment);
  const seconds = (performance.now() - t0) / 1000;
  const answeredAt = Date.now();
  if (res.status !== 201) throw new Error(`burst import: ${res.status} ${res.body.message}`);
  created.push(...(res.body.items ?? []).map((i) => i.id));
  let lagAfter = 0;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events e, projection_checkpoints c WHERE c.name = 'proposal_list' AND (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence)`,
    );
    if (Number(rows[0].n) === 0) break;
    await sleep(100);
    lagAfter = (Date.now() - answeredAt) / 1000;
  }
  // The answer comes when every start is made; the worker runs each new workflow's first task (it
  // sets the item's timers) meanwhile and after. Done when the last 20 items started have run theirs.
  const connection = await Connection.connect({ address: temporal.address });
  let workerAfter = 0;
  try {
    const client = new Client({ connection });
    const last = (res.body.items ?? []).slice(-20);
    for (;;) {
      const lengths = await Promise.all(last.map(async (i) => (await client.workflow.getHandle(`proposal-${i.id}`).describe()).historyLength));
      if (lengths.every((l) => l >= 4)) break;
      await sleep(100);
      workerAfter = (Date.now() - answeredAt) / 1000;
    }
  } finally {
    await connection.close();
  }
  sampling = false;
  await sampler;
  const cpuAfter = cpuNow();
  const cpu = Object.fromEntries(Object.keys(pids).map((k) => [k, cpuAfter[k] !== undefined && cpuBefore[k] !== undefined ? cpuAfter[k]! - cpuBefore[k]! : undefined]));
  const { rows: times } = await pool.query<{ type: string; at: string }>(
    `SELECT type, (metadata->>'occurredAt') AS at FROM events WHERE stream_id = ANY($1) AND type IN ('ProposalRegistered', 'ProposalAssigned')`,
    [(res.body.items ?? []).map((i) => `proposal-${i.id}`)],
  );
  const registeredMs = times.filter((t) => t.type === 'ProposalRegistered').map((t) => Date.parse(t.at) - startedAt);
  const assignedMs = times.filter((t) => t.type === 'ProposalAssigned').map((t) => Date.parse(t.at) - startedAt);
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
  return { mode, label, version, raw, items: n, seconds, registeredMs, assignedMs, lagDuringP99: pct(lagSamples, 99), lagAfter, workerAfter, cpu, peakRss: peak, load: [loadRaw, loadOurs] };
}

export async function runBurst(n: number): Promise<number> {
  // One spreadsheet: the import takes at most MAX_IMPORT_ROWS (10,000) rows.
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`--burst takes a number of items from 1 to 10000 (the import's row limit), not ${n}`);
  delete process.env.TEMPORAL_ADDRESS;
  const cleanups: (() => Promise<void>)[] = [];
  const pg = await ensurePostgres({ profile: 'test', log });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void (async () => {
        for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
        await pg.stop().catch(() => undefined);
        process.exit(130);
      })();
    });
  }
  try {
    const loadAtStart = os.loadavg();
    const figures: BurstFigures[] = [];
    for (const mode of ['server', 'dev'] as const) figures.push(await onEngine(n, mode, pg.url, pg.child?.pid, cleanups));
    const mb = (b: number | undefined) => (b === undefined ? '–' : `${Math.round(b / 1024 / 1024)}`);
    const s = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
    const rows = figures.map((f) => {
      const ours = f.items / f.seconds;
      const starts = f.raw.starts.starts / f.raw.starts.seconds;
      const uws = f.raw.updates.items / f.raw.updates.seconds;
      return (
        `| ${f.label}, ${f.version} | ${f.items} | ${f.seconds.toFixed(1)} | ${ours.toFixed(1)} | ${starts.toFixed(1)} | **${Math.round((100 * ours) / starts)} %** | ${uws.toFixed(1)} | ` +
        `${[50, 95, 99].map((p) => (pct(f.registeredMs, p) / 1000).toFixed(1)).join(' / ')} | ${[50, 95, 99].map((p) => (pct(f.assignedMs, p) / 1000).toFixed(1)).join(' / ')} | ` +
        `${f.lagDuringP99.toFixed(1)} / ${f.lagAfter.toFixed(1)} | ${f.workerAfter.toFixed(1)} | ${Object.entries(f.cpu).map(([k, v]) => `${k} ${s(v)}`).join(', ')} | ` +
        `${Object.entries(f.peakRss).map(([k, v]) => `${k} ${mb(v)}`).join(', ')} | ${f.load.map((x) => x.toFixed(1)).join(' / ')} |`
      );
    });
    const perItem = figures
      .map((f) => `${f.mode === 'dev' ? 'dev server' : 'real server'}: ${Object.entries(f.cpu).map(([k, v]) => `${k} ${v === undefined ? '–' : Math.round((1000 * v) / f.items)}`).join(', ')}`)
      .join('; ');
    const cpus = os.cpus();
    const section = `${sectionBegin('BURST', `npm run bench -- --burst ${n}`)}
## A burst: one spreadsheet of ${n} items imported and assigned in one request (bulk path)

Generated by \`npm run bench -- --burst ${n}\` (tools/bench/src/burst.ts) on ${new Date().toISOString()}: ${cpus[0]?.model?.trim() ?? 'unknown CPU'},
${cpus.length} cores, load average at the start ${loadAtStart.map((x) => x.toFixed(2)).join(' / ')} (1 / 5 / 15 min). Each server started by
@jyta/dev-infra (profile test, ports of its own), one after the other, on the same PostgreSQL.

| Temporal | items | s | items/s | raw plain starts/s | ours / raw starts | raw update-with-start + 2 Updates, items/s | registered after, s p50/p95/p99 | assigned after, s p50/p95/p99 | read-model lag s: p99 during / after the answer | workflows' first tasks done, s after the answer | CPU s during | peak RSS MB | load at raw / ours |
|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|---|---|---:|
${rows.join('\n')}

- *ours*: POST /api/proposals/import with the CSV and the \`assignment\` field (every row, mode single): the API checks every row
  by the domain's rules, decides RegisterProposal + AssignProposal of each row itself, commits ${'`'}BATCH_ROWS${'`'} = 250 rows per
  transaction (their numbers, both events of each, a start mark), and starts each item's workflow with the state those events
  lead to (${'`'}START_CONCURRENCY${'`'} = 32 starts at once, no Update, no activity: the first task only sets the item's timers); the answer
  comes when every start is made and the read model has every item. items/s = N / the request's time. *registered/assigned after*: when each item's event was decided,
  from the request's start (the spread of a burst, not a per-command latency: no command waits for another here).
- *raw* (raw.ts): same server, same run, before ours: ${CONCURRENT_CLIENTS} clients, plain \`workflow.start\` of a workflow that
  completes at once (${'`'}min(N, 1000)${'`'} starts), and update-with-start + 2 Updates of a no-op workflow (${RAW_ITEMS} items). Goal of issue 10:
  the bulk path ≥ 70 % of raw plain starts.
- *first tasks done*: the answer comes once every start is made; each new workflow's first task (it sets the item's
  timers: no activity) runs in the worker meanwhile and after — done when the last 20 items' workflows have run it.
- CPU: each process's CPU seconds from the request until the first tasks were done (PostgreSQL: the postmaster and its backends); peak RSS: VmHWM
  (PostgreSQL: the postmaster only). The lag: the age of the oldest event not yet in the list read model, sampled every 500 ms.
- CPU ms per item — ${perItem}.${
      loadAtStart[0] > cpus.length
        ? `
- The load average was above the number of cores: other processes competed for them throughout; the absolute rates are low and noisy.`
        : ''
    }

\`\`\`sh
npm run bench -- --burst 1000     # CI-sized
npm run bench -- --burst 10000    # the recorded run (the import takes up to 10,000 rows per spreadsheet)
\`\`\`
${sectionEnd('BURST')}`;
    process.stdout.write(`\n${section}\n`);
    const out = path.join(ROOT, 'docs', 'benchmarks.md');
    writeSection(out, 'BURST', section);
    log(`wrote ${path.relative(ROOT, out)}`);
    return 0;
  } finally {
    for (const fn of cleanups.reverse()) await fn().catch((e: Error) => log(`cleanup: ${e.message}`));
    await pg.stop();
  }
}
