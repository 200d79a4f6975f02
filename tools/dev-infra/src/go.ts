/**
 * Building Go tools with `go install` into `<repo>/.tools/bin`, pinned by module version: the
 * Temporal CLI (dev server) and the Temporal server with its SQL schema tool.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { dataDir, killOnExit, type Log, tailFile, withLock } from './util';

export function run(cmd: string, args: string[]): { ok: boolean; out: string; missing: boolean } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, missing };
}

/**
 * Does the binary report the wanted version? Release builds print it in `--version`; a build from
 * `go install` prints `0.0.0-DEV`, so then ask Go which module version went into it.
 */
export function hasWantedVersion(bin: string, module: string, version: string, versionArgs = ['--version']): boolean {
  if (!fs.existsSync(bin)) return false;
  const v = run(bin, versionArgs);
  if (!v.ok) return false;
  if (new RegExp(`\\b${version.replace(/\./g, '\\.')}\\b`).test(v.out.split('(')[0])) return true;
  const stamp = `${bin}.version`;
  const m = run('go', ['version', '-m', bin]);
  if (m.ok) {
    const ok = new RegExp(`\\bmod\\s+${module.replace(/[./]/g, '\\$&')}\\s+v${version}\\b`).test(m.out);
    if (ok) fs.writeFileSync(stamp, `${version}\n`);
    return ok;
  }
  // No Go here: trust the stamp written when this binary was built / verified.
  try {
    return fs.readFileSync(stamp, 'utf8').trim() === version && fs.statSync(stamp).mtimeMs >= fs.statSync(bin).mtimeMs;
  } catch {
    return false;
  }
}

export function goMissingError(detail: string): Error {
  return new Error(
    `需要 Go 1.22+ 才能构建 Temporal（${detail}）。请安装 Go（https://go.dev/dl/），或设置 TEMPORAL_ADDRESS 指向已有的 Temporal 服务。\n` +
      `Go is required to build Temporal (${detail}). Install Go 1.22+ from https://go.dev/dl/, ` +
      `or set TEMPORAL_ADDRESS to an existing Temporal server.`,
  );
}

/**
 * `go install <pkgs>` with GOBIN=`gobin`, its output in `.data/<logName>-build.log`, progress logged
 * every 30 s (a first build takes minutes). Throws with the log's tail when it fails.
 */
export async function goInstall(pkgs: string[], gobin: string, label: string, logName: string, log: Log): Promise<void> {
  const go = run('go', ['version']);
  if (go.missing || !go.ok) throw goMissingError(go.missing ? 'go: command not found' : go.out.trim());
  const m = /go(\d+)\.(\d+)/.exec(go.out);
  if (m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) < 22))) throw goMissingError(go.out.trim());

  fs.mkdirSync(gobin, { recursive: true });
  const buildLog = path.join(dataDir(), `${logName}-build.log`);
  log(`正在构建 ${label}（go install，首次需几分钟）/ building ${label} with 'go install ${pkgs.join(' ')}' (first time: a few minutes)…`);
  const t0 = Date.now();
  const out = fs.openSync(buildLog, 'w');
  const child = spawn('go', ['install', ...pkgs], {
    env: { ...process.env, GOBIN: gobin },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const forget = killOnExit(child, 'SIGTERM');
  const ticker = setInterval(() => log(`  … still building ${label} (${Math.round((Date.now() - t0) / 1000)}s)`), 30_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => {
    clearInterval(ticker);
    forget();
  });
  if (code !== 0) {
    throw new Error(`'go install ${pkgs.join(' ')}' failed (exit ${code}); see ${buildLog}:\n${tailFile(buildLog, 30)}`);
  }
  log(`${label} built in ${Math.round((Date.now() - t0) / 1000)}s`);
}

/**
 * A build that runs once per process and, across processes, under the lock `name` (a second
 * caller waits for the first and then finds the binaries in place); a failed build may be tried again.
 */
export function buildOnce<T>(name: string, timeoutMs: number, build: (log: Log) => Promise<T>): (log: Log) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (log) =>
    (pending ??= withLock(name, () => build(log), log, timeoutMs).catch((e) => {
      pending = undefined;
      throw e;
    }));
}
