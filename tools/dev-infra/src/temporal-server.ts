/**
 * The real Temporal server (`TEMPORAL_MODE=server`): Temporal Server 1.29.1 — the version
 * docker-compose.yml runs — on the project's PostgreSQL, as a production cluster runs it, in one
 * process with all four services (frontend, history, matching, worker).
 *
 *   - `temporal-server` and `temporal-sql-tool` are built with `go install` into `.tools/bin`
 *     (pinned and cached like the CLI); the module's PostgreSQL schemas are copied beside them
 *     (`.tools/temporal-server-<version>/schema`), so a cleaned Go module cache does not matter.
 *   - `temporal-sql-tool` creates the two databases and migrates them (`setup-schema` once,
 *     `update-schema` always), as the compose file's temporal-schema service does.
 *   - The config kept in the repo (tools/dev-infra/temporal-server/config.yaml) is rendered with
 *     this instance's ports and database into `.data/<name>/config/server.yaml`; the dynamic config
 *     (temporal-server/dynamicconfig.yaml) is used as it is.
 *   - Once the frontend answers, the `default` namespace is registered (idempotent).
 *
 * An instance occupies SERVER_PORT_SPAN consecutive ports from its base port (see PORT_OFFSETS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import pg from 'pg';
import { buildOnce, goInstall, hasWantedVersion, run } from './go';
import type { TemporalHandle } from './temporal';
import {
  acquireLease,
  clearOwner,
  dataDir,
  defaultLog,
  isPortOpen,
  killOnExit,
  type Log,
  markHandedOver,
  type Profile,
  recordOwner,
  releaseLease,
  repoRoot,
  sleep,
  stopIfAbandoned,
  tailFile,
  terminate,
  withLock,
} from './util';

export const TEMPORAL_SERVER_VERSION = '1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
const NAMESPACE = 'default';
/** Retention of closed workflows in the `default` namespace, as docker-compose.yml registers it. */
const RETENTION = '720h';
const READY_TIMEOUT_MS = 180_000;

export type TemporalMode = 'dev' | 'server';

export function temporalMode(raw: string | undefined = process.env.TEMPORAL_MODE): TemporalMode {
  if (raw === undefined || raw === '' || raw === 'dev') return 'dev';
  if (raw === 'server') return 'server';
  throw new Error(`TEMPORAL_MODE=${raw}: expected dev (the CLI dev server, default) or server (the real Temporal server on PostgreSQL)`);
}

/**
 * Base ports of the profiles: clear of the dev server's (dev 7233, test 7243, their UIs at +1000)
 * and of each other (each instance takes SERVER_PORT_SPAN ports).
 */
export const SERVER_BASE_PORTS: Record<Profile, number> = { dev: 7253, test: 7273 };
export const PORT_OFFSETS = {
  FRONTEND_PORT: 0,
  FRONTEND_HTTP_PORT: 1,
  HISTORY_PORT: 2,
  MATCHING_PORT: 3,
  WORKER_PORT: 4,
  FRONTEND_MEMBERSHIP_PORT: 5,
  HISTORY_MEMBERSHIP_PORT: 6,
  MATCHING_MEMBERSHIP_PORT: 7,
  WORKER_MEMBERSHIP_PORT: 8,
  METRICS_PORT: 9,
} as const;
export const SERVER_PORT_SPAN = 10;

/** The databases of a profile's server: `temporal` / `temporal_visibility` as in docker-compose.yml. */
export function serverDatabases(profile: Profile): { database: string; visibilityDatabase: string } {
  return profile === 'dev'
    ? { database: 'temporal', visibilityDatabase: 'temporal_visibility' }
    : { database: `temporal_${profile}`, visibilityDatabase: `temporal_visibility_${profile}` };
}

// ---- binaries ----------------------------------------------------------------------------------

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** `…/schema/postgresql/v12`, holding `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
}

function binaries(): TemporalServerBinaries {
  const tools = path.join(repoRoot(), '.tools');
  return {
    server: path.join(tools, 'bin', 'temporal-server'),
    sqlTool: path.join(tools, 'bin', 'temporal-sql-tool'),
    schemaDir: path.join(tools, `temporal-server-${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12'),
  };
}

function installed(b: TemporalServerBinaries): boolean {
  return (
    fs.existsSync(path.join(b.schemaDir, 'temporal', 'versioned')) &&
    fs.existsSync(path.join(b.schemaDir, 'visibility', 'versioned')) &&
    hasWantedVersion(b.server, SERVER_MODULE, TEMPORAL_SERVER_VERSION) &&
    hasWantedVersion(b.sqlTool, SERVER_MODULE, TEMPORAL_SERVER_VERSION)
  );
}

