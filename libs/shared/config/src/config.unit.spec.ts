import { ConfigError, DEV_JWT_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the development defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      production: false,
      port: 3000,
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      temporalTaskQueue: 'proposals',
      jwtSecret: DEV_JWT_SECRET,
      demoPassword: 'Demo#2026',
      demoItems: true,
      logLevel: 'info',
      commandTimeoutMs: 60_000,
      proposalHistoryLimit: 10_000,
    });
    expect(c.databaseUrl).toMatch(/^postgres:\/\//);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      NODE_ENV: 'test',
      PORT: '4001',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'ns',
      TEMPORAL_TASK_QUEUE: 'q1',
      JWT_SECRET: 's',
      DEMO_PASSWORD: 'pw',
      DEMO_ITEMS: 'false',
      LOG_LEVEL: 'DEBUG',
      COMMAND_TIMEOUT_MS: '5000',
      PROPOSAL_HISTORY_LIMIT: '200',
    });
    expect(c).toEqual({
      nodeEnv: 'test',
      production: false,
      port: 4001,
      databaseUrl: 'postgres://u:p@db:5432/x',
      temporalAddress: 'temporal:7233',
      temporalNamespace: 'ns',
      temporalTaskQueue: 'q1',
      jwtSecret: 's',
      demoPassword: 'pw',
      demoItems: false,
      logLevel: 'debug',
      commandTimeoutMs: 5000,
      proposalHistoryLimit: 200,
    });
  });

  it('requires DATABASE_URL and a strong JWT_SECRET in production, and never loads demo items there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET });
    } catch (e) {
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('JWT_SECRET');
    }
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      JWT_SECRET: 'x'.repeat(40),
      DEMO_ITEMS: 'true',
    });
    expect(c.production).toBe(true);
    expect(c.demoItems).toBe(false);
  });

  it('reports every bad value at once, naming the variable', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', TEMPORAL_ADDRESS: 'nohost', LOG_LEVEL: 'loud', DEMO_ITEMS: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const name of ['PORT', 'NODE_ENV', 'TEMPORAL_ADDRESS', 'LOG_LEVEL', 'DEMO_ITEMS']) expect(msg).toContain(name);
    }
  });

  it('is pure: it reads only the object it is given', () => {
    const before = process.env.PORT;
    process.env.PORT = '9999';
    try {
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });
});
