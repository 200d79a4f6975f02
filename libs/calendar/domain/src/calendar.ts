import type { CivilDate } from './civil';
import { isValidDate, isWeekend, toPlainDate } from './dates';

/**
 * holiday: statutory holiday / rest day, possibly on a weekday;
 * workday: 调休 working day that falls on a weekend.
 */
export type DayKind = 'holiday' | 'workday';

export interface CalendarOverride {
  /** YYYY-MM-DD */
  date: string;
  kind: DayKind;
  /** e.g. '春节', '国庆节', '春节调休上班' */
  name: string;
}

/**
 * The official holiday calendar as data. Only years listed in `coveredYears` may be
 * asked about: a year without data is an error, never "ordinary weeks".
 */
export interface HolidayCalendar {
  coveredYears: number[];
  overrides: CalendarOverride[];
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  /** holiday / 调休 name, present for reasons 'holiday' and 'adjusted_workday' */
  name?: string;
}

export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING' as const;

  constructor(readonly year: number) {
    super(`The holiday calendar has no data for year ${year}; an administrator must add it`);
    this.name = 'CalendarYearMissingError';
  }
}

/** Lookup structure built once per calculation (calendars are small, but deadlines scan many days). */
export interface CalendarIndex {
  readonly covered: ReadonlySet<number>;
  readonly byDate: ReadonlyMap<string, CalendarOverride>;
}

export function indexCalendar(cal: HolidayCalendar): CalendarIndex {
  const byDate = new Map<string, CalendarOverride>();
  // Later entries win, matching mergeCalendars.
  for (const o of cal.overrides) byDate.set(o.date, o);
  return { covered: new Set(cal.coveredYears), byDate };
}

export function dayInfoIndexed(idx: CalendarIndex, d: CivilDate): DayInfo {
  if (!idx.covered.has(d.year)) throw new CalendarYearMissingError(d.year);
  const date = d.toString();
  const o = idx.byDate.get(date);
  if (o) {
    return o.kind === 'holiday'
      ? { date, working: false, reason: 'holiday', name: o.name }
      : { date, working: true, reason: 'adjusted_workday', name: o.name };
  }
  return isWeekend(d) ? { date, working: false, reason: 'weekend' } : { date, working: true, reason: 'weekday' };
}

/** @throws CalendarYearMissingError if the date's year is not covered */
export function dayInfo(cal: HolidayCalendar, date: string): DayInfo {
  return dayInfoIndexed(indexCalendar(cal), toPlainDate(date));
}

/** @throws CalendarYearMissingError if the date's year is not covered */
export function isWorkingDay(cal: HolidayCalendar, date: string): boolean {
  return dayInfo(cal, date).working;
}

export function calendarCoversYear(cal: HolidayCalendar, year: number): boolean {
  return cal.coveredYears.includes(year);
}

/**
 * Amend/extend a calendar: b's override wins for a date present in both; covered years are
 * the union. To cancel an entry of `a`, give b an override with the ordinary meaning of the day.
 */
export function mergeCalendars(a: HolidayCalendar, b: HolidayCalendar): HolidayCalendar {
  const byDate = new Map<string, CalendarOverride>();
  for (const o of [...a.overrides, ...b.overrides]) byDate.set(o.date, { ...o });
  return {
    coveredYears: [...new Set([...a.coveredYears, ...b.coveredYears])].sort((x, y) => x - y),
    overrides: [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
  };
}

/** Problems in administrator-supplied calendar data; empty when it is usable. */
export function validateCalendar(cal: HolidayCalendar): string[] {
  const problems: string[] = [];
  if (!cal || !Array.isArray(cal.coveredYears) || !Array.isArray(cal.overrides)) {
    return ['calendar must have coveredYears[] and overrides[]'];
  }
  for (const y of cal.coveredYears) {
    if (!Number.isInteger(y) || y < 1900 || y > 9999) problems.push(`invalid covered year: ${JSON.stringify(y)}`);
  }
  const seen = new Set<string>();
  for (const o of cal.overrides) {
    const where = `override ${JSON.stringify(o?.date)}`;
    if (!isValidDate(o?.date)) {
      problems.push(`${where}: date must be a valid YYYY-MM-DD`);
      continue;
    }
    if (o.kind !== 'holiday' && o.kind !== 'workday') problems.push(`${where}: kind must be 'holiday' or 'workday'`);
    if (typeof o.name !== 'string' || o.name.trim() === '') problems.push(`${where}: name is required`);
    if (seen.has(o.date)) problems.push(`${where}: duplicate date`);
    seen.add(o.date);
    const year = Number(o.date.slice(0, 4));
    // Such an entry would never be consulted: lookups in an uncovered year throw.
    if (!cal.coveredYears.includes(year)) problems.push(`${where}: year ${year} is not in coveredYears`);
  }
  return problems;
}
