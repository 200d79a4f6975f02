import { Temporal } from 'temporal-polyfill';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAY_NAMES = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

/** Strict 'YYYY-MM-DD' parse; Temporal alone would also accept date-times and extended years. */
export function toPlainDate(date: string, what = 'date'): Temporal.PlainDate {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) {
    throw new RangeError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  }
  try {
    return Temporal.PlainDate.from(date);
  } catch {
    throw new RangeError(`${what} is not a valid calendar date: ${date}`);
  }
}

export function isValidDate(date: unknown): date is string {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return false;
  try {
    Temporal.PlainDate.from(date);
    return true;
  } catch {
    return false;
  }
}

export function weekdayName(d: Temporal.PlainDate): string {
  return WEEKDAY_NAMES[d.dayOfWeek - 1];
}

export function isWeekend(d: Temporal.PlainDate): boolean {
  return d.dayOfWeek >= 6;
}
