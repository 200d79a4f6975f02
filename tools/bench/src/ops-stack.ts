/**
 * The set-up the timer and memory benchmarks share: PostgreSQL (dev-infra, profile test), a Temporal
 * server of this run's own (TEMPORAL_MODE: dev server by default, `server` for 1.29.1 on
 * PostgreSQL), a fresh database and the real API and worker, the worker with its metrics endpoint
 * on (their figures are read from the same instruments operators scrape: /api/metrics and the
 * worker's /metrics), and a way to create items through HTTP with N clients.
 */
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import { freePort } from '@jyta/dev-infra';
import type { Pool } from 'pg';
import { createPool } from '@jyta/db';
import { createFreshDatabase } from '@jyta/db/src/testing';
import { ensurePostgres, ensureTemporal } from '@jyta/dev-infra';
import { freeBasePort, temporalMode } from '@jyta/dev-infra/src/temporal-server';
import { temporalServerVersion, terminateWorkflows } from './e2e';
import { startBenchStack, type BenchStack } from './stack';

export interface OpsStack {
  stack: BenchStack;
  pool: Pool;
  temporalAddress: string;
  temporalLabel: string;
  workerMetricsUrl: string;
  created: string[];
  log: (line: string) => void;
}


/** Runs `fn` on a stack of its own and cleans up after it (also on Ctrl-C). */
export async function withOpsStack<T>(name: string, fn: (s: OpsStack) => Promise<T>, opts: { workerEnv?: Record<string, string> } = {}): Promise<T> {
  const log = (line: string) => process.stderr.write(`[bench ${name}] ${line}\n`);
  delete process.env.TEMPORAL_ADDRESS; // a server of this run's own
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((e: Error) => log(`cleanup: ${e.message}`));
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: cleaning up…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const pg = await ensurePostgres({ profile: 'test', log });
    cleanups.push(() => pg.stop());
    const mode = temporalMode();
    process.env.TEMPORAL_PORT = String(await freeBasePort());
    log(`starting Temporal (TEMPORAL_MODE=${mode}, port ${process.env.TEMPORAL_PORT})…`);
    const temporal = await ensureTemporal({ profile: 'test', mode, databaseUrl: async () => pg.url, log });
    cleanups.push(() => temporal.stop());
    const version = await temporalServerVersion(temporal.address);
    const db = await createFreshDatabase(pg.url, { prefix: `bench_${name}` });
    cleanups.push(() => db.drop());
    const metricsPort = await freePort();
    const stack = await startBenchStack({
      database: db,
      temporalAddress: temporal.address,
      env: { WORKER_METRICS_PORT: String(metricsPort), ...opts.workerEnv },
      onStop: (stop) => cleanups.push(stop),
    });
    const created: string[] = [];
    cleanups.push(async () => {
      if (created.length) await terminateWorkflows(temporal.address, created);
    });
    const pool = createPool(db.url, 4);
    cleanups.push(() => pool.end());
    return await fn({
      stack,
      pool,
      temporalAddress: temporal.address,
      temporalLabel: `${mode === 'dev' ? 'dev server (Temporal CLI, SQLite)' : 'real server (Temporal Server 1.29.1, PostgreSQL)'}, ${version}`,
      workerMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
      created,
      log,
    });
  } finally {
    await cleanup();
  }
}

// ---- HTTP ------------------------------------------------------------------------------------------

export async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'Demo#2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** 5xx answers (with their first body) the benchmark retried, with the same Idempotency-Key. */
export const retried: { count: number; first?: string } = { count: 0 };

/**
 * A command with an Idempotency-Key, retried like a real client on a 5xx (the same key: it never
 * runs twice); anything else but `ok` fails the run.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller reads the fields it needs
export async function post(baseUrl: string, token: string, path: string, body: unknown, ok: number, key = randomUUID()): Promise<any> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 500 && attempt < 5) {
      retried.count++;
      retried.first ??= `${res.status} ${text.slice(0, 300)}`;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      continue;
    }
    if (res.status !== ok) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }
}

const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Registers and assigns `n` items (to 交通局, single) with `clients` concurrent clients; `beforeItem`
 * runs before each registration (e.g. to move the policy's reply period). Resolves with the ids.
 */
export async function registerAndAssign(
  s: OpsStack,
  n: number,
  clients: number,
  opts: { beforeItem?: () => Promise<void>; progress?: (done: number) => void } = {},
): Promise<string[]> {
  const token = await login(s.stack.baseUrl, 'office');
  const ids: string[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) {
        const i = next++;
        await opts.beforeItem?.();
        const reg = await post(
          s.stack.baseUrl,
          token,
          '/api/proposals',
          {
            kind: 'npc_suggestion',
            level: 'municipal',
            sessionYear: 2026,
            period: 'plenary',
            title: `关于规模测试第${i + 1}件的建议`,
            content: '用于测量定时器与内存的规模表现。',
            proposers: [{ name: '测试代表甲', username: 'deputy-1' }],
          },
          201,
        );
        s.created.push(reg.id);
        await post(s.stack.baseUrl, token, `/api/proposals/${reg.id}/assignment`, { mode: 'single', leadUnitIds: ['jtj'], assignedOn: shanghaiDay() }, 200);
        ids.push(reg.id);
        opts.progress?.(++done);
      }
    }),
  );
  return ids;
}

const UNITS = ['rsj', 'jyj', 'wjw', 'jtj', 'cjj'];
const KINDS = ['人大代表建议', '政协委员提案', '政协建议案'];
const HEADER = ['类别', '级别', '届次年份', '提出时间', '标题', '内容', '提出人', '联系电话'];

/** The spreadsheet (CSV) of `n` items and the assignment of every row, as the import takes them. */
export function burstRequest(n: number, tag: string): { csv: Buffer; assignment: string } {
  const rows = Array.from({ length: n }, (_, i) => [KINDS[i % 3], '本级', '2026', '会议期间', `关于第 ${i + 1} 件事项的建议（${tag}）`, `第 ${i + 1} 件的正文。`, `代表${i}`, `138${String(i).padStart(8, '0')}`]);
  const csv = Buffer.from('\ufeff' + [HEADER, ...rows].map((r) => r.join(',')).join('\r\n'), 'utf8');
  const assignment = JSON.stringify({
    assignedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    items: rows.map((_, i) => ({ row: i + 2, mode: 'single', leadUnitIds: [UNITS[i % UNITS.length]] })),
  });
  return { csv, assignment };
}

/** Imports `n` items in one spreadsheet, each assigned in the same request (the bulk path); resolves with their ids. */
export async function importAndAssign(s: OpsStack, n: number, tag: string): Promise<string[]> {
  const token = await login(s.stack.baseUrl, 'office');
  const { csv, assignment } = burstRequest(n, tag);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(csv)]), `${tag}.csv`);
  form.append('assignment', assignment);
  const res = await fetch(`${s.stack.baseUrl}/api/proposals/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: form,
  });
  const body = (await res.json()) as { items?: { id: string }[]; message?: string };
  if (res.status !== 201) throw new Error(`import of ${n}: ${res.status} ${body.message}`);
  const ids = body.items!.map((i) => i.id);
  s.created.push(...ids);
  return ids;
}

// ---- Prometheus text ---------------------------------------------------------------------------------

export async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

/** The sum of every series of `name` whose labels contain each of `match` (e.g. `event="ReplyDeadlinePassed"`). */
export function metric(text: string, name: string, ...match: string[]): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (!match.every((m) => rest.includes(m))) continue;
    sum = (sum ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
export const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
