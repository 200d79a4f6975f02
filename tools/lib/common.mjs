// Shared by tools/start.mjs and tools/test.mjs. Plain Node ESM with built-ins only: these run
// before node_modules exist.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---- output ----------------------------------------------------------------------------------------

const ci = /^(1|true)$/i.test(process.env.CI ?? '');
export const useColor = !ci && !process.env.NO_COLOR && process.env.FORCE_COLOR !== '0' && !!process.stdout.isTTY;
const paint = (code) => (s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : String(s));
export const c = {
  bold: paint('1'),
  dim: paint('2'),
  red: paint('31'),
  green: paint('32'),
  yellow: paint('33'),
  blue: paint('34'),
  magenta: paint('35'),
  cyan: paint('36'),
};
export const isCI = ci;

export function say(line = '') {
  process.stdout.write(`${line}\n`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Keeps the last `max` lines. */
export class Ring {
  constructor(max = 40) {
    this.max = max;
    this.lines = [];
  }
  push(line) {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  toString() {
    return this.lines.join('\n');
  }
}

/** Calls `onLine` for every complete line of a readable stream. */
export function eachLine(stream, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i).replace(/\r$/, ''));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) onLine(buf);
    buf = '';
  });
}

// ---- dependencies -------------------------------------------------------------------------------------

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const lock = mtime(path.join(ROOT, 'package-lock.json'));
  const installed =
    mtime(path.join(ROOT, 'node_modules', '.package-lock.json')) ?? mtime(path.join(ROOT, 'node_modules'));
  let why;
  if (installed === undefined) why = 'node_modules 不存在 / node_modules is missing';
  else if (lock !== undefined && installed < lock) why = 'package-lock.json 比 node_modules 新 / package-lock.json is newer than node_modules';
  if (!why) return;
  say(c.bold(`▶ npm ci (${why})`));
  const t0 = Date.now();
  const npm = (args) =>
    spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  // `npm ci` only: the lock file is the install. One it refuses is a bug to fix, not to paper over
  // with `npm install` (which would rewrite the lock and make installs unreproducible).
  const r = npm(['ci']);
  if (r.error || r.status !== 0) {
    say(c.red(`✖ 依赖安装失败 / installing dependencies failed (${r.error?.message ?? `exit ${r.status}`})`));
    process.exit(r.status || 1);
  }
  say(c.dim(`  dependencies installed in ${seconds(Date.now() - t0)}`));
}

// ---- the portal -------------------------------------------------------------------------------------

const PORTAL = path.join(ROOT, 'apps', 'portal');
const PORTAL_HASH_FILE = path.join(PORTAL, 'dist', '.source-hash');

/** A hash of everything the portal's build reads: its sources, config and the locked dependencies. */
export function portalSourceHash() {
  const hash = createHash('sha256');
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else if (!/\.unit\.spec\.tsx?$/.test(p)) {
      hash.update(path.relative(ROOT, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const p of ['src', 'index.html', 'vite.config.ts', 'package.json']) walk(path.join(PORTAL, p));
  walk(path.join(ROOT, 'package-lock.json'));
  return hash.digest('hex');
}

/**
 * Builds the portal (vite build into apps/portal/dist) unless the last build was of the same
 * sources. Returns 'fresh' or 'built'; throws when the build fails.
 */
export function ensurePortalBuilt({ quiet = false } = {}) {
  const want = portalSourceHash();
  const have = fs.existsSync(PORTAL_HASH_FILE) ? fs.readFileSync(PORTAL_HASH_FILE, 'utf8').trim() : '';
  if (have === want && fs.existsSync(path.join(PORTAL, 'dist', 'index.html'))) return 'fresh';
  if (!quiet) say(c.bold('▶ 构建门户 / building the portal (vite build)…'));
  const t0 = Date.now();
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(PORTAL, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    // Jest runs with NODE_ENV=test: the bundle must still be React's and antd's production build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (r.error || r.status !== 0) throw new Error(`vite build failed (${r.error?.message ?? `exit ${r.status}`})`);
  fs.writeFileSync(PORTAL_HASH_FILE, `${want}\n`);
  if (!quiet) say(c.dim(`  portal built in ${seconds(Date.now() - t0)}`));
  return 'built';
}

// ---- infrastructure ---------------------------------------------------------------------------------

/**
 * Starts `tools/dev-infra/src/cli.ts up --profile <profile>` (PostgreSQL + Temporal, or whatever
 * DATABASE_URL / TEMPORAL_ADDRESS name) and resolves, once it prints DEV_INFRA_READY=1, with the
 * KEY=value lines it printed. The child runs in its own process group so a Ctrl-C in the terminal
 * reaches us first and we can stop things in order (apps first, then the servers); it also exits
 * by itself if we die.
 */
export function startInfra(profile) {
  const t0 = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/dev-infra/src/cli.ts', 'up', '--profile', profile, '--exit-with-parent'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
  );
  const stderrTail = new Ring(60);
  eachLine(child.stderr, (line) => {
    stderrTail.push(line);
    process.stderr.write(`${c.dim(line)}\n`);
  });
  const env = {};
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const ready = new Promise((resolve, reject) => {
    eachLine(child.stdout, (line) => {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (!m) return;
      if (m[1] === 'DEV_INFRA_READY') resolve();
      else env[m[1]] = m[2];
    });
    child.once('error', reject);
    exitPromise.then(({ code, signal }) =>
      reject(new Error(`dev-infra exited before it was ready (${code ?? signal})`)),
    );
  });

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exitPromise.then(() => true), delay(30_000).then(() => false)]);
      if (!done) {
        try {
          process.kill(-child.pid, 'SIGKILL'); // the whole group: cli, postgres, temporal
        } catch {
          child.kill('SIGKILL');
        }
        await exitPromise;
      }
    })());

  return ready.then(
    () => ({ env, child, stop, exited: exitPromise, startedInMs: Date.now() - t0, stderrTail }),
    async (e) => {
      await stop();
      e.stderrTail = stderrTail.toString();
      throw e;
    },
  );
}

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (v) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** Waits for a child to exit, SIGKILLing it after `graceMs`. */
export async function stopChild(child, signal = 'SIGTERM', graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const done = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}
