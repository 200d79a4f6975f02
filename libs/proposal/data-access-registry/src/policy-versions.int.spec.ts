import type { Pool } from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { DEFAULT_POLICY } from '@jyta/proposal-domain';
import { currentPolicy, policyRecord, policyVersions, publishPolicy, registryMigrations } from './index';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let db: FreshDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createFreshDatabase(SERVER_URL);
  pool = createPool(db.url, 4);
  await runMigrations(pool, registryMigrations);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('policy versions with who published them', () => {
  it('given nothing published, then the built-in default is version 1 with no author', async () => {
    expect(await policyRecord(pool)).toEqual({ policy: DEFAULT_POLICY, createdAt: null, createdBy: null });
    expect(await policyRecord(pool, 1)).toEqual({ policy: DEFAULT_POLICY, createdAt: null, createdBy: null });
    expect(await policyRecord(pool, 2)).toBeUndefined();
    expect(await policyVersions(pool)).toEqual([{ policy: DEFAULT_POLICY, createdAt: null, createdBy: null }]);
  });

  it('lists published versions newest first, the default last, matching currentPolicy', async () => {
    const v2 = await publishPolicy(pool, { returnWindow: 'P10D' }, 'admin');
    const v3 = await publishPolicy(pool, { replyPeriod: 'P2M' }, 'admin2');
    const all = await policyVersions(pool);
    expect(all.map((r) => [r.policy.version, r.createdBy])).toEqual([
      [3, 'admin2'],
      [2, 'admin'],
      [1, null],
    ]);
    expect(all[0].policy).toEqual(v3);
    expect(all[1].policy).toEqual(v2);
    expect(Date.parse(all[0].createdAt!)).not.toBeNaN();
    expect((await policyRecord(pool))!.policy).toEqual(await currentPolicy(pool));
    expect((await policyRecord(pool, 2))!.policy).toEqual(v2);
  });
});
