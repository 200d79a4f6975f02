#!/usr/bin/env node
// `npm start`: install dependencies if needed, start PostgreSQL + Temporal (profile dev), then the
// Temporal worker and the HTTP API, wait until /api/health answers, print where everything is.
// Ctrl-C stops everything in order (API and worker first, then the servers). A worker or API that
// dies is restarted with backoff (its last lines printed) while the rest keeps running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, Ring, c, delay, eachLine, ensureNodeModules, ensurePortalBuilt, portInUse, say, seconds, startInfra, stopChild } from './lib/common.mjs';

const t0 = Date.now();
const PORT = Number(process.env.PORT || 3000);
const HEALTH_TIMEOUT_MS = Number(process.env.START_TIMEOUT_MS || 180_000);
const APPS = [
  { name: 'worker', entry: 'apps/worker/src/main.ts', color: c.magenta },
  { name: 'api', entry: 'apps/api/src/main.ts', color: c.cyan },
];
const EXIT_WITH_PARENT = path.join(ROOT, 'tools', 'lib', 'exit-with-parent.cjs');
const UNIT_CODES = ['rsj', 'jyj', 'wjw', 'jtj', 'cjj', 'sthjj', 'zfbzj', 'czj', 'mzj', 'fgw', 'cl', 'zygh'];

// A closed terminal or pipe must not crash us halfway through stopping things.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

ensureNodeModules();

for (const app of APPS) {
  if (!fs.existsSync(path.join(ROOT, app.entry))) {
    say(c.red(`✖ ${app.entry} 不存在 / does not exist — nothing to start.`));
    process.exit(1);
  }
}
if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) {
  say(c.red(`✖ PORT=${process.env.PORT} is not a valid port`));
  process.exit(1);
}
if (await portInUse(PORT)) {
  say(c.red(`✖ 端口 ${PORT} 已被占用 / port ${PORT} is already in use (another npm start?). Stop it or set PORT=…`));
  process.exit(1);
}

// ---- the portal (served by the API at /) --------------------------------------------------------------

try {
  ensurePortalBuilt();
} catch (e) {
  say(c.red(`✖ 门户构建失败 / the portal did not build: ${e.message}`));
  process.exit(1);
}

// ---- servers ------------------------------------------------------------------------------------

say(c.bold('▶ 启动 PostgreSQL 与 Temporal / starting PostgreSQL and Temporal (profile dev)…'));
let infra;
try {
  infra = await startInfra('dev');
} catch (e) {
  say(c.red(`✖ 基础设施启动失败 / could not start PostgreSQL / Temporal: ${e.message}`));
  process.exit(1);
}
say(c.dim(`  ready in ${seconds(infra.startedInMs)}`));

// ---- apps ---------------------------------------------------------------------------------------

const env = {
  ...process.env,
  DATABASE_URL: infra.env.DATABASE_URL,
  TEMPORAL_ADDRESS: infra.env.TEMPORAL_ADDRESS,
  PORT: String(PORT),
  // The worker's Prometheus endpoint (README "Metrics"); the API's is /api/metrics.
  WORKER_METRICS_PORT: process.env.WORKER_METRICS_PORT ?? ((await portInUse(9464)) ? '0' : '9464'),
};
let shuttingDown = false;
const children = [];

function launch(app) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-r', EXIT_WITH_PARENT, app.entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new Ring(40);
  const prefix = app.color(`[${app.name}]`.padEnd(9));
  const onLine = (line) => {
    tail.push(line);
    process.stdout.write(`${prefix}${line}\n`);
  };
  eachLine(child.stdout, onLine);
  eachLine(child.stderr, onLine);
  const entry = { app, child, tail, startedAt: Date.now() };
  child.once('error', (e) => onLine(`spawn failed: ${e.message}`));
  child.once('exit', (code, signal) => {
    // Give a Ctrl-C that also reached the child (same process group) time to register.
    setTimeout(() => {
      if (shuttingDown) return;
      // Like the compose file's `restart: unless-stopped`: this one comes back, the rest runs on.
      const delayMs = restartDelay(app, Date.now() - entry.startedAt);
      say(c.red(`\n✖ ${app.name} 意外退出 / exited unexpectedly (${code ?? signal}); ${seconds(delayMs)} 后重启 / restarting in ${seconds(delayMs)}. 最后的输出 / last lines:`));
      say(tail.toString());
      setTimeout(() => {
        if (shuttingDown) return;
        const i = children.indexOf(entry);
        if (i >= 0) children.splice(i, 1);
        say(c.yellow(`▶ 重启 / restarting ${app.name} (#${(app.restarts = (app.restarts ?? 0) + 1)})`));
        launch(app);
      }, delayMs);
    }, 200);
  });
  children.push(entry);
  return entry;
}

