/**
 * Jest globalSetup: provisions PostgreSQL and Temporal (profile `test`) unless DATABASE_URL /
 * TEMPORAL_ADDRESS already name them, and exports both into process.env, which jest hands on to
 * its workers. A project uses it with `test/global-setup.ts`:
 *   export { default } from '@jyta/dev-infra/src/jest-global-setup';
 */
import { ensurePostgres, type PostgresHandle } from './postgres';
import { ensureTemporal, type TemporalHandle } from './temporal';

/** Where the handles live between globalSetup and globalTeardown (same process, fresh modules). */
export const HANDLES_KEY = '__jytaDevInfraHandles';

type Handles = Array<PostgresHandle | TemporalHandle>;

export default async function globalSetup(): Promise<void> {
  const started: Handles = [];
  (globalThis as Record<string, unknown>)[HANDLES_KEY] = started;
  const t0 = Date.now();
  const needPg = !process.env.DATABASE_URL;
  const needTemporal = !process.env.TEMPORAL_ADDRESS;
  if (!needPg && !needTemporal) return;
  const pgStarting = needPg ? ensurePostgres({ profile: 'test' }) : Promise.resolve(undefined);
  const [pg, temporal] = await Promise.allSettled([
    pgStarting,
    needTemporal
      ? ensureTemporal({
          profile: 'test',
          // TEMPORAL_MODE=server keeps Temporal's databases in this PostgreSQL.
          databaseUrl: () => pgStarting.then((h) => h?.url ?? (process.env.DATABASE_URL as string)),
        })
      : Promise.resolve(undefined),
  ]);
  // Every handle: stop() of one we reused only releases our lease on it.
  if (pg.status === 'fulfilled' && pg.value) started.push(pg.value);
  if (temporal.status === 'fulfilled' && temporal.value) started.push(temporal.value);
  const failed = [pg, temporal].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.allSettled(started.map((h) => h.stop()));
    started.length = 0;
    throw failed.reason;
  }
  if (pg.status === 'fulfilled' && pg.value) process.env.DATABASE_URL = pg.value.url;
  if (temporal.status === 'fulfilled' && temporal.value) process.env.TEMPORAL_ADDRESS = temporal.value.address;
  process.stderr.write(`[dev-infra] test infrastructure ready in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
}