/** Copies a tree with fresh, writable modes (the Go module cache's files are read-only). */
function copyTree(src: string, dst: string): void {
  fs.mkdirSync(dst, { recursive: true });
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, entry.name);
    const d = path.join(dst, entry.name);
    if (entry.isDirectory()) copyTree(s, d);
    else if (entry.isFile()) fs.writeFileSync(d, fs.readFileSync(s));
  }
}

const buildBinaries = buildOnce('temporal-server-build', 45 * 60_000, (log) => buildIfNeeded(log));

/**
 * Makes sure `.tools/bin/temporal-server` and `.tools/bin/temporal-sql-tool` are v1.29.1 and the
 * PostgreSQL schemas are beside them, building them if needed (the first build takes minutes).
 */
export function ensureTemporalServerBinaries(log: Log = defaultLog): Promise<TemporalServerBinaries> {
  return buildBinaries(log);
}

async function buildIfNeeded(log: Log): Promise<TemporalServerBinaries> {
  const b = binaries();
  if (installed(b)) return b;
  // `go install` names the binaries after their package folders (server, sql): build into a folder
  // of our own, then move them into .tools/bin under the names docker images give them.
  const gobin = path.join(repoRoot(), '.tools', `build-temporal-server-${process.pid}`);
  fs.rmSync(gobin, { recursive: true, force: true });
  try {
    const v = `@v${TEMPORAL_SERVER_VERSION}`;
    await goInstall(
      [`${SERVER_MODULE}/cmd/server${v}`, `${SERVER_MODULE}/cmd/tools/sql${v}`],
      gobin,
      `Temporal Server v${TEMPORAL_SERVER_VERSION} + temporal-sql-tool`,
      'temporal-server',
      log,
    );
    fs.mkdirSync(path.dirname(b.server), { recursive: true });
    for (const [built, target] of [
      ['server', b.server],
      ['sql', b.sqlTool],
    ] as const) {
      const from = path.join(gobin, built);
      if (!fs.existsSync(from)) throw new Error(`'go install' did not produce ${from}`);
      fs.rmSync(target, { force: true });
      fs.renameSync(from, target);
      fs.writeFileSync(`${target}.version`, `${TEMPORAL_SERVER_VERSION}\n`);
    }
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
  // The schemas ship in the module, which `go install` has just put into the module cache.
  const modcache = run('go', ['env', 'GOMODCACHE']).out.trim();
  const src = path.join(modcache, `${SERVER_MODULE}@v${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  if (!fs.existsSync(src)) throw new Error(`the module's PostgreSQL schemas are not at ${src}`);
  fs.rmSync(path.dirname(path.dirname(b.schemaDir)), { recursive: true, force: true });
  copyTree(src, b.schemaDir);
  if (!installed(b)) throw new Error(`Temporal Server v${TEMPORAL_SERVER_VERSION} was built but does not report that version`);
  return b;
}

// ---- databases ---------------------------------------------------------------------------------

interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

function pgTarget(databaseUrl: string): PgTarget {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
  };
}

function urlOf(t: PgTarget, database: string): string {
  return `postgres://${encodeURIComponent(t.user)}:${encodeURIComponent(t.password)}@${t.host}:${t.port}/${encodeURIComponent(database)}`;
}

function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} ${args.join(' ')} failed (exit ${code}):\n${out.split('\n').slice(-20).join('\n')}`));
    });
  });
}

async function hasSchemaVersionTable(t: PgTarget, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlOf(t, database) });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query(`select to_regclass('public.schema_version') is not null as present`);
    return rows[0].present === true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops a server's two databases (a test's own server, once it has stopped). */
export async function dropTemporalDatabases(
  databaseUrl: string,
  dbs: { database: string; visibilityDatabase: string },
): Promise<void> {
  await dropDatabases(pgTarget(databaseUrl), [dbs.database, dbs.visibilityDatabase]);
}

async function dropDatabases(t: PgTarget, names: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(t, 'postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const n of names) await client.query(`drop database if exists ${client.escapeIdentifier(n)} with (force)`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates and migrates Temporal's two databases with temporal-sql-tool, as the compose file's
 * temporal-schema service does: `create` (a no-op when it exists), `setup-schema -v 0.0` on a
 * database that has no schema yet, then `update-schema` to the version this server needs.
 */
export async function migrateTemporalDatabases(
  databaseUrl: string,
  dbs: { database: string; visibilityDatabase: string },
  log: Log = defaultLog,
): Promise<void> {
  const { sqlTool, schemaDir } = await ensureTemporalServerBinaries(log);
  const t = pgTarget(databaseUrl);
  const env = { SQL_PASSWORD: t.password };
  for (const [db, dir] of [
    [dbs.database, 'temporal'],
    [dbs.visibilityDatabase, 'visibility'],
  ] as const) {
    const common = ['--plugin', 'postgres12', '--ep', t.host, '-p', String(t.port), '-u', t.user, '--db', db];
    await runTool(sqlTool, [...common, 'create', '--defaultdb', 'postgres'], env);
    if (!(await hasSchemaVersionTable(t, db))) await runTool(sqlTool, [...common, 'setup-schema', '-v', '0.0'], env);
    await runTool(sqlTool, [...common, 'update-schema', '-d', path.join(schemaDir, dir, 'versioned')], env);
  }
}

// ---- config ------------------------------------------------------------------------------------

const TEMPLATE_DIR = path.join(__dirname, '..', 'temporal-server');

/** The repo's config.yaml with this instance's values filled in (every ${NAME} must be known). */
export function renderServerConfig(values: Record<string, string | number>): string {
  const template = fs.readFileSync(path.join(TEMPLATE_DIR, 'config.yaml'), 'utf8');
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`temporal-server/config.yaml: no value for \${${name}}`);
    // Quoted YAML strings: escape what would end or break them.
    return String(values[name]).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  });
}

export function serverPorts(basePort: number): Record<keyof typeof PORT_OFFSETS, number> {
  const out = {} as Record<keyof typeof PORT_OFFSETS, number>;
  for (const [k, off] of Object.entries(PORT_OFFSETS)) out[k as keyof typeof PORT_OFFSETS] = basePort + off;
  return out;
}

/**
 * A base port whose SERVER_PORT_SPAN ports are all free, for a server of a test's own: picked at
 * random below Linux's ephemeral range (32768+), so neither a profile's fixed ports nor the
 * ports the OS hands out to outgoing connections get in the way.
 */
export async function freeBasePort(tries = 50): Promise<number> {
  for (let i = 0; i < tries; i++) {
    const base = 20_000 + SERVER_PORT_SPAN * Math.floor(Math.random() * 1_200);
    let free = true;
    for (let p = base; p < base + SERVER_PORT_SPAN && free; p++) free = !(await isPortOpen(p, '127.0.0.1', 300));
    if (free) return base;
  }
  throw new Error(`no block of ${SERVER_PORT_SPAN} free ports found between 20000 and 32000`);
}

// ---- readiness ---------------------------------------------------------------------------------

/**
 * Registers the namespace (idempotent) and waits until the frontend serves it: a fresh
 * registration reaches the frontend's namespace cache only at its next refresh.
 */
async function ensureNamespace(address: string, deadline: number): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    for (;;) {
      try {
        await connection.workflowService.registerNamespace({
          namespace: NAMESPACE,
          workflowExecutionRetentionPeriod: msToTs(RETENTION),
        });
      } catch (e) {
        if ((e as { code?: number }).code !== 6 /* ALREADY_EXISTS */) throw e;
      }
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace: NAMESPACE, pageSize: 1 });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
      await sleep(500);
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** True when a Temporal frontend answers on `address` and serves the default namespace. */
async function serverReady(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 3_000 });
    await connection.workflowService.listWorkflowExecutions({ namespace: NAMESPACE, pageSize: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

// ---- start -------------------------------------------------------------------------------------

export interface TemporalServerOptions {
  /** Names the instance: its lock, lease, log (`.data/<name>.log`) and rendered config (`.data/<name>/`). */
  name: string;
  /** First of SERVER_PORT_SPAN consecutive ports (frontend gRPC = basePort). */
  basePort: number;
  /** Any URL of the PostgreSQL server to keep the databases in (its credentials, host and port count). */
  databaseUrl: string;
  database: string;
  visibilityDatabase: string;
  /** Drop both databases first (only when this call starts the server, never under a running one). */
  fresh?: boolean;
  log?: Log;
}

export interface TemporalServerHandle extends TemporalHandle {
  /** The server's Prometheus endpoint. */
  metricsUrl: string;
}

/**
 * Starts the real Temporal server (or reuses the one already answering on `basePort`), with its
 * databases created and migrated and the `default` namespace registered.
 */
export async function startTemporalServer(opts: TemporalServerOptions): Promise<TemporalServerHandle> {
  const log = opts.log ?? defaultLog;
  const ports = serverPorts(opts.basePort);
  const address = `127.0.0.1:${ports.FRONTEND_PORT}`;
  const metricsUrl = `http://127.0.0.1:${ports.METRICS_PORT}/metrics`;
  const name = opts.name;
  const bins = await ensureTemporalServerBinaries(log);

  return withLock(
    name,
    async () => {
      if (await isPortOpen(ports.FRONTEND_PORT)) {
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          if (await serverReady(address)) {
            acquireLease(name);
            log(`Temporal server already running on ${address}, reusing it`);
            let released: Promise<void> | undefined;
            const stop = () =>
              (released ??= withLock(name, async () => {
                if (releaseLease(name).length === 0) await stopIfAbandoned(name, /temporal-server/, 'SIGTERM', log);
              }, log));
            return { address, metricsUrl, stop, started: false };
          }
          await sleep(500);
        }
        throw new Error(
          `端口 ${ports.FRONTEND_PORT} 已被占用 / port ${ports.FRONTEND_PORT} is taken by something that is not a Temporal server. ` +
            `Set TEMPORAL_PORT to another base port (the server takes ${SERVER_PORT_SPAN} from it) or TEMPORAL_ADDRESS to a server.`,
        );
      }
      for (const [k, port] of Object.entries(ports)) {
        if (await isPortOpen(port)) {
          throw new Error(
            `端口 ${port} 已被占用 / port ${port} (${k}) is taken; the Temporal server needs ${opts.basePort}–${opts.basePort + SERVER_PORT_SPAN - 1}. ` +
              `Set TEMPORAL_PORT to another base port.`,
          );
        }
      }

      const t0 = Date.now();
      const pgt = pgTarget(opts.databaseUrl);
      if (opts.fresh) await dropDatabases(pgt, [opts.database, opts.visibilityDatabase]);
      log(`migrating Temporal's databases ${opts.database}, ${opts.visibilityDatabase} on ${pgt.host}:${pgt.port} (temporal-sql-tool)`);
      await migrateTemporalDatabases(opts.databaseUrl, opts, log);

      const root = path.join(dataDir(), name);
      fs.mkdirSync(path.join(root, 'config'), { recursive: true });
      const configFile = path.join(root, 'config', 'server.yaml');
      fs.writeFileSync(
        configFile,
        renderServerConfig({
          ...ports,
          DB: opts.database,
          VISIBILITY_DB: opts.visibilityDatabase,
          PG_HOST: pgt.host,
          PG_PORT: pgt.port,
          PG_USER: pgt.user,
          PG_PASSWORD: pgt.password,
          DYNAMIC_CONFIG: path.join(TEMPLATE_DIR, 'dynamicconfig.yaml'),
        }),
        { mode: 0o600 }, // it holds the database password
      );

      const logFile = path.join(dataDir(), `${name}.log`);
      const args = ['--root', root, '--config', 'config', '--env', 'server', '--allow-no-auth', 'start'];
      log(`starting Temporal Server ${TEMPORAL_SERVER_VERSION} on ${address} (PostgreSQL ${pgt.host}:${pgt.port}/${opts.database}, log: ${path.relative(process.cwd(), logFile) || logFile})`);
      const out = fs.openSync(logFile, 'a');
      fs.writeSync(out, `\n=== ${new Date().toISOString()} pid ${process.pid}: ${bins.server} ${args.join(' ')}\n`);
      const child = spawn(bins.server, args, { stdio: ['ignore', out, out], env: { ...process.env, NO_COLOR: '1' } });
      fs.closeSync(out);
      const forget = killOnExit(child, 'SIGTERM');
      let spawnError: Error | undefined;
      child.once('error', (e) => (spawnError = e));
      const failed = async (why: string) => {
        forget();
        await terminate(child, 'SIGTERM', 5_000);
        return new Error(`Temporal server ${why}\n--- ${logFile} (tail) ---\n${tailFile(logFile, 30)}`);
      };

      const deadline = Date.now() + READY_TIMEOUT_MS;
      for (;;) {
        if (spawnError || child.exitCode !== null || child.signalCode !== null) {
          throw await failed(`exited during start (${spawnError?.message ?? `code ${child.exitCode ?? child.signalCode}`})`);
        }
        if (await isPortOpen(ports.FRONTEND_PORT, '127.0.0.1', 500)) {
          try {
            await ensureNamespace(address, deadline);
            break;
          } catch (e) {
            if (Date.now() > deadline) throw await failed(`did not serve namespace ${NAMESPACE}: ${(e as Error).message}`);
          }
        }
        if (Date.now() > deadline) throw await failed(`not ready on ${address} after ${READY_TIMEOUT_MS / 1000}s`);
        await sleep(300);
      }

      acquireLease(name);
      recordOwner(name, child.pid);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= withLock(name, async () => {
          forget();
          const users = releaseLease(name);
          if (users.length && child.exitCode === null && child.signalCode === null) {
            log(`Temporal server on ${address} is still used by pid ${users.join(', ')}: leaving it running`);
            markHandedOver(name);
            child.unref();
            return;
          }
          await terminate(child, 'SIGTERM', 20_000);
          clearOwner(name);
        }, log));

      log(`Temporal server ready on ${address} in ${((Date.now() - t0) / 1000).toFixed(1)}s (metrics ${metricsUrl})`);
      return { address, metricsUrl, stop, child, started: true };
    },
    log,
  );
}
