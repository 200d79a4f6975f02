import pg from 'pg';

/**
 * A pg pool for `url`. An idle client that loses its connection (server restart, a test
 * dropping its database WITH (FORCE)) emits 'error' on the pool; without a listener that would
 * crash the process, so one that only reports it is attached. Callers may add their own.
 * A client checked out of the pool has no such listener (pg-pool removes it): when the server dies
 * under it between two queries ("Connection terminated unexpectedly", found by the chaos harness
 * killing PostgreSQL), the process crashed. Every client gets one for its whole life; the query
 * in flight or the next one fails with the error as before, for its caller to handle.
 */
export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (err) => {
    console.warn(`[@jyta/db] idle client error: ${err.message}`);
  });
  pool.on('connect', (client) => {
    client.on('error', () => undefined); // reported by the failing query (or by the pool when idle)
  });
  return pool;
}

/**
 * Runs `fn` inside BEGIN … COMMIT on one pooled client; rolls back and rethrows on error. A
 * client whose ROLLBACK itself failed (connection gone) is destroyed instead of returned.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr as Error;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}
