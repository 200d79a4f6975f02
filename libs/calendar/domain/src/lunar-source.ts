import { CalendarOverride, HolidayCalendar } from './calendar';

// lunar-javascript ships no typings; only the part used here is described.
interface LunarHoliday {
  getDay(): string; // YYYY-MM-DD
  getName(): string;
  isWork(): boolean; // true: 调休 working day
}
interface LunarModule {
  HolidayUtil: { getHolidays(year: number): LunarHoliday[] };
}
// require (not import) so that consumers need no ambient module declaration to typecheck.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HolidayUtil } = require('lunar-javascript') as LunarModule;

// The library's names differ slightly from those of the State Council notices.
const OFFICIAL_NAMES: Record<string, string> = { 元旦节: '元旦', 国庆中秋: '国庆节、中秋节' };

/**
 * Official holiday arrangements (国务院办公厅 notices) as maintained in lunar-javascript.
 * Years the library has no data for (e.g. next year before its notice is published) are left
 * out of coveredYears, so using them raises CalendarYearMissingError instead of guessing.
 */
export function calendarFromLunar(years: number[]): HolidayCalendar {
  const coveredYears: number[] = [];
  const overrides: CalendarOverride[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const days = HolidayUtil.getHolidays(year).filter((h) => h.getDay().startsWith(`${year}-`));
    if (days.length === 0) continue;
    coveredYears.push(year);
    for (const h of days) {
      const name = OFFICIAL_NAMES[h.getName()] ?? h.getName();
      overrides.push(
        h.isWork()
          ? { date: h.getDay(), kind: 'workday', name: `${name}调休上班` }
          : { date: h.getDay(), kind: 'holiday', name },
      );
    }
  }
  overrides.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { coveredYears, overrides };
}
