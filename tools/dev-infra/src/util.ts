/**
 * Small process / file / network helpers shared by the PostgreSQL and Temporal provisioning.
 * Only Node built-ins here, so the module loads fast and anywhere.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';

export type Profile = 'dev' | 'test';
export type Log = (line: string) => void;

export const defaultLog: Log = (line) => process.stderr.write(`[dev-infra] ${line}\n`);

let cachedRoot: string | undefined;

/** The repository root: the nearest directory above this file (or the cwd) holding nx.json. */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'nx.json'))) return (cachedRoot = dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`nx.json not found above ${__dirname} or ${process.cwd()}: cannot locate the repository root`);
}

/** `<repo>/.data`, created world-traversable (the embedded PostgreSQL may run as another user). */
export function dataDir(): string {
  const dir = path.join(repoRoot(), '.data');
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

export function parseProfile(p: string | undefined): Profile {
  if (p === undefined || p === 'dev') return 'dev';
  if (p === 'test') return 'test';
  throw new Error(`unknown profile '${p}' (expected dev or test)`);
}

export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${name}=${raw} is not a valid port`);
  return n;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True when something accepts TCP connections on host:port. */
/** A TCP port free on 127.0.0.1 right now (the OS picks it), for a server a test or benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie (exited, never reaped — common in containers whose pid 1 does not reap) is gone too.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

/** The command line of a live process (Linux /proc), or undefined when unknown. */
export function processCommand(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** The last `lines` lines of a text file ('' when it does not exist). */
export function tailFile(file: string, lines = 40): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const len = Math.min(size, 64 * 1024);
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, size - len);
      return buf.toString('utf8').split(/\r?\n/).slice(-lines - 1).join('\n').trimEnd();
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** Keeps the last `max` lines written to it. */
export class LineBuffer {
  private lines: string[] = [];
  constructor(private readonly max = 60) {}
  push(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

/** Resolves when the child has exited (at once if it already has). */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.removeListener('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Signals the child, waits, and escalates to SIGKILL after `graceMs`. */
export async function terminate(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (await waitForExit(child, graceMs)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

/**
 * A cross-process lock (an exclusive file holding the owner's pid), so two processes provisioning
 * the same profile at once (two jest runs, `npm start` twice) do not race on initdb or on a port.
 * A lock whose owner has died is taken over.
 */
export async function withLock<T>(name: string, fn: () => Promise<T>, log: Log, timeoutMs = 15 * 60_000): Promise<T> {
  const file = path.join(dataDir(), `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(file, 'utf8').trim());
      } catch {
        continue; // removed meanwhile
      }
      if (owner === process.pid) {
        throw new Error(`dev-infra: lock ${file} is already held by this process (re-entrant call)`);
      }
      if (!pidAlive(owner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`dev-infra: timed out waiting for ${file} (held by pid ${owner})`);
      if (!announced) {
        log(`waiting for another process (pid ${owner}) that is provisioning ${name}…`);
        announced = true;
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  }
}

/** Children started by this process, killed synchronously if the process exits without stopping them. */
const orphans = new Set<ChildProcess>();
let exitHookInstalled = false;

export function killOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of orphans) {
        if (c.exitCode === null && c.signalCode === null) {
          try {
            c.kill((c as ChildProcess & { __exitSignal?: NodeJS.Signals }).__exitSignal ?? 'SIGTERM');
          } catch {
            /* ignore */
          }
        }
      }
    });
  }
  (child as ChildProcess & { __exitSignal?: NodeJS.Signals }).__exitSignal = signal;
  orphans.add(child);
  child.once('exit', () => orphans.delete(child));
  return () => orphans.delete(child);
}

/*
 * Leases: several processes may share one dev server (a jest run reusing the server `npm test`
 * started, two engineers' runs in one checkout). Each user holds a lease file
 * `.data/<name>.leases/<pid>`; the process that started the server stops it only when no other
 * live process holds a lease, otherwise it leaves the server running for them (the next run
 * reuses it). Leases of dead processes are ignored and pruned.
 */
const heldLeases = new Map<string, number>();

function leaseDir(name: string): string {
  const dir = path.join(dataDir(), `${name}.leases`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function acquireLease(name: string): void {
  heldLeases.set(name, (heldLeases.get(name) ?? 0) + 1);
  fs.writeFileSync(path.join(leaseDir(name), String(process.pid)), `${process.pid}\n`);
}

/** Drops one of this process's leases; returns the pids that still use the server. */
export function releaseLease(name: string): number[] {
  const left = (heldLeases.get(name) ?? 0) - 1;
  if (left > 0) {
    heldLeases.set(name, left);
    return [process.pid];
  }
  heldLeases.delete(name);
  const dir = leaseDir(name);
  fs.rmSync(path.join(dir, String(process.pid)), { force: true });
  const others: number[] = [];
  for (const entry of fs.readdirSync(dir)) {
    const pid = Number(entry);
    if (pidAlive(pid)) others.push(pid);
    else fs.rmSync(path.join(dir, entry), { force: true });
  }
  return others;
}

/*
 * Ownership: the process that starts a server records `.data/<name>.owner` ({ owner, server }).
 * When it hands the server over (other users left), it clears `owner`. The last user to let go
 * of a server whose owner is gone stops it, so a handed-over server does not run forever. Only
 * servers with such a record (started by this module) are ever stopped by a non-owner.
 */
interface OwnerRecord {
  owner: number | null;
  server: number;
}

function ownerFile(name: string): string {
  return path.join(dataDir(), `${name}.owner`);
}

export function recordOwner(name: string, serverPid: number | undefined): void {
  if (!serverPid) return;
  const rec: OwnerRecord = { owner: process.pid, server: serverPid };
  fs.writeFileSync(ownerFile(name), JSON.stringify(rec));
}

export function markHandedOver(name: string): void {
  try {
    const rec = JSON.parse(fs.readFileSync(ownerFile(name), 'utf8')) as OwnerRecord;
    rec.owner = null;
    fs.writeFileSync(ownerFile(name), JSON.stringify(rec));
  } catch {
    /* no record */
  }
}

export function clearOwner(name: string): void {
  fs.rmSync(ownerFile(name), { force: true });
}

/** Stops the server of `name` if its owner has gone (call when no other lease holder is left). */
export async function stopIfAbandoned(name: string, command: RegExp, signal: NodeJS.Signals, log: Log): Promise<void> {
  let rec: OwnerRecord;
  try {
    rec = JSON.parse(fs.readFileSync(ownerFile(name), 'utf8')) as OwnerRecord;
  } catch {
    return;
  }
  if (rec.owner !== null && pidAlive(rec.owner)) return; // its owner will stop it
  const cmd = processCommand(rec.server);
  if (!pidAlive(rec.server) || (cmd !== undefined && !command.test(cmd))) {
    clearOwner(name);
    return;
  }
  log(`stopping ${name} (pid ${rec.server}), left running by an earlier process and no longer used`);
  try {
    process.kill(rec.server, signal);
  } catch {
    /* gone */
  }
  const deadline = Date.now() + 20_000;
  while (pidAlive(rec.server) && Date.now() < deadline) await sleep(100);
  if (pidAlive(rec.server)) {
    try {
      process.kill(rec.server, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  clearOwner(name);
}
