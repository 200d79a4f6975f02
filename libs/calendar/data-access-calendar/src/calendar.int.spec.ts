import type { Pool } from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { CalendarYearMissingError, computeDeadline, dayInfo, parsePeriod, type CalendarOverride } from '@jyta/calendar-domain';
import { calendarFromLunar } from '@jyta/calendar-domain/src/lunar-source';
import { SEEDED_YEARS, calendarMigrations, loadCalendar, replaceYears, seedCalendar } from './index';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let db: FreshDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createFreshDatabase(SERVER_URL);
  pool = createPool(db.url, 10);
  expect(await runMigrations(pool, calendarMigrations)).toEqual(['0200_calendar']);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

// Tests in this file build on each other (seed → load → extend), in order.
describe('holiday calendar in PostgreSQL', () => {
  it('given an empty database, then nothing is covered', async () => {
    expect(await loadCalendar(pool, 2024, 2027)).toEqual({ coveredYears: [], overrides: [] });
  });

  it('seeds 2024–2026 from lunar-javascript once; a second call (even concurrent) writes nothing', async () => {
    expect(SEEDED_YEARS).toEqual([2024, 2025, 2026]);
    const [a, b] = await Promise.all([seedCalendar(pool), seedCalendar(pool)]);
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([[2024, 2025, 2026], []]);
    expect(await seedCalendar(pool)).toEqual([]);

    const { rows } = await pool.query<{ year: number; source: string }>('SELECT year, source FROM calendar_years ORDER BY year');
    expect(rows).toEqual([
      { year: 2024, source: 'lunar-javascript' },
      { year: 2025, source: 'lunar-javascript' },
      { year: 2026, source: 'lunar-javascript' },
    ]);
    const lunar = calendarFromLunar([2024, 2025, 2026]);
    const count = await pool.query<{ n: string }>('SELECT count(*) AS n FROM calendar_days');
    expect(Number(count.rows[0].n)).toBe(lunar.overrides.length);
  });

  it('does not mark a year covered when lunar-javascript has no data for it', async () => {
    // 2027's notice is not in the library: seeding it must leave it "missing", not "ordinary weeks".
    expect(calendarFromLunar([2027]).coveredYears).toEqual([]);
    expect(await seedCalendar(pool, [2026, 2027])).toEqual([]);
    expect((await loadCalendar(pool, 2027, 2027)).coveredYears).toEqual([]);
  });

  it('loads exactly the seeded data of the requested years', async () => {
    const cal = await loadCalendar(pool, 2026, 2026);
    expect(cal).toEqual(calendarFromLunar([2026]));
    expect(cal.overrides.every((o) => o.date.startsWith('2026-'))).toBe(true);
    expect(dayInfo(cal, '2026-10-01')).toEqual({ date: '2026-10-01', working: false, reason: 'holiday', name: '国庆节' });
    expect(dayInfo(cal, '2026-10-10')).toEqual({ date: '2026-10-10', working: true, reason: 'adjusted_workday', name: '国庆节调休上班' });
  });

  it('given loadCalendar(2026, 2027), then only 2026 is covered and a deadline running into 2027 is refused', async () => {
    const cal = await loadCalendar(pool, 2026, 2027);
    expect(cal.coveredYears).toEqual([2026]);
    expect(cal.overrides.some((o) => o.date.startsWith('2027-'))).toBe(false);

    const compute = () => computeDeadline({ start: '2026-12-20', period: parsePeriod('P15D'), calendar: cal });
    expect(compute).toThrow(CalendarYearMissingError);
    try {
      compute();
    } catch (e) {
      expect(e).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year: 2027 });
    }
    // A deadline within 2026 is fine.
    expect(computeDeadline({ start: '2026-12-01', period: parsePeriod('P15D'), calendar: cal }).lastDay).toBe('2026-12-16');
  });

  it('computes the same deadline around 国庆节 from the stored 2026 calendar as from the lunar data', async () => {
    const stored = await loadCalendar(pool, 2026, 2027);
    const lunar = calendarFromLunar([2026]);
    const cases: [string, string, string][] = [
      // [start, period, expected last day]
      ['2026-09-18', 'P15D', '2026-10-08'], // nominal 10-03 in the holiday → first working day after it
      ['2026-09-04', 'P15D', '2026-09-20'], // nominal Saturday 09-19 → the 调休 Sunday 09-20
      ['2026-09-30', 'P3WD', '2026-10-10'], // working days skip the holiday, count the 调休 Saturday
      ['2026-07-01', 'P3M', '2026-10-08'], // month period ending on 10-01
      ['2026-09-01', 'P1M', '2026-10-08'],
    ];
    for (const [start, period, lastDay] of cases) {
      const fromDb = computeDeadline({ start, period: parsePeriod(period), calendar: stored });
      const fromLunar = computeDeadline({ start, period: parsePeriod(period), calendar: lunar });
      expect({ start, period, lastDay: fromDb.lastDay }).toEqual({ start, period, lastDay });
      expect(fromDb).toEqual(fromLunar);
    }
  });

  it('given replaceYears for 2027 with a couple of overrides, then 2027 is covered and a deadline through 2027 is computable', async () => {
    const overrides: CalendarOverride[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '元旦' },
      { date: '2027-01-09', kind: 'workday', name: '元旦调休上班' },
    ];
    await replaceYears(pool, [2027], overrides, 'admin:alice');

    const cal = await loadCalendar(pool, 2026, 2027);
    expect(cal.coveredYears).toEqual([2026, 2027]);
    expect(cal.overrides.filter((o) => o.date.startsWith('2027-'))).toEqual(overrides);
    const { rows } = await pool.query<{ year: number; source: string }>('SELECT year, source FROM calendar_years WHERE year = 2027');
    expect(rows).toEqual([{ year: 2027, source: 'admin:alice' }]);

    // 2026-12-20 + 15 days = Monday 2027-01-04, now a holiday → Tuesday 2027-01-05.
    const d = computeDeadline({ start: '2026-12-20', period: parsePeriod('P15D'), calendar: cal });
    expect(d.lastDay).toBe('2027-01-05');
    expect(d.explanation.nominalLastDay).toBe('2027-01-04');
    expect(d.dueAt).toBe('2027-01-05T16:00:00.000Z');
    // 5 working days from Thursday 2026-12-31: 01-01..01-04 skipped, the 调休 Saturday 01-09 is the 5th.
    expect(computeDeadline({ start: '2026-12-31', period: parsePeriod('P5WD'), calendar: cal }).lastDay).toBe('2027-01-09');
  });

  it('replaces a year as a whole: an amendment drops the days it no longer lists, other years untouched', async () => {
    const before2026 = await loadCalendar(pool, 2026, 2026);
    await replaceYears(pool, [2027], [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], 'admin:bob');
    const cal = await loadCalendar(pool, 2027, 2027);
    expect(cal).toEqual({ coveredYears: [2027], overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(await loadCalendar(pool, 2026, 2026)).toEqual(before2026);
    // Seeding never overwrites what an administrator entered.
    expect(await seedCalendar(pool, [2027])).toEqual([]);
    expect(await loadCalendar(pool, 2027, 2027)).toEqual(cal);
  });

  it('refuses overrides outside the given years or invalid data, writing nothing', async () => {
    const before = await loadCalendar(pool, 2024, 2030);
    await expect(replaceYears(pool, [2028], [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }], 'x')).rejects.toThrow(/2029-01-01/);
    await expect(
      replaceYears(
        pool,
        [2028],
        [
          { date: '2028-01-01', kind: 'holiday', name: '元旦' },
          { date: '2028-01-01', kind: 'workday', name: '元旦调休上班' },
        ],
        'x',
      ),
    ).rejects.toThrow(/duplicate date/);
    await expect(replaceYears(pool, [2028], [{ date: '2028-02-30', kind: 'holiday', name: 'x' }], 'x')).rejects.toThrow(/valid YYYY-MM-DD/);
    await expect(
      replaceYears(pool, [2028], [{ date: '2028-03-01', kind: 'rest' as 'holiday', name: 'x' }], 'x'),
    ).rejects.toThrow(/kind must be/);
    expect(await loadCalendar(pool, 2024, 2030)).toEqual(before);
  });
});
