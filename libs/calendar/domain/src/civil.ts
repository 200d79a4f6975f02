/**
 * Calendar dates and instants, as plain integer arithmetic.
 *
 * Why not temporal-polyfill: this library runs inside every item's workflow, and the Temporal
 * SDK evaluates a workflow's modules once per workflow (each has its own module cache, so
 * workflows cannot share state). The polyfill was 270 KB of source evaluated for every item
 * the worker loads, and part of each cached workflow's heap, for the dozen operations deadlines
 * need. These few functions give the same results (`civil.unit.spec.ts` checks them against
 * the polyfill across years of dates, month ends and time zones).
 */

const DAY_MS = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (year: number, month: number): number => (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** ISO 8601 years: four digits, or six with a sign outside 0000–9999 (as Temporal prints them). */
const isoYear = (y: number): string => (y >= 0 && y <= 9999 ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}`);

/** A calendar date (ISO calendar), immutable. */
export class CivilDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** Only a real date: months 1–12, days within the month. */
  static of(year: number, month: number, day: number): CivilDate | null {
    if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return new CivilDate(year, month, day);
  }

  static fromEpochDays(days: number): CivilDate {
    const { year, month, day } = civilFromDays(days);
    return new CivilDate(year, month, day);
  }

  /** Days since 1970-01-01. */
  get epochDays(): number {
    return daysFromCivil(this.year, this.month, this.day);
  }

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  get dayOfWeek(): number {
    // 1970-01-01 was a Thursday (4).
    return ((((this.epochDays + 3) % 7) + 7) % 7) + 1;
  }

  addDays(days: number): CivilDate {
    return CivilDate.fromEpochDays(this.epochDays + days);
  }

  /** Calendar months; a day the target month lacks becomes its last day (Temporal's 'constrain'). */
  addMonths(months: number): CivilDate {
    const total = this.year * 12 + (this.month - 1) + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    return new CivilDate(year, month, Math.min(this.day, daysInMonth(year, month)));
  }

  /** 'YYYY-MM' */
  yearMonth(): string {
    return `${isoYear(this.year)}-${pad(this.month)}`;
  }

  toString(): string {
    return `${this.yearMonth()}-${pad(this.day)}`;
  }
}

/**
 * An exact instant: milliseconds since the epoch, plus the digits below a millisecond an input
 * carried (kept only to print them back as given).
 */
export interface Instant {
  epochMs: number;
  /** 0–6 digits below the millisecond, as written */
  subMs: string;
}

const INSTANT =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** An ISO 8601 date-time with 'Z' or an offset; null for anything else (no offset means no instant). */
export function parseInstant(s: string): Instant | null {
  const m = typeof s === 'string' ? INSTANT.exec(s) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, sec = '0', frac = '', , sign, oh, om = '0'] = m;
  const date = CivilDate.of(Number(y), Number(mo), Number(d));
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  if (!date || hour > 23 || minute > 59 || second > 59 || Number(oh ?? 0) > 23 || Number(om) > 59) return null;
  const digits = frac.padEnd(9, '0');
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const epochMs = date.epochDays * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + Number(digits.slice(0, 3)) - offsetMs;
  return { epochMs, subMs: digits.slice(3).replace(/0+$/, '') };
}

/** An epoch millisecond as UTC wall-clock time to the second, and its milliseconds (Date prints years as Temporal does). */
function utcParts(epochMs: number): { dateTime: string; ms: number } {
  const iso = new Date(epochMs).toISOString();
  return { dateTime: iso.slice(0, iso.lastIndexOf('.')), ms: epochMs - Math.floor(epochMs / 1000) * 1000 };
}

/** Fraction digits as Temporal prints them by default: as many as needed, none for a whole second. */
function autoFraction(ms: number, subMs = ''): string {
  const digits = (pad(ms, 3) + subMs).replace(/0+$/, '');
  return digits ? `.${digits}` : '';
}

/** 'YYYY-MM-DDTHH:MM:SS[.fff…]Z', the fraction as short as it can be (Temporal's Instant.toString()). */
export function formatInstant(i: Instant): string {
  const p = utcParts(i.epochMs);
  return `${p.dateTime}${autoFraction(p.ms, i.subMs)}Z`;
}

/** 'YYYY-MM-DDTHH:MM:SS.sssZ' (Temporal's toString({ fractionalSecondDigits: 3 })). */
export function formatInstantMs(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  if (timeZone === 'UTC') return 0;
  // Deadlines ask about the same few instants (the starts of the same days) again and again.
  const key = `${timeZone} ${epochMs}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = lookUpOffset(timeZone, epochMs);
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** zoneOffsetMs's answers by zone and instant (a pure function's, capped). */
const offsets = new Map<string, number>();

function lookUpOffset(timeZone: string, epochMs: number): number {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, as Temporal does.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = daysFromCivil(year, Number(parts.month), Number(parts.day)) * DAY_MS + ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000;
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The first instant of a date in a time zone (Temporal's PlainDate.toZonedDateTime(timeZone)):
 * its midnight, or where a zone skips midnight, the moment the day begins after the gap.
 */
export function startOfDay(date: CivilDate, timeZone: string): number {
  const wall = date.epochDays * DAY_MS;
  const before = zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = zoneOffsetMs(timeZone, wall + DAY_MS);
  // Midnight exists under the offset before the day or the one after it (earlier one first).
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const t = wall - offset;
    if (zoneOffsetMs(timeZone, t) === offset) return t;
  }
  // Midnight falls in a gap: the day starts at the transition, the instant midnight maps to under the earlier offset.
  return wall - before;
}

/** An instant as wall-clock time with offset in a zone ('2026-03-02T00:00:00+08:00'), as Temporal's ZonedDateTime prints it without the zone's name. */
export function formatZoned(i: Instant, timeZone: string): string {
  const offset = zoneOffsetMs(timeZone, i.epochMs);
  const p = utcParts(i.epochMs + offset);
  const abs = Math.abs(offset) / 1000;
  const hhmm = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
  return `${p.dateTime}${autoFraction(p.ms, i.subMs)}${abs % 60 ? `${hhmm}:${pad(abs % 60)}` : hhmm}`;
}
