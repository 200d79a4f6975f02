/**
 * Typed configuration from environment variables. `loadConfig` is pure (it only reads the object
 * it is given), so tests pass their own env; every problem is reported at once, in one error.
 */

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** true when NODE_ENV=production: no dev defaults, no demo data. */
  production: boolean;
  /** HTTP port of the API (PORT, default 3000). */
  port: number;
  /** PostgreSQL connection string (DATABASE_URL). */
  databaseUrl: string;
  /** host:port of the Temporal frontend (TEMPORAL_ADDRESS, default 127.0.0.1:7233). */
  temporalAddress: string;
  temporalNamespace: string;
  temporalTaskQueue: string;
  /** HS256 secret for access tokens (JWT_SECRET; a fixed dev default outside production). */
  jwtSecret: string;
  /** Password of every demo account (DEMO_PASSWORD, default Demo#2026). */
  demoPassword: string;
  /** Load demo items (not only accounts) on an empty database (DEMO_ITEMS, default true; never in production). */
  demoItems: boolean;
  logLevel: LogLevel;
  /** How long the API waits for one command to complete on Temporal (COMMAND_TIMEOUT_MS, default 60000). */
  commandTimeoutMs: number;
  /**
   * An item's workflow continues as new after this many history events (PROPOSAL_HISTORY_LIMIT,
   * default 10000; Temporal's own suggestion applies whatever the limit). Low values are for tests.
   */
  proposalHistoryLimit: number;
}

/** The defaults used outside production. Never valid in production. */
export const DEV_JWT_SECRET = 'jyta-dev-only-jwt-secret-do-not-use-in-production';
export const DEV_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/jyta';
export const DEFAULT_DEMO_PASSWORD = 'Demo#2026';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const rawEnv = str('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if ((NODE_ENVS as readonly string[]).includes(rawEnv)) nodeEnv = rawEnv as NodeEnv;
  else problems.push(`NODE_ENV=${rawEnv}: expected one of ${NODE_ENVS.join(', ')}`);
  const production = nodeEnv === 'production';

  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw}: expected an integer between ${min} and ${max}`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = str(name);
    if (raw === undefined) return def;
    const v = raw.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}=${raw}: expected true or false`);
    return def;
  };

  const port = int('PORT', 3000, 1, 65535);

  let databaseUrl = str('DATABASE_URL');
  if (!databaseUrl) {
    if (production) problems.push('DATABASE_URL is required in production (postgres://user:password@host:5432/db)');
    databaseUrl = DEV_DATABASE_URL;
  } else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
  }

  const temporalAddress = str('TEMPORAL_ADDRESS') ?? '127.0.0.1:7233';
  if (!/^[^\s:/]+:\d{1,5}$/.test(temporalAddress)) problems.push(`TEMPORAL_ADDRESS=${temporalAddress}: expected host:port`);
  const temporalNamespace = str('TEMPORAL_NAMESPACE') ?? 'default';
  const temporalTaskQueue = str('TEMPORAL_TASK_QUEUE') ?? 'proposals';

  let jwtSecret = str('JWT_SECRET');
  if (!jwtSecret) {
    if (production) problems.push('JWT_SECRET is required in production (at least 32 characters)');
    jwtSecret = DEV_JWT_SECRET;
  } else if (production && (jwtSecret.length < 32 || jwtSecret === DEV_JWT_SECRET)) {
    problems.push('JWT_SECRET: in production it must be at least 32 characters and not the development default');
  }

  const demoPassword = env.DEMO_PASSWORD && env.DEMO_PASSWORD.length > 0 ? env.DEMO_PASSWORD : DEFAULT_DEMO_PASSWORD;
  const demoItems = !production && bool('DEMO_ITEMS', true);

  const rawLevel = (str('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info')).toLowerCase();
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) logLevel = rawLevel as LogLevel;
  else problems.push(`LOG_LEVEL=${rawLevel}: expected one of ${LOG_LEVELS.join(', ')}`);

  const commandTimeoutMs = int('COMMAND_TIMEOUT_MS', 60_000, 1_000, 3_600_000);
  const proposalHistoryLimit = int('PROPOSAL_HISTORY_LIMIT', 10_000, 20, 50_000);

  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv,
    production,
    port,
    databaseUrl,
    temporalAddress,
    temporalNamespace,
    temporalTaskQueue,
    jwtSecret,
    demoPassword,
    demoItems,
    logLevel,
    commandTimeoutMs,
    proposalHistoryLimit,
  };
}
