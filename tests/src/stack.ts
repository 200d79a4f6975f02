/**
 * Starts the real system for an end-to-end test: a fresh PostgreSQL database, the worker and the
 * API as child processes (so a test can kill the worker), on a task queue of its own so that test
 * files never pick up each other's workflows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@jyta/dev-infra';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createPool } from '@jyta/db';
import { createFreshDatabase } from '@jyta/db/src/testing';
import type { Pool } from 'pg';

const ROOT = path.resolve(__dirname, '../..');

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  taskQueue: string;
  pool: Pool;
  /** The API child process (its pid, e.g. for /proc/<pid>/status) and the lines it printed (most recent `outputLines`). */
  api: { pid: number; output: string[] };
  /** Lines the current worker printed. */
  workerOutput(): string[];
  startWorker(extraEnv?: Record<string, string>): Promise<ChildProcess>;
  killWorker(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}


function launch(name: string, entry: string, env: Record<string, string>, keepLines = 400): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    output.push(...b.toString().split('\n').filter(Boolean));
    if (output.length > keepLines) output.splice(0, output.length - keepLines);
    if (process.env.E2E_VERBOSE) process.stderr.write(`[${name}] ${b}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output };
}

async function waitForHealth(baseUrl: string, api: { child: ChildProcess; output: string[] }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`API exited (${api.child.exitCode}):\n${api.output.slice(-40).join('\n')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API not healthy after ${timeoutMs} ms:\n${api.output.slice(-40).join('\n')}`);
}

/** Waits until the worker says it polls (its Nest log line), or fails with its output. */
async function waitForWorker(w: { child: ChildProcess; output: string[] }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (w.child.exitCode !== null) throw new Error(`worker exited (${w.child.exitCode}):\n${w.output.slice(-40).join('\n')}`);
    if (w.output.some((l) => l.includes('worker polling'))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`worker not ready after ${timeoutMs} ms:\n${w.output.slice(-40).join('\n')}`);
}

export async function startStack(opts: { env?: Record<string, string>; outputLines?: number } = {}): Promise<Stack> {
  const base = process.env.DATABASE_URL;
  const temporal = process.env.TEMPORAL_ADDRESS;
  if (!base || !temporal) throw new Error('DATABASE_URL and TEMPORAL_ADDRESS must be set (the jest global setup provisions them)');
  const db = await createFreshDatabase(base);
  const port = await freePort();
  const taskQueue = `e2e-${randomUUID().slice(0, 8)}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // Demo data stays out of the way: tests build their own, but need the demo accounts.
    DEMO_ITEMS: 'false',
    ...opts.env,
  };
  const pool = createPool(db.url, 4);
  let worker: { child: ChildProcess; output: string[] } | undefined;
  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    worker = launch('worker', 'apps/worker/src/main.ts', { ...env, ...extraEnv }, opts.outputLines);
    await waitForWorker(worker);
    return worker.child;
  };
  const killWorker = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const w = worker;
    if (!w || w.child.exitCode !== null || w.child.signalCode) return;
    const exited = new Promise((r) => w.child.once('exit', r));
    w.child.kill(signal);
    await exited;
  };
  // Worker first: it migrates, so the API and the worker both find the schema.
  await startWorker();
  const api = launch('api', 'apps/api/src/main.ts', env, opts.outputLines);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, api);
  return {
    baseUrl,
    databaseUrl: db.url,
    taskQueue,
    pool,
    api: { pid: api.child.pid!, output: api.output },
    workerOutput: () => worker?.output ?? [],
    startWorker,
    killWorker,
    async stop() {
      const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode ? Promise.resolve() : new Promise((r) => c.once('exit', r)));
      api.child.kill('SIGTERM');
      await killWorker('SIGTERM');
      await exited(api.child);
      await pool.end();
      await db.drop().catch(() => undefined);
    },
  };
}
