import { ensurePostgres, reachableByPostgres } from './postgres';
import * as os from 'node:os';
import { ensureTemporal } from './temporal';
import { renderServerConfig, SERVER_BASE_PORTS, SERVER_PORT_SPAN, serverDatabases, serverPorts, temporalMode } from './temporal-server';
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

  it('TEMPORAL_MODE: dev by default, server on request, anything else refused', () => {
    expect(temporalMode(undefined)).toBe('dev');
    expect(temporalMode('')).toBe('dev');
    expect(temporalMode('server')).toBe('server');
    expect(() => temporalMode('prod')).toThrow(/TEMPORAL_MODE=prod/);
  });

  it("the real server's profiles take ports clear of the dev server's and of each other", () => {
    const taken = (base: number) => Array.from({ length: SERVER_PORT_SPAN }, (_, i) => base + i);
    const dev = taken(SERVER_BASE_PORTS.dev);
    const test = taken(SERVER_BASE_PORTS.test);
    expect(dev.filter((p) => test.includes(p))).toEqual([]);
    for (const devServer of [7233, 8233, 7243, 8243]) expect([...dev, ...test]).not.toContain(devServer);
    expect(new Set(Object.values(serverPorts(7253))).size).toBe(SERVER_PORT_SPAN);
    expect(serverDatabases('dev')).toEqual({ database: 'temporal', visibilityDatabase: 'temporal_visibility' });
    expect(serverDatabases('test').database).not.toBe('temporal');
  });

  it("renders the repo's server config with every placeholder filled, and refuses a missing one", () => {
    const values = {
      ...serverPorts(7253),
      DB: 'temporal',
      VISIBILITY_DB: 'temporal_visibility',
      PG_HOST: '127.0.0.1',
      PG_PORT: 54329,
      PG_USER: 'postgres',
      PG_PASSWORD: 'p"w',
      DYNAMIC_CONFIG: '/x/dynamicconfig.yaml',
    };
    const yaml = renderServerConfig(values);
    expect(yaml).not.toMatch(/\$\{/);
    expect(yaml).toContain('grpcPort: 7253');
    expect(yaml).toContain('connectAddr: "127.0.0.1:54329"');
    expect(yaml).toContain('password: "p\\"w"');
    expect(yaml).toMatch(/pluginName: "postgres12"/);
    expect(yaml).toMatch(/numHistoryShards: 4/);
    const { DB: _omitted, ...missing } = values;
    expect(() => renderServerConfig(missing)).toThrow(/DB/);
  });
});