/**
 * Backoff before restarting a process that died: 1 s, doubling up to 30 s while it keeps dying
 * young; back to 1 s once a run lasted a minute (a crash then is news, not a crash loop).
 */
function restartDelay(app, ranMs) {
  app.backoffMs = ranMs >= 60_000 || !app.backoffMs ? 1000 : Math.min(app.backoffMs * 2, 30_000);
  return app.backoffMs;
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  say(c.dim('\n▶ 正在停止 / stopping…'));
  await Promise.all(children.map(({ child }) => stopChild(child, 'SIGTERM', 10_000)));
  await infra.stop();
  say(c.dim('  stopped'));
  process.exit(code);
}

let signals = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (++signals > 1) {
      say(c.yellow(`${sig} again: killing everything now`));
      for (const { child } of children) child.kill('SIGKILL');
      void infra.stop().finally(() => process.exit(130));
      return;
    }
    void shutdown(0);
  });
}
infra.exited.then(({ code, signal }) => {
  if (shuttingDown) return;
  say(c.red(`\n✖ PostgreSQL/Temporal 意外停止 / the dev servers stopped unexpectedly (${code ?? signal}). Last lines:`));
  say(infra.stderrTail.toString());
  void shutdown(1);
});

say(c.bold('▶ 启动 worker 与 API / starting the worker and the API…'));
for (const app of APPS) launch(app);

// ---- wait for health ------------------------------------------------------------------------------

function health() {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: PORT, path: '/api/health', timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

const tApps = Date.now();
let lastNote = Date.now();
for (;;) {
  if (shuttingDown) await new Promise(() => undefined); // shutdown() exits the process
  const status = await health();
  if (status === 200) break;
  if (Date.now() - tApps > HEALTH_TIMEOUT_MS) {
    say(c.red(`\n✖ /api/health 在 ${seconds(HEALTH_TIMEOUT_MS)} 内未返回 200 / did not return 200 within ${seconds(HEALTH_TIMEOUT_MS)} (last: ${status ?? 'no answer'}).`));
    for (const { app, tail } of children) say(`${c.bold(`--- ${app.name} (last lines) ---`)}\n${tail}`);
    await shutdown(1);
  }
  if (Date.now() - lastNote > 15_000) {
    lastNote = Date.now();
    say(c.dim(`  … waiting for http://127.0.0.1:${PORT}/api/health (${seconds(Date.now() - tApps)}, last: ${status ?? 'no answer'})`));
  }
  await delay(500);
}

// ---- banner -------------------------------------------------------------------------------------

const base = `http://127.0.0.1:${PORT}`;
const demo = process.env.NODE_ENV !== 'production';
const password = process.env.DEMO_PASSWORD || 'Demo#2026';
const rows = [
  ['门户 Portal', `${base}/`],
  ['公开 Public', `${base}/public`],
  ['API', `${base}/api`],
  ['OpenAPI', `${base}/api/docs`],
  ['Temporal UI', infra.env.TEMPORAL_UI_URL ?? (infra.env.TEMPORAL_METRICS_URL ? `(TEMPORAL_MODE=server: no UI; metrics ${infra.env.TEMPORAL_METRICS_URL})` : '(external Temporal: see your cluster)')],
  ['Temporal', infra.env.TEMPORAL_ADDRESS],
  ['Metrics', `${base}/api/metrics` + (env.WORKER_METRICS_PORT && env.WORKER_METRICS_PORT !== '0' ? `  worker http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics` : '')],
  ['PostgreSQL', infra.env.DATABASE_URL],
];
const line = '─'.repeat(72);
say(`\n${line}`);
say(c.green(c.bold(` 建议提案办理 已启动 / is running   (${seconds(Date.now() - t0)})`)));
for (const [k, v] of rows) say(`  ${k.padEnd(12)} ${c.cyan(v)}`);
if (demo) {
  say(`\n  演示账号 / demo accounts — 密码 / password: ${c.bold(password)}`);
  say(`  办公厅 / office     admin, office, office-reviewer`);
  say(`  联络 / liaisons     npc-liaison, cppcc-liaison`);
  say(`  市领导 / leaders    vice-mayor-1, vice-mayor-2`);
  say(`  承办单位 / units    <code>-handler, <code>-leader, e.g. rsj-handler, rsj-leader`);
  say(`                      codes: ${UNIT_CODES.join(' ')}`);
  say(`  代表 / deputies     deputy-1 … deputy-5      委员 / members   member-1 … member-5`);
  say(c.dim(`  (demo data is loaded only when the database is empty)`));
} else {
  say(c.dim(`\n  NODE_ENV=production: no demo accounts.`));
}
say(`\n  ${c.dim('Ctrl-C 停止 / to stop')}`);
say(line);
