/**
 * A Temporal server for development and tests: `TEMPORAL_ADDRESS` when it is set, else by
 * `TEMPORAL_MODE`: `dev` (the default) the Temporal CLI's dev server (`temporal server start-dev`,
 * SQLite in `<repo>/.data`), `server` the real Temporal server on the project's PostgreSQL
 * (./temporal-server.ts). The binaries are built from source with `go install` into
 * `<repo>/.tools/bin` the first time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
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
  type Log,
  parseProfile,
  portFromEnv,
  type Profile,
  releaseLease,
  repoRoot,
  sleep,
  tailFile,
  terminate,
  withLock,
} from './util';
import { buildOnce, goInstall, hasWantedVersion } from './go';
import { serverDatabases, SERVER_BASE_PORTS, startTemporalServer, temporalMode, type TemporalMode } from './temporal-server';

export const TEMPORAL_CLI_VERSION = '1.5.1';
const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli';
const PORTS: Record<Profile, number> = { dev: 7233, test: 7243 };
const NAMESPACE = 'default';
const READY_TIMEOUT_MS = 60_000;

export interface TemporalHandle {
  /** host:port of the frontend gRPC service. */
  address: string;
  /** The Web UI (only known for the dev server this module manages). */
  uiUrl?: string;
  /** Stops the dev server if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
  /** The dev server process, when this call started it. */
  child?: ChildProcess;
  started: boolean;
}

export interface TemporalOptions {
  profile?: Profile;
  log?: Log;
  /** `dev` or `server`; default `TEMPORAL_MODE`, else `dev`. */
  mode?: TemporalMode;
  /**
   * The PostgreSQL the real server keeps its databases in (mode `server` only; asked for only
   * then, so a caller can hand over its own ensurePostgres() without waiting for it in dev mode).
   */
  databaseUrl?: () => Promise<string>;
}

// ---- the CLI binary ----------------------------------------------------------------------------

function binaryPath(): string {
  return path.join(repoRoot(), '.tools', 'bin', process.platform === 'win32' ? 'temporal.exe' : 'temporal');
}

const buildCli = buildOnce('temporal-cli', 30 * 60_000, (log) => buildCliIfNeeded(log));

/** Makes sure `<repo>/.tools/bin/temporal` is Temporal CLI v1.5.1 (building it if needed); returns its path. */
export function ensureTemporalCli(log: Log = defaultLog): Promise<string> {
  return buildCli(log);
}

