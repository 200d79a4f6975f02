import { createDataSource } from '@jyta/db';
import { withFreshDatabase } from '@jyta/db/src/testing';
import type { DataSource } from 'typeorm';
import { DIRECTORY_ENTITIES } from './entities';
import { DEMO_ACCOUNTS, loadDemoDirectory } from './demo';
import { countUsers, findUserById, findUserByUsername, hashPassword, listUnits, unitExists, unknownUnits, verifyPassword } from './directory';
import { directoryMigrations } from './migrations';

const db = withFreshDatabase({ migrations: directoryMigrations });
let ds: DataSource;
beforeAll(async () => {
  ds = await createDataSource(db.url, { entities: DIRECTORY_ENTITIES, poolSize: 2 }).initialize();
});
afterAll(() => ds?.destroy());

describe('directory on PostgreSQL', () => {
  it('loads the demo directory once, idempotently', async () => {
    expect(await countUsers(ds)).toBe(0);
    expect(await loadDemoDirectory(db.pool, 'pw-1')).toEqual({ units: 12, users: DEMO_ACCOUNTS.length });
    expect(await loadDemoDirectory(db.pool, 'pw-2')).toEqual({ units: 0, users: 0 });
    expect(await countUsers(ds)).toBe(DEMO_ACCOUNTS.length);
  });

  it('finds users and checks their passwords (argon2id)', async () => {
    const u = await findUserByUsername(ds, 'rsj-handler');
    expect(u).toMatchObject({ username: 'rsj-handler', role: 'unit_handler', unitId: 'rsj' });
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(u!.passwordHash, 'pw-1')).toBe(true);
    expect(await verifyPassword(u!.passwordHash, 'pw-2')).toBe(false);
    expect(await verifyPassword('not a hash', 'pw-1')).toBe(false);
    expect((await findUserById(ds, u!.id))?.username).toBe('rsj-handler');
    expect(await findUserById(ds, 'nope')).toBeUndefined();
    expect(await findUserByUsername(ds, 'nobody')).toBeUndefined();
  });

  it('knows the units', async () => {
    expect((await listUnits(ds)).map((u) => u.code)).toContain('zfbzj');
    expect(await unitExists(ds, 'cjj')).toBe(true);
    expect(await unitExists(ds, 'nope')).toBe(false);
    expect(await unknownUnits(ds, ['cjj', 'nope', 'x', 'nope'])).toEqual(['nope', 'x']);
  });

  it('refuses a unit role without a unit', async () => {
    await expect(
      db.pool.query(`INSERT INTO users (username, password_hash, role, display_name) VALUES ('h', $1, 'unit_handler', '某某')`, [
        await hashPassword('x'),
      ]),
    ).rejects.toThrow(/users_unit_role_check/);
  });
});
