import { CivilDate } from './civil';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAY_NAMES = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

/** Strict 'YYYY-MM-DD' parse: a real calendar date, nothing more (no times, no extended years). */
export function toPlainDate(date: string, what = 'date'): CivilDate {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) {
    throw new RangeError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  }
  const d = parse(date);
  if (!d) throw new RangeError(`${what} is not a valid calendar date: ${date}`);
  return d;
}

export function isValidDate(date: unknown): date is string {
  return typeof date === 'string' && ISO_DATE.test(date) && parse(date) !== null;
}

const parse = (date: string): CivilDate | null => CivilDate.of(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

export function weekdayName(d: CivilDate): string {
  return WEEKDAY_NAMES[d.dayOfWeek - 1];
}

export function isWeekend(d: CivilDate): boolean {
  return d.dayOfWeek >= 6;
}
