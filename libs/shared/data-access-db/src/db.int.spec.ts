import { createPool, createDataSource, runMigrations, withTransaction, type Migration } from './index';
import { createFreshDatabase, databaseUrl, withFreshDatabase } from './testing';

// Plain CREATE TABLE (no IF NOT EXISTS): applying any of these twice would fail.
const migrations: Migration[] = [
  { id: '0002_b', sql: 'CREATE TABLE b (id int PRIMARY KEY REFERENCES a(id)); INSERT INTO log VALUES (2);' },
  { id: '0001_a', sql: 'CREATE TABLE log (n int NOT NULL); CREATE TABLE a (id int PRIMARY KEY); INSERT INTO log VALUES (1);' },
  { id: '0003_c', sql: 'CREATE TABLE c (id int); INSERT INTO log VALUES (3);' },
];

describe('runMigrations', () => {
  const db = withFreshDatabase();

  it('applies pending migrations in id order, records them, and is idempotent', async () => {
    expect(await runMigrations(db.pool, migrations)).toEqual(['0001_a', '0002_b', '0003_c']);
    expect(await runMigrations(db.pool, migrations)).toEqual([]);
    const { rows } = await db.pool.query<{ id: string; applied_at: Date }>('SELECT id, applied_at FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['0001_a', '0002_b', '0003_c']);
    expect(rows.every((r) => r.applied_at instanceof Date)).toBe(true);
    const log = await db.pool.query<{ n: number }>('SELECT n FROM log');
    expect(log.rows.map((r) => r.n)).toEqual([1, 2, 3]);
    // A later one is applied alone.
    expect(await runMigrations(db.pool, [...migrations, { id: '0004_d', sql: 'INSERT INTO log VALUES (4)' }])).toEqual(['0004_d']);
  });

  it('rolls back a failing migration (and its record), keeping the ones before it', async () => {
    const bad: Migration[] = [
      { id: '0010_ok', sql: 'CREATE TABLE ok10 (id int)' },
      { id: '0011_bad', sql: 'CREATE TABLE bad11 (id int); SELECT * FROM no_such_table;' },
      { id: '0012_never', sql: 'CREATE TABLE never12 (id int)' },
    ];
    await expect(runMigrations(db.pool, bad)).rejects.toThrow(/migration 0011_bad failed: .*no_such_table/);
    const { rows } = await db.pool.query<{ t: string | null }>(
      `SELECT to_regclass('ok10')::text AS t UNION ALL SELECT to_regclass('bad11')::text UNION ALL SELECT to_regclass('never12')::text`,
    );
    expect(rows.map((r) => r.t)).toEqual(['ok10', null, null]);
    const ids = await db.pool.query<{ id: string }>(`SELECT id FROM schema_migrations WHERE id LIKE '001%'`);
    expect(ids.rows.map((r) => r.id)).toEqual(['0010_ok']);
    // The advisory lock was released: a fixed list goes through.
    expect(await runMigrations(db.pool, [bad[0], { ...bad[1], sql: 'CREATE TABLE bad11 (id int)' }, bad[2]])).toEqual(['0011_bad', '0012_never']);
  });

  it('refuses duplicate ids', async () => {
    await expect(runMigrations(db.pool, [migrations[0], { ...migrations[0] }])).rejects.toThrow(/duplicate migration id '0002_b'/);
  });
});

describe('runMigrations from several processes at once', () => {
  const db = withFreshDatabase();

  it('applies each migration exactly once', async () => {
    // Each "process" has its own pool; a slow first migration widens the race window.
    const slow: Migration[] = [{ id: '0000_slow', sql: 'SELECT pg_sleep(0.2); CREATE TABLE slow (id int);' }, ...migrations];
    const pools = Array.from({ length: 6 }, () => createPool(db.url, 2));
    try {
      const results = await Promise.all(pools.map((p) => runMigrations(p, slow)));
      const all = results.flat().sort();
      expect(all).toEqual(['0000_slow', '0001_a', '0002_b', '0003_c']);
      // The winner applied all of them; everybody else found nothing to do.
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
      const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(rows[0].n).toBe('4');
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe('withTransaction', () => {
  const db = withFreshDatabase({ migrations: [{ id: '0001_t', sql: 'CREATE TABLE t (id int PRIMARY KEY)' }] });

  it('commits on success and rolls back on error', async () => {
    expect(await withTransaction(db.pool, async (c) => (await c.query('INSERT INTO t VALUES (1) RETURNING id')).rows[0].id)).toBe(1);
    await expect(
      withTransaction(db.pool, async (c) => {
        await c.query('INSERT INTO t VALUES (2)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.pool.query('SELECT id FROM t ORDER BY id');
    expect(rows).toEqual([{ id: 1 }]);
    // No client was leaked in a transaction.
    expect(db.pool.idleCount + db.pool.waitingCount).toBe(db.pool.totalCount);
  });
});

describe('createPool', () => {
  const db = withFreshDatabase({ migrations: [] });

  it('a checked-out client whose connection dies does not crash the process: its next query fails, the pool goes on', async () => {
    const pool = createPool(db.url, 2);
    try {
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      // The server closes the socket; without a listener the client's 'error' event would be thrown here.
      await new Promise((r) => setTimeout(r, 500));
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});

describe('createFreshDatabase / createDataSource', () => {
  it('creates a usable database, and drop() removes it', async () => {
    const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const fresh = await createFreshDatabase(base);
    expect(fresh.name).toMatch(/^es_test_[0-9a-f]{12}$/);
    expect(fresh.url).toBe(databaseUrl(base, fresh.name));
    const ds = createDataSource(fresh.url);
    await ds.initialize();
    try {
      expect(await ds.query('SELECT current_database() AS db')).toEqual([{ db: fresh.name }]);
    } finally {
      await ds.destroy();
    }
    await fresh.drop();
    await fresh.drop(); // idempotent
    const pool = createPool(base, 1);
    try {
      const { rows } = await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [fresh.name]);
      expect(rows).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });
});
