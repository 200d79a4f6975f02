import type pg from 'pg';

/** One schema change. Ids sort lexically into application order, e.g. '0001_event_store'. */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Session-level advisory lock key shared by every process migrating the same database (advisory
 * locks are scoped to the current database, so tests with a database each never wait on another).
 */
const LOCK_KEY_SQL = `hashtextextended('jyta:${MIGRATIONS_TABLE}', 0)`;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in id order, each in its own
 * transaction together with its record, and returns the ids applied by this call. A process-wide
 * `pg_advisory_lock` is held meanwhile, so when the API and the worker start at once the second
 * waits, then finds everything applied and returns []. A failing migration rolls back (it and its
 * record) and the error is rethrown; those applied before it stay.
 */
export async function runMigrations(pool: pg.Pool, migrations: Migration[]): Promise<string[]> {
  const sorted = [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`duplicate migration id '${sorted[i].id}'`);
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY_SQL})`);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
           id text PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${MIGRATIONS_TABLE}`);
      const done = new Set(rows.map((r) => r.id));
      const applied: string[] = [];
      for (const m of sorted) {
        if (done.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (id) VALUES ($1)`, [m.id]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
          const e = err as Error;
          e.message = `migration ${m.id} failed: ${e.message}`;
          throw e;
        }
        applied.push(m.id);
      }
      return applied;
    } finally {
      if (!broken) await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY_SQL})`).catch((e: Error) => (broken = e));
    }
  } finally {
    // A broken connection is destroyed, which also drops its session lock.
    client.release(broken);
  }
}
