/**
 * Every table the system owns, in one ordered list: the API and the worker both call migrateAll()
 * on start (runMigrations holds an advisory lock, so starting both at once is safe).
 */
import type { Pool } from 'pg';
import { runMigrations, type Migration } from '@jyta/db';
import { eventStoreMigrations } from '@jyta/event-store';
import { calendarMigrations, seedCalendar } from '@jyta/calendar-data-access';
import { registryMigrations } from '@jyta/proposal-registry';
import { directoryMigrations } from '@jyta/directory';
import { readModelMigrations, unitSummaryMigrations } from '@jyta/proposal-read-models';
import { notificationMigrations } from '@jyta/notifications';
import { statsMigrations } from '@jyta/stats-data-access';

/** In the order they apply (by id), whichever lib contributes them. */
export const allMigrations = (): Migration[] =>
  [
    ...eventStoreMigrations,
    ...registryMigrations,
    ...calendarMigrations,
    ...directoryMigrations,
    ...readModelMigrations,
    ...notificationMigrations,
    ...statsMigrations,
    ...unitSummaryMigrations,
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Migrates and seeds reference data (holiday calendar 2024–2026). Idempotent. */
export async function migrateAll(pool: Pool): Promise<{ applied: string[]; seededYears: number[] }> {
  const applied = await runMigrations(pool, allMigrations());
  const seededYears = await seedCalendar(pool);
  return { applied, seededYears };
}
