#!/usr/bin/env node
// `npm test`: install dependencies if needed, start PostgreSQL + Temporal once (profile test),
// run every project's build (typecheck), lint and test targets through Nx with that environment,
// stop the servers and exit with the run's code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, c, eachLine, ensureNodeModules, isCI, say, seconds, startInfra, stopChild, useColor } from './lib/common.mjs';

const t0 = Date.now();
const TARGETS = ['build', 'lint', 'test'];

// A closed terminal or pipe must not crash us halfway through stopping things.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

ensureNodeModules();

say(c.bold('▶ 准备测试环境 / provisioning test infrastructure (PostgreSQL + Temporal, profile test)…'));
let infra;
try {
  infra = await startInfra('test');
} catch (e) {
  say(c.red(`✖ 测试环境启动失败 / could not start the test infrastructure: ${e.message}`));
  process.exit(1);
}
say(
  c.dim(
    `  DATABASE_URL=${infra.env.DATABASE_URL}\n  TEMPORAL_ADDRESS=${infra.env.TEMPORAL_ADDRESS}\n  ready in ${seconds(infra.startedInMs)}`,
  ),
);

const env = {
  ...process.env,
  DATABASE_URL: infra.env.DATABASE_URL,
  TEMPORAL_ADDRESS: infra.env.TEMPORAL_ADDRESS,
  NX_TUI: 'false',
  NX_DAEMON: 'false',
  ...(isCI || !useColor ? { FORCE_COLOR: '0', NO_COLOR: '1' } : { FORCE_COLOR: '1' }),
};
// Extra arguments go to nx, e.g. `npm test -- --projects=@jyta/dev-infra` or `-- --exclude=@jyta/tests`.
const nxArgs = ['run-many', '-t', ...TARGETS, '--parallel=1', '--outputStyle=stream', ...process.argv.slice(2)];
say(c.bold(`▶ nx ${nxArgs.join(' ')}`));

const tRun = Date.now();
// The workspace's own nx (same as `npx nx`, without npx's start-up and PATH lookup).
const nxPkg = path.join(ROOT, 'node_modules', 'nx', 'package.json');
const nxBin = path.join(path.dirname(nxPkg), JSON.parse(fs.readFileSync(nxPkg, 'utf8')).bin.nx);
const nx = spawn(process.execPath, [nxBin, ...nxArgs], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});

// Tee the output and pick up Nx's list of failed tasks for the summary.
const failed = new Set();
let inFailedList = false;
// Jest's per-run counts ("Tests:  1 failed, 24 passed, 25 total"), summed for the closing line.
const counts = { passed: 0, failed: 0, skipped: 0, runs: 0 };
const scan = (line) => {
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  const t = /Tests:\s+(.*\d+ total)/.exec(plain);
  if (t) {
    counts.runs++;
    for (const [, n, what] of t[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (what === 'todo') counts.skipped += Number(n);
      else counts[what] += Number(n);
    }
  }
  if (/\d+\/\d+ targets? failed|failed tasks:/i.test(plain)) inFailedList = true;
  const m = /^\s*-\s+(\S+:\S+)\s*$/.exec(plain);
  if (inFailedList && m) failed.add(m[1]);
};
eachLine(nx.stdout, (line) => {
  process.stdout.write(`${line}\n`);
  scan(line);
});
eachLine(nx.stderr, (line) => {
  process.stderr.write(`${line}\n`);
  scan(line);
});

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    say(c.yellow(`\n▶ ${sig}: stopping the test run…`));
    void stopChild(nx, 'SIGINT', 15_000);
  });
}

const code = await new Promise((resolve) => {
  nx.once('error', (e) => {
    say(c.red(`✖ could not run nx: ${e.message}`));
    resolve(1);
  });
  nx.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
});
const runMs = Date.now() - tRun;

say(c.dim('\n▶ 停止测试环境 / stopping the test infrastructure…'));
await infra.stop();

// A green run that executed no test is not a pass.
const noTests = code === 0 && !interrupted && counts.passed === 0;
if (noTests) say(c.red('✖ no test ran'));
const ok = code === 0 && !interrupted && !noTests;
const line = '─'.repeat(64);
say(`\n${line}`);
say(c.bold(' npm test 汇总 / summary'));
say(` infrastructure  PostgreSQL ${infra.env.DATABASE_URL}`);
say(`                 Temporal   ${infra.env.TEMPORAL_ADDRESS}   (${infra.env.TEMPORAL_MODE ? `TEMPORAL_MODE=${infra.env.TEMPORAL_MODE}, ` : ''}ready in ${seconds(infra.startedInMs)})`);
say(` run             nx run-many -t ${TARGETS.join(' ')}   exit ${code}   ${seconds(runMs)}`);
if (failed.size) {
  say(c.red(` failed tasks    ${[...failed].join('\n                 ')}`));
}
if (interrupted) say(c.yellow(' interrupted'));
say(` jest runs       ${counts.runs}`);
say(` total           ${seconds(Date.now() - t0)}`);
say(ok ? c.green(c.bold(' 结果 / result: PASS ✔')) : c.red(c.bold(' 结果 / result: FAIL ✖')));
say(line);
// The plain closing line CI reads: 'N passed, N failed' alone on a line.
say(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);

process.exit(interrupted ? 130 : ok ? 0 : code || 1);
