#!/usr/bin/env node
// `npm run bench`: install dependencies if needed (npm ci), then run the benchmark
// (tools/bench/src/main.ts through @swc-node/register) with this terminal's stdio. It gets a
// PostgreSQL (DATABASE_URL, else the embedded test-profile server of @jyta/dev-infra), measures
// the event store, number allocation and deadline computation, prints a Markdown table and writes
// docs/benchmarks.md. Exits with the benchmark's exit code.
import { spawn } from 'node:child_process';
import { ROOT, c, ensureNodeModules, say } from './lib/common.mjs';

ensureNodeModules();

say(c.bold('▶ benchmark: node -r @swc-node/register tools/bench/src/main.ts'));
const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/bench/src/main.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});

// Ctrl-C reaches the child too (same process group); let it clean up (drop its database, stop
// the server it started) and exit with its own code instead of dying first.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}

child.once('error', (e) => {
  say(c.red(`✖ could not start the benchmark: ${e.message}`));
  process.exit(1);
});
child.once('exit', (code, signal) => {
  if (signal) say(c.red(`✖ benchmark killed by ${signal}`));
  process.exit(code ?? 1);
});
