import { ensurePostgres, reachableByPostgres } from './postgres';
import * as os from 'node:os';
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

  it('knows when the postgres user cannot enter a checkout (a mode-700 folder above it), so the cluster moves out', () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), 'jyta-reach-'));
    try {
      const inner = path.join(top, 'repo', '.data', 'postgres-dev');
      fs.mkdirSync(path.dirname(inner), { recursive: true });
      // Another user, neither owner nor group of the folders: only the "other" bits count.
      const stranger = { uid: 65_432, gid: 65_432 };
      fs.chmodSync(top, 0o700);
      expect(reachableByPostgres(inner, stranger)).toBe(false);
      fs.chmodSync(top, 0o755);
      expect(reachableByPostgres(inner, stranger)).toBe(true);
    } finally {
      fs.chmodSync(top, 0o755);
      fs.rmSync(top, { recursive: true, force: true });
    }
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
