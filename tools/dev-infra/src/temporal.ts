/**
 * A Temporal server for development and tests: `TEMPORAL_ADDRESS` when it is set, else the
 * Temporal CLI's dev server (`temporal server start-dev`, SQLite in `<repo>/.data`). The CLI is
 * built from source with `go install` into `<repo>/.tools/bin` the first time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
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
}

// ---- the CLI binary ----------------------------------------------------------------------------

function binaryPath(): string {
  return path.join(repoRoot(), '.tools', 'bin', process.platform === 'win32' ? 'temporal.exe' : 'temporal');
}

function run(cmd: string, args: string[]): { ok: boolean; out: string; missing: boolean } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, missing };
}

/**
 * Does the binary report the wanted version? Release builds print it in `--version`; a build from
 * `go install` prints `0.0.0-DEV`, so then ask Go which module version went into it.
 */
function hasWantedVersion(bin: string): boolean {
  const v = run(bin, ['--version']);
  if (!v.ok) return false;
  if (new RegExp(`\\b${TEMPORAL_CLI_VERSION.replace(/\./g, '\\.')}\\b`).test(v.out.split('(')[0])) return true;
  const stamp = `${bin}.version`;
  const m = run('go', ['version', '-m', bin]);
  if (m.ok) {
    const ok = new RegExp(`\\bmod\\s+${TEMPORAL_CLI_MODULE.replace(/[./]/g, '\\$&')}\\s+v${TEMPORAL_CLI_VERSION}\\b`).test(m.out);
    if (ok) fs.writeFileSync(stamp, `${TEMPORAL_CLI_VERSION}\n`);
    return ok;
  }
  // No Go here: trust the stamp written when this binary was built / verified.
  try {
    return (
      fs.readFileSync(stamp, 'utf8').trim() === TEMPORAL_CLI_VERSION && fs.statSync(stamp).mtimeMs >= fs.statSync(bin).mtimeMs
    );
  } catch {
    return false;
  }
}

function goMissingError(detail: string): Error {
  return new Error(
    `需要 Go 1.22+ 才能构建 Temporal 开发服务器（${detail}）。请安装 Go（https://go.dev/dl/），或设置 TEMPORAL_ADDRESS 指向已有的 Temporal 服务。\n` +
      `Go is required to build the Temporal dev server (${detail}). Install Go 1.22+ from https://go.dev/dl/, ` +
      `or set TEMPORAL_ADDRESS to an existing Temporal server.`,
  );
}

let cliPromise: Promise<string> | undefined;

/** Makes sure `<repo>/.tools/bin/temporal` is Temporal CLI v1.5.1 (building it if needed); returns its path. */
export function ensureTemporalCli(log: Log = defaultLog): Promise<string> {
  cliPromise ??= withLock('temporal-cli', () => buildCliIfNeeded(log), log, 30 * 60_000).catch((e) => {
    cliPromise = undefined;
    throw e;
  });
  return cliPromise;
}

async function buildCliIfNeeded(log: Log): Promise<string> {
  const bin = binaryPath();
  if (fs.existsSync(bin) && hasWantedVersion(bin)) return bin;

  const go = run('go', ['version']);
  if (go.missing || !go.ok) throw goMissingError(go.missing ? 'go: command not found' : go.out.trim());
  const m = /go(\d+)\.(\d+)/.exec(go.out);
  if (m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) < 22))) throw goMissingError(go.out.trim());

  const gobin = path.dirname(bin);
  fs.mkdirSync(gobin, { recursive: true });
  const buildLog = path.join(dataDir(), 'temporal-cli-build.log');
  const pkg = `${TEMPORAL_CLI_MODULE}/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;
  log(`正在构建 Temporal CLI v${TEMPORAL_CLI_VERSION}（go install，首次需几分钟）/ building Temporal CLI v${TEMPORAL_CLI_VERSION} with 'go install ${pkg}' (first time: a few minutes)…`);
  const t0 = Date.now();
  const out = fs.openSync(buildLog, 'w');
  const child = spawn('go', ['install', pkg], {
    env: { ...process.env, GOBIN: gobin },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const forget = killOnExit(child, 'SIGTERM');
  const ticker = setInterval(() => log(`  … still building (${Math.round((Date.now() - t0) / 1000)}s)`), 30_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => {
    clearInterval(ticker);
    forget();
  });
  if (code !== 0 || !fs.existsSync(bin)) {
    throw new Error(`'go install ${pkg}' failed (exit ${code}); see ${buildLog}:\n${tailFile(buildLog, 30)}`);
  }
  fs.writeFileSync(`${bin}.version`, `${TEMPORAL_CLI_VERSION}\n`);
  log(`Temporal CLI built in ${Math.round((Date.now() - t0) / 1000)}s: ${bin}`);
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
