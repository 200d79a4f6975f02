/**
 * node -r @swc-node/register tools/dev-infra/src/cli.ts <command>
 *
 *   up [--profile dev|test] [--exit-with-parent]
 *       Start PostgreSQL and Temporal (or take DATABASE_URL / TEMPORAL_ADDRESS as they are), print
 *       KEY=value lines on stdout, ending with DEV_INFRA_READY=1, and keep running until
 *       SIGINT/SIGTERM, then stop what was started. Progress goes to stderr.
 *       --exit-with-parent: also stop when the parent process goes away (used by tools/*.mjs).
 *       TEMPORAL_MODE=server: Temporal is the real server on that PostgreSQL instead of the dev server.
 *   temporal-cli
 *       Make sure .tools/bin/temporal is Temporal CLI v1.5.1 (building it with Go if needed).
 *   temporal-server
 *       Make sure .tools/bin/temporal-server and temporal-sql-tool are v1.29.1 (building them if needed).
 */
import { ensurePostgres, type PostgresHandle } from './postgres';
import { ensureTemporal, ensureTemporalCli, type TemporalHandle } from './temporal';
import { ensureTemporalServerBinaries, temporalMode, type TemporalServerHandle } from './temporal-server';
import { defaultLog, parseProfile } from './util';

function usage(code: number): never {
  process.stderr.write(
    'usage: cli.ts up [--profile dev|test] [--exit-with-parent]\n' +
      '       cli.ts temporal-cli\n' +
      '       cli.ts temporal-server\n',
  );
  process.exit(code);
}

function parseArgs(argv: string[]) {
  const [cmd, ...rest] = argv;
  let profile: string | undefined;
  let exitWithParent = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--profile') profile = rest[++i];
    else if (a.startsWith('--profile=')) profile = a.slice('--profile='.length);
    else if (a === '--exit-with-parent') exitWithParent = true;
    else if (a === '-h' || a === '--help') usage(0);
    else {
      process.stderr.write(`unknown argument: ${a}\n`);
      usage(2);
    }
  }
  return { cmd, profile: parseProfile(profile), exitWithParent };
}

async function up(profile: 'dev' | 'test', exitWithParent: boolean): Promise<void> {
  const t0 = Date.now();
  const parent = process.ppid;
  const handles: Array<PostgresHandle | TemporalHandle> = [];
  let stopping = false;

  const stopAll = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    if (why) defaultLog(why);
    if (handles.some((h) => h.started)) defaultLog('stopping…');
    await Promise.allSettled(handles.map((h) => h.stop()));
    if (handles.some((h) => h.started)) defaultLog('stopped');
    process.exit(code);
  };
  let signals = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (++signals > 1) {
        defaultLog(`second ${sig}: exiting now`);
        process.exit(130);
      }
      void stopAll(0, `${sig} received`);
    });
  }

  // TEMPORAL_MODE=server keeps Temporal's databases in this PostgreSQL, so it waits for it.
  const pgStarting = ensurePostgres({ profile });
  const [pg, temporal] = await Promise.allSettled([
    pgStarting,
    ensureTemporal({ profile, databaseUrl: () => pgStarting.then((h) => h.url) }),
  ]);
  for (const r of [pg, temporal]) if (r.status === 'fulfilled') handles.push(r.value);
  for (const r of [pg, temporal]) {
    if (r.status === 'rejected') {
      process.stderr.write(`\n${r.reason instanceof Error ? r.reason.message : String(r.reason)}\n\n`);
      await stopAll(1);
      return;
    }
  }
  if (stopping) return;
  const pgh = (pg as PromiseFulfilledResult<PostgresHandle>).value;
  const th = (temporal as PromiseFulfilledResult<TemporalHandle>).value;

  // A server we started that dies under us is fatal: whoever relies on us must know.
  for (const [name, h] of [['PostgreSQL', pgh], ['Temporal', th]] as const) {
    h.child?.once('exit', (code, signal) => {
      if (!stopping) void stopAll(1, `${name} exited unexpectedly (${code ?? signal}); see .data/*-${profile}.log`);
    });
  }

  const lines = [`DATABASE_URL=${pgh.url}`, `TEMPORAL_ADDRESS=${th.address}`];
  if (th.uiUrl) lines.push(`TEMPORAL_UI_URL=${th.uiUrl}`);
  if (!process.env.TEMPORAL_ADDRESS) lines.push(`TEMPORAL_MODE=${temporalMode()}`);
  if ('metricsUrl' in th) lines.push(`TEMPORAL_METRICS_URL=${(th as TemporalServerHandle).metricsUrl}`);
  lines.push('DEV_INFRA_READY=1');
  process.stdout.write(`${lines.join('\n')}\n`);
  defaultLog(`ready (${profile}) in ${((Date.now() - t0) / 1000).toFixed(1)}s — Ctrl-C to stop`);

  setInterval(() => {
    if (exitWithParent && process.ppid !== parent) void stopAll(0, 'parent process went away');
  }, 1000);
}

async function main() {
  // Our stdout/stderr are often pipes to a parent (tools/*.mjs). If it dies, writing to them fails
  // with EPIPE; that must not crash us halfway through stopping the servers.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const { cmd, profile, exitWithParent } = parseArgs(process.argv.slice(2));
  switch (cmd) {
    case 'up':
      return up(profile, exitWithParent);
    case 'temporal-cli': {
      const bin = await ensureTemporalCli();
      process.stdout.write(`${bin}\n`);
      return;
    }
    case 'temporal-server': {
      const b = await ensureTemporalServerBinaries();
      process.stdout.write(`${b.server}\n${b.sqlTool}\n`);
      return;
    }
    case undefined:
    case 'help':
      return usage(cmd ? 0 : 2);
    default:
      process.stderr.write(`unknown command: ${cmd}\n`);
      usage(2);
  }
}

main().catch((e) => {
  process.stderr.write(`\n${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
