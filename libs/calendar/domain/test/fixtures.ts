import { CalendarOverride, HolidayCalendar } from '../src';

function range(from: string, to: string, kind: CalendarOverride['kind'], name: string): CalendarOverride[] {
  const out: CalendarOverride[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end; t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind, name });
  }
  return out;
}
const work = (date: string, name: string): CalendarOverride => ({ date, kind: 'workday', name });

/**
 * Hand-transcribed from the State Council General Office holiday notices for 2025 and 2026,
 * independent of lunar-javascript. Only the holidays the tests use.
 */
export const HAND_2025_2026: HolidayCalendar = {
  coveredYears: [2025, 2026],
  overrides: [
    ...range('2025-01-28', '2025-02-04', 'holiday', '春节'),
    work('2025-01-26', '春节调休上班'),
    work('2025-02-08', '春节调休上班'),
    ...range('2025-10-01', '2025-10-08', 'holiday', '国庆节、中秋节'),
    work('2025-09-28', '国庆节、中秋节调休上班'),
    work('2025-10-11', '国庆节、中秋节调休上班'),
    ...range('2026-01-01', '2026-01-03', 'holiday', '元旦'),
    work('2026-01-04', '元旦调休上班'),
    ...range('2026-02-15', '2026-02-23', 'holiday', '春节'),
    work('2026-02-14', '春节调休上班'),
    work('2026-02-28', '春节调休上班'),
    ...range('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
    work('2026-09-20', '国庆节调休上班'),
    work('2026-10-10', '国庆节调休上班'),
  ],
};

/** An administrator-declared calendar for 2027–2028 with no special days (enough for Feb 2028). */
export const PLAIN_2027_2028: HolidayCalendar = { coveredYears: [2027, 2028], overrides: [] };

/** 2026 as ordinary weeks, to show what the holiday data changes. */
export const PLAIN_2026: HolidayCalendar = { coveredYears: [2026], overrides: [] };

export const EMPTY: HolidayCalendar = { coveredYears: [], overrides: [] };
