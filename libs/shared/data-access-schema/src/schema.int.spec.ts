import { createPool } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import type { Pool } from 'pg';
import { allMigrations, migrateAll } from './index';

let db: FreshDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'schema' });
  pool = createPool(db.url, 6);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

it('has unique migration ids in order', () => {
  const ids = allMigrations().map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(ids);
});

it('migrates and seeds once, even when the API and the worker start together', async () => {
  const results = await Promise.all([migrateAll(pool), migrateAll(pool), migrateAll(pool)]);
  const applied = results.flatMap((r) => r.applied);
  expect(applied.sort()).toEqual(allMigrations().map((m) => m.id).sort());
  expect(results.flatMap((r) => r.seededYears).sort()).toEqual([2024, 2025, 2026]);
  expect(await migrateAll(pool)).toEqual({ applied: [], seededYears: [] });
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM calendar_years');
  expect(rows[0].n).toBe(3);
});
