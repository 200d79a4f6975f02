/**
 * Test helpers: every integration test file gets a database of its own on the test server, so
 * files can run in parallel and never see each other's rows.
 *
 *   const db = withFreshDatabase({ migrations: eventStoreMigrations });
 *   it('…', async () => { await db.pool.query('…') });
 *
 * The server is `process.env.DATABASE_URL` (set by @jyta/dev-infra's jest global setup) or, when
 * that is absent, a local PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool } from './pool';
import { runMigrations, type Migration } from './migrations';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testServerUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export interface FreshDatabase {
  name: string;
  url: string;
  /** Drops the database, terminating any connection still open to it. Idempotent. */
  drop(): Promise<void>;
}

/** `url` with its database name replaced by `name` (user, host, port and query kept). */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function onServer<T>(baseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database `<prefix>_<random>` on the server `baseUrl` points to. */
export async function createFreshDatabase(
  baseUrl: string = testServerUrl(),
  opts: { prefix?: string } = {},
): Promise<FreshDatabase> {
  const prefix = opts.prefix ?? 'es_test';
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`invalid database prefix '${prefix}'`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  let dropped = false;
  return {
    name,
    url: databaseUrl(baseUrl, name),
    async drop() {
      if (dropped) return;
      await onServer(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      dropped = true;
    },
  };
}

export interface FreshDatabaseHandle {
  /** Available from beforeAll on. */
  readonly url: string;
  /** A pool on the fresh database (migrations applied), available from beforeAll on. */
  readonly pool: pg.Pool;
  readonly database: FreshDatabase;
}

/**
 * Registers jest beforeAll/afterAll hooks in the calling scope: create a fresh database, open a
 * pool (`poolSize`, default 10) and apply `migrations`; afterwards end the pool and drop the
 * database.
 */
export function withFreshDatabase(opts: { migrations?: Migration[]; poolSize?: number; baseUrl?: string } = {}): FreshDatabaseHandle {
  if (typeof beforeAll !== 'function' || typeof afterAll !== 'function') {
    throw new Error('withFreshDatabase() must be called inside a jest test file; use createFreshDatabase() elsewhere');
  }
  let db: FreshDatabase | undefined;
  let pool: pg.Pool | undefined;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`withFreshDatabase: ${what} is only available from beforeAll on`);
    return v;
  };
  beforeAll(async () => {
    db = await createFreshDatabase(opts.baseUrl ?? testServerUrl());
    pool = createPool(db.url, opts.poolSize ?? 10);
    if (opts.migrations?.length) await runMigrations(pool, opts.migrations);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });
  return {
    get url() {
      return need(db, 'url').url;
    },
    get pool() {
      return need(pool, 'pool');
    },
    get database() {
      return need(db, 'database');
    },
  };
}
