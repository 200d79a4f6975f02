export { ensurePostgres, createDatabase, type PostgresHandle, type PostgresOptions } from './postgres';
export { ensureTemporal, ensureTemporalCli, temporalReady, TEMPORAL_CLI_VERSION, type TemporalHandle, type TemporalOptions } from './temporal';
export { repoRoot, type Profile, type Log } from './util';
