/**
 * The real system for the end-to-end part of the benchmark, started the way tests/src/stack.ts
 * starts it for the e2e tests: on a fresh database, the worker (which migrates) and then the API as
 * child processes (`node -r @swc-node/register apps/…/main.ts`) on a task queue of their own.
 *
 * Unlike the tests' stack it takes the database and the Temporal address as arguments (no jest
 * global setup here; the caller creates and drops the database), exposes the children's pids (the
 * benchmark reads their RSS) and stops the children with SIGKILL after a grace period, so an
 * interrupt never leaves one behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { freePort } from '@jyta/dev-infra';
import * as path from 'node:path';
import type { FreshDatabase } from '@jyta/db/src/testing';
import { killOnExit, terminate } from '@jyta/dev-infra/src/util';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface BenchStack {
  baseUrl: string;
  taskQueue: string;
  apiPid: number;
  workerPid: number;
  /** Seconds from spawning the worker until it polls, and from spawning the API until /api/health answers. */
  startup: { workerSeconds: number; apiSeconds: number };
  /** SIGTERM both children (SIGKILL after a grace period). Idempotent. */
  stop(): Promise<void>;
}

interface Launched {
  name: string;
  child: ChildProcess;
  output: string[];
}


function launch(name: string, entry: string, env: Record<string, string>): Launched {
  const output: string[] = [];
  // BENCH_CPU_PROF=<dir>: each thread of each child (the worker's workflow thread too) writes a V8 CPU profile there
  // when it exits, under Node's own name (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: a fixed name would have
  // the threads overwrite each other); <name>.<pid> says which process a pid was. See the PROFILE section of docs/benchmarks.md.
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (profileDir && child.pid) {
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `${name}.${child.pid}`), '');
  }
  // Should this process die without its cleanup (an uncaught error), the children go with it.
  killOnExit(child, 'SIGKILL');
  const keep = (b: Buffer) => {
    output.push(...b.toString().split('\n').filter(Boolean));
    if (output.length > 400) output.splice(0, output.length - 400);
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${b}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, child, output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (l: Launched) => l.output.slice(-40).join('\n');

async function waitUntil(l: Launched, ready: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (l.child.exitCode !== null || l.child.signalCode !== null) {
      throw new Error(`${l.name} exited (${l.child.exitCode ?? l.child.signalCode}) before ${what}:\n${tail(l)}`);
    }
    if (await ready()) return;
    await sleep(200);
  }
  throw new Error(`${l.name}: not ${what} after ${timeoutMs} ms:\n${tail(l)}`);
}

export async function startBenchStack(opts: {
  /** An empty database (the worker migrates it). */
  database: FreshDatabase;
  temporalAddress: string;
  env?: Record<string, string>;
  /** Gets `stop` before anything is spawned, so an interrupt during the start still stops what runs. */
  onStop?: (stop: () => Promise<void>) => void;
}): Promise<BenchStack> {
  const { database } = opts;
  const children: Launched[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // API first (its Temporal calls wait for the worker), then the worker.
      for (const l of [...children].reverse()) await terminate(l.child, 'SIGTERM', 10_000);
    })());
  opts.onStop?.(stop);

  const port = await freePort();
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: opts.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The demo accounts, but no demo items: the benchmark creates its own.
    DEMO_ITEMS: 'false',
    ...opts.env,
  };

  // Worker first: it migrates, so the API and the worker both find the schema.
  let t0 = Date.now();
  const worker = launch('worker', 'apps/worker/src/main.ts', env);
  children.push(worker);
  await waitUntil(worker, () => worker.output.some((l) => l.includes('worker polling')), 'polling');
  const workerSeconds = (Date.now() - t0) / 1000;

  if (stopping) throw new Error('stopped while starting');
  t0 = Date.now();
  const api = launch('api', 'apps/api/src/main.ts', env);
  children.push(api);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(
    api,
    async () => {
      try {
        return (await fetch(`${baseUrl}/api/health`)).ok;
      } catch {
        return false; // not listening yet
      }
    },
    'healthy',
  );
  const apiSeconds = (Date.now() - t0) / 1000;

  return {
    baseUrl,
    taskQueue,
    apiPid: api.child.pid!,
    workerPid: worker.child.pid!,
    startup: { workerSeconds, apiSeconds },
    stop,
  };
}

/** VmRSS and VmHWM (peak) of a live process in bytes, from /proc/<pid>/status (Linux). */
export function processMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the project runs on

/** utime + stime of /proc/<pid>/stat in clock ticks, and the parent pid; undefined when gone or without /proc. */
function statOf(pid: number): { ticks: number; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system, all threads) a process has used so far, in seconds; with `children`,
 * plus that of its live child processes (PostgreSQL's backends are children of the postmaster).
 * Undefined when the process is gone or there is no /proc.
 */
export function cpuSeconds(pid: number, children = false): number | undefined {
  const own = statOf(pid);
  if (!own) return undefined;
  let ticks = own.ticks;
  if (children) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = statOf(Number(entry));
      if (s?.ppid === pid) ticks += s.ticks;
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}
