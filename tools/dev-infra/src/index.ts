export { ensurePostgres, createDatabase, type PostgresHandle, type PostgresOptions } from './postgres';
export { ensureTemporal, ensureTemporalCli, temporalReady, TEMPORAL_CLI_VERSION, type TemporalHandle, type TemporalOptions } from './temporal';
export { freePort, repoRoot, type Profile, type Log } from './util';
export {
  dropTemporalDatabases,
  ensureTemporalServerBinaries,
  freeBasePort,
  migrateTemporalDatabases,
  SERVER_PORT_SPAN,
  startTemporalServer,
  temporalMode,
  TEMPORAL_SERVER_VERSION,
  type TemporalMode,
  type TemporalServerHandle,
  type TemporalServerOptions,
} from './temporal-server';
