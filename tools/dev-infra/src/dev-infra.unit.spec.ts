import { ensurePostgres } from './postgres';
import { ensureTemporal } from './temporal';
import { parseProfile, portFromEnv, repoRoot } from './util';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('dev-infra (unit)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes DATABASE_URL and TEMPORAL_ADDRESS as they are, and stop() is a no-op', async () => {
    process.env.DATABASE_URL = 'postgres://u:p@db.example:5432/x';
    process.env.TEMPORAL_ADDRESS = 'temporal.example:7233';
    const pg = await ensurePostgres({ profile: 'test' });
    const t = await ensureTemporal({ profile: 'test' });
    expect(pg.url).toBe('postgres://u:p@db.example:5432/x');
    expect(t.address).toBe('temporal.example:7233');
    expect(pg.started || t.started).toBe(false);
    await pg.stop();
    await t.stop();
  });

  it('finds the repository root by nx.json', () => {
    expect(fs.existsSync(path.join(repoRoot(), 'nx.json'))).toBe(true);
  });

  it('parses profiles and port overrides', () => {
    expect(parseProfile(undefined)).toBe('dev');
    expect(parseProfile('test')).toBe('test');
    expect(() => parseProfile('prod')).toThrow(/unknown profile/);
    delete process.env.PG_PORT;
    expect(portFromEnv('PG_PORT', 54339)).toBe(54339);
    process.env.PG_PORT = '6000';
    expect(portFromEnv('PG_PORT', 54339)).toBe(6000);
    process.env.PG_PORT = 'x';
    expect(() => portFromEnv('PG_PORT', 1)).toThrow(/not a valid port/);
  });
});