async function buildCliIfNeeded(log: Log): Promise<string> {
  const bin = binaryPath();
  if (hasWantedVersion(bin, TEMPORAL_CLI_MODULE, TEMPORAL_CLI_VERSION)) return bin;
  const pkg = `${TEMPORAL_CLI_MODULE}/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;
  await goInstall([pkg], path.dirname(bin), `Temporal CLI v${TEMPORAL_CLI_VERSION}`, 'temporal-cli', log);
  if (!fs.existsSync(bin)) throw new Error(`'go install ${pkg}' did not produce ${bin}`);
  fs.writeFileSync(`${bin}.version`, `${TEMPORAL_CLI_VERSION}\n`);
  return bin;
}

// ---- readiness -----------------------------------------------------------------------------------

/** True when a Temporal frontend answers on `address` and knows the default namespace. */
export async function temporalReady(address: string, timeoutMs = 5_000): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: timeoutMs });
    await connection.workflowService.describeNamespace({ namespace: NAMESPACE });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

// ---- ensureTemporal ----------------------------------------------------------------------------

export async function ensureTemporal(opts: TemporalOptions = {}): Promise<TemporalHandle> {
  const log = opts.log ?? defaultLog;
  if (process.env.TEMPORAL_ADDRESS) {
    return { address: process.env.TEMPORAL_ADDRESS, stop: async () => undefined, started: false };
  }
  const profile = parseProfile(opts.profile);
  if (temporalMode(opts.mode) === 'server') {
    if (!opts.databaseUrl) throw new Error('TEMPORAL_MODE=server: ensureTemporal needs databaseUrl (the PostgreSQL for its databases)');
    const databaseUrl = await opts.databaseUrl();
    return startTemporalServer({
      name: `temporal-server-${profile}`,
      basePort: portFromEnv('TEMPORAL_PORT', SERVER_BASE_PORTS[profile]),
      databaseUrl,
      ...serverDatabases(profile),
      // Like the dev server's test profile (a new SQLite file per run): tests start from empty databases.
      fresh: profile === 'test',
      log,
    });
  }
  const port = portFromEnv('TEMPORAL_PORT', PORTS[profile]);
  const uiPort = port + 1000;
  const address = `127.0.0.1:${port}`;
  const uiUrl = `http://127.0.0.1:${uiPort}`;

  const name = `temporal-${profile}`;
  return withLock(
    name,
    async () => {
      if (await isPortOpen(port)) {
        // Something listens: a dev server from another process (maybe still starting), or a stranger.
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          if (await temporalReady(address, 3_000)) {
            acquireLease(name);
            log(`Temporal already running on ${address}, reusing it`);
            let released: Promise<void> | undefined;
            const stop = () =>
              (released ??= withLock(name, async () => {
                if (releaseLease(name).length === 0) await stopIfAbandoned(name, /temporal/, 'SIGTERM', log);
              }, log));
            return { address, uiUrl, stop, started: false };
          }
          await sleep(500);
        }
        throw new Error(
          `端口 ${port} 已被占用 / port ${port} is taken by something that is not a Temporal server. ` +
            `Set TEMPORAL_PORT to a free port or TEMPORAL_ADDRESS to a server.`,
        );
      }

      const bin = await ensureTemporalCli(log);
      const db = path.join(dataDir(), `temporal-${profile}.db`);
      const logFile = path.join(dataDir(), `temporal-${profile}.log`);
      if (profile === 'test') {
        for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(f, { force: true });
      }
      const args = [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--ui-port',
        String(uiPort),
        '--db-filename',
        db,
        '--sqlite-pragma',
        'journal_mode=wal',
        '--log-level',
        'warn',
        '--namespace',
        NAMESPACE,
        // The history service hands out timer and task transfers at most 20 times a second by
        // default, so every timer and remote activity waited up to 50 ms (docs/benchmarks.md).
        '--dynamic-config-value',
        'history.transferProcessorMaxPollRPS=1000',
      ];
      log(`starting Temporal dev server on ${address}, UI ${uiUrl} (${profile}, log: ${path.relative(process.cwd(), logFile) || logFile})`);
      const t0 = Date.now();
      const out = fs.openSync(logFile, 'a');
      fs.writeSync(out, `\n=== ${new Date().toISOString()} pid ${process.pid}: ${bin} ${args.join(' ')}\n`);
      const child = spawn(bin, args, { stdio: ['ignore', out, out], env: { ...process.env, NO_COLOR: '1' } });
      fs.closeSync(out);
      const forget = killOnExit(child, 'SIGTERM');
      let spawnError: Error | undefined;
      child.once('error', (e) => (spawnError = e));

      const deadline = Date.now() + READY_TIMEOUT_MS;
      for (;;) {
        if (spawnError || child.exitCode !== null || child.signalCode !== null) {
          forget();
          await sleep(100);
          throw new Error(
            `Temporal dev server exited during start (${spawnError?.message ?? `code ${child.exitCode ?? child.signalCode}`})\n` +
              `--- ${logFile} (tail) ---\n${tailFile(logFile, 30)}`,
          );
        }
        if ((await isPortOpen(port, '127.0.0.1', 500)) && (await temporalReady(address, 3_000))) break;
        if (Date.now() > deadline) {
          forget();
          await terminate(child, 'SIGTERM', 5_000);
          throw new Error(
            `Temporal dev server not ready on ${address} after ${READY_TIMEOUT_MS / 1000}s\n` +
              `--- ${logFile} (tail) ---\n${tailFile(logFile, 30)}`,
          );
        }
        await sleep(200);
      }
      acquireLease(name);
      recordOwner(name, child.pid);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= withLock(name, async () => {
          forget();
          const users = releaseLease(name);
          if (users.length && child.exitCode === null && child.signalCode === null) {
            log(`Temporal on ${address} is still used by pid ${users.join(', ')}: leaving it running`);
            markHandedOver(name);
            child.unref(); // hand it over: do not keep this process alive for it
            return;
          }
          await terminate(child, 'SIGTERM', 15_000);
          clearOwner(name);
        }, log));

      log(`Temporal ready on ${address} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      return { address, uiUrl, stop, child, started: true };
    },
    log,
  );
}
