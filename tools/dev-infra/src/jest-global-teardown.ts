/**
 * Jest globalTeardown: stops what the global setup started (unless other processes still use it)
 * and releases what it reused.
 */
import { HANDLES_KEY } from './jest-global-setup';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const started = (g[HANDLES_KEY] ?? []) as Array<{ stop(): Promise<void> }>;
  delete g[HANDLES_KEY];
  await Promise.allSettled(started.map((h) => h.stop()));
}
