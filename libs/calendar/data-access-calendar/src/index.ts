/**
 * The holiday calendar as data an administrator can extend (SPEC §5): one row per day that is not
 * what its weekday says (statutory holidays on weekdays, 调休 working weekends), and one row per
 * year whose data is complete. A year without a row in calendar_years is "not covered": deadline
 * rules refuse it rather than treat it as ordinary weeks.
 */
import type { Pool, PoolClient } from 'pg';
import { withTransaction, type Migration } from '@jyta/db';
import { validateCalendar, type CalendarOverride, type HolidayCalendar } from '@jyta/calendar-domain';
import { calendarFromLunar } from '@jyta/calendar-domain/src/lunar-source';

export const calendarMigrations: Migration[] = [
  {
    id: '0200_calendar',
    sql: `
      CREATE TABLE IF NOT EXISTS calendar_years (
        year int PRIMARY KEY,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS calendar_days (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL,
        source text NOT NULL
      );
    `,
  },
];

/** Years seeded from lunar-javascript (the maintained source) on first start. */
export const SEEDED_YEARS = [2024, 2025, 2026];

/**
 * Seeds the years of `years` that have no data yet from lunar-javascript and returns the years it
 * wrote. A year the library has no holiday data for stays uncovered (an administrator must add it
 * with `replaceYears`), and a year already present (seeded, or entered by an administrator) is
 * never overwritten. Safe when several processes start at once: they take turns, and only the
 * first writes anything.
 */
export async function seedCalendar(pool: Pool, years: number[] = SEEDED_YEARS): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('jyta:calendar', 0))`);
    const { rows } = await client.query<{ year: number }>('SELECT year FROM calendar_years WHERE year = ANY($1)', [years]);
    const missing = [...new Set(years)].filter((y) => !rows.some((r) => r.year === y));
    if (missing.length === 0) return [];
    const cal = calendarFromLunar(missing);
    if (cal.coveredYears.length === 0) return [];
    await writeYears(client, cal.coveredYears, cal.overrides, 'lunar-javascript');
    return cal.coveredYears;
  });
}

/**
 * Replaces the data of the given years (an administrator's amendment or a new year): their days
 * are deleted and `overrides` written, and the years are marked covered.
 *
 * @throws Error if the data is not a usable calendar for exactly those years (see validateCalendar)
 */
export async function replaceYears(pool: Pool, years: number[], overrides: CalendarOverride[], source: string): Promise<void> {
  const outside = overrides.find((o) => typeof o?.date === 'string' && !years.includes(Number(o.date.slice(0, 4))));
  if (outside) throw new Error(`${outside.date} 不在所提交的年份 ${years.join(',')} 内`);
  const problems = validateCalendar({ coveredYears: years, overrides });
  if (problems.length) throw new Error(`日历数据无效 / invalid calendar data: ${problems.join('; ')}`);
  await withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('jyta:calendar', 0))`);
    await client.query('DELETE FROM calendar_days WHERE extract(year FROM day)::int = ANY($1)', [years]);
    await writeYears(client, years, overrides, source);
  });
}

async function writeYears(client: PoolClient, years: number[], overrides: CalendarOverride[], source: string) {
  for (const o of overrides) {
    await client.query(
      `INSERT INTO calendar_days (day, kind, name, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source`,
      [o.date, o.kind, o.name, source],
    );
  }
  for (const y of years) {
    await client.query(
      `INSERT INTO calendar_years (year, source) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_at = now()`,
      [y, source],
    );
  }
}

export async function loadCalendar(pool: Pool, fromYear: number, toYear: number): Promise<HolidayCalendar> {
  const years = await pool.query<{ year: number }>(
    'SELECT year FROM calendar_years WHERE year BETWEEN $1 AND $2 ORDER BY year',
    [fromYear, toYear],
  );
  const days = await pool.query<{ day: string; kind: 'holiday' | 'workday'; name: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days
     WHERE day >= make_date($1, 1, 1) AND day < make_date($2 + 1, 1, 1) ORDER BY day`,
    [fromYear, toYear],
  );
  return {
    coveredYears: years.rows.map((r) => r.year),
    overrides: days.rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })),
  };
}

/** A covered year as stored: where its data came from, when it was last written, how many days it lists. */
export interface CalendarYearRecord {
  year: number;
  source: string;
  /** ISO instant */
  updatedAt: string;
  /** number of holiday / 调休 rows of the year */
  dayCount: number;
}

/** Every covered year, oldest first. */
export async function calendarYears(pool: Pool | PoolClient): Promise<CalendarYearRecord[]> {
  const { rows } = await pool.query<{ year: number; source: string; updated_at: Date; day_count: number }>(
    `SELECT y.year, y.source, y.updated_at,
            (SELECT count(*)::int FROM calendar_days d WHERE extract(year FROM d.day)::int = y.year) AS day_count
     FROM calendar_years y ORDER BY y.year`,
  );
  return rows.map((r) => ({ year: r.year, source: r.source, updatedAt: new Date(r.updated_at).toISOString(), dayCount: r.day_count }));
}

/** One year's data: `covered` false (and no days) when it has not been entered yet. */
export async function calendarYear(
  pool: Pool | PoolClient,
  year: number,
): Promise<{ year: number; covered: boolean; source: string | null; updatedAt: string | null; days: CalendarOverride[] }> {
  const meta = await pool.query<{ source: string; updated_at: Date }>('SELECT source, updated_at FROM calendar_years WHERE year = $1', [year]);
  const days = await pool.query<{ day: string; kind: 'holiday' | 'workday'; name: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days
     WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
    [year],
  );
  const row = meta.rows[0];
  return {
    year,
    covered: !!row,
    source: row?.source ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    days: days.rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })),
  };
}
