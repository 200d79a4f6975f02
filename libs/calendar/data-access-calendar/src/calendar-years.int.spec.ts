import type { Pool } from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { calendarMigrations, calendarYear, calendarYears, replaceYears, seedCalendar } from './index';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let db: FreshDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createFreshDatabase(SERVER_URL);
  pool = createPool(db.url, 4);
  await runMigrations(pool, calendarMigrations);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('calendar years for administration', () => {
  it('given an empty database, then no year is covered', async () => {
    expect(await calendarYears(pool)).toEqual([]);
    expect(await calendarYear(pool, 2027)).toEqual({ year: 2027, covered: false, source: null, updatedAt: null, days: [] });
  });

  it('lists seeded and entered years with source, time and day count; a year reads as its days', async () => {
    await seedCalendar(pool);
    const days = [
      { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
      { date: '2027-02-20', kind: 'workday' as const, name: '春节调休上班' },
    ];
    await replaceYears(pool, [2027], days, 'admin:test');
    const years = await calendarYears(pool);
    expect(years.map((y) => [y.year, y.source])).toEqual([
      [2024, 'lunar-javascript'],
      [2025, 'lunar-javascript'],
      [2026, 'lunar-javascript'],
      [2027, 'admin:test'],
    ]);
    expect(years[3].dayCount).toBe(2);
    expect(years[2].dayCount).toBeGreaterThan(20);
    expect(Date.parse(years[3].updatedAt)).not.toBeNaN();
    const y2027 = await calendarYear(pool, 2027);
    expect(y2027).toMatchObject({ year: 2027, covered: true, source: 'admin:test', days });
    // the last day of the previous year and the first of the next are not part of it
    expect((await calendarYear(pool, 2026)).days.every((d) => d.date.startsWith('2026-'))).toBe(true);
  });
});
