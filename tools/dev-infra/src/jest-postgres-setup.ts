/**
 * Jest globalSetup for projects that need PostgreSQL only (data-access libs): provisions it
 * (profile test) unless DATABASE_URL names one. Teardown: jest-global-teardown.
 */
import { ensurePostgres } from './postgres';
import { HANDLES_KEY } from './jest-global-setup';

export default async function postgresSetup(): Promise<void> {
  const started: Array<{ stop(): Promise<void> }> = [];
  (globalThis as Record<string, unknown>)[HANDLES_KEY] = started;
  if (process.env.DATABASE_URL) return;
  const pg = await ensurePostgres({ profile: 'test' });
  if (pg.started) started.push(pg);
  process.env.DATABASE_URL = pg.url;
}
