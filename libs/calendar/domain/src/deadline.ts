import { CivilDate, formatInstant, formatInstantMs, formatZoned, parseInstant, startOfDay } from './civil';
import { CalendarIndex, CalendarYearMissingError, DayInfo, HolidayCalendar, dayInfoIndexed, indexCalendar } from './calendar';
import { toPlainDate, weekdayName } from './dates';
import { Period, assertPeriod, periodLabel } from './period';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface DeadlineInput {
  /** YYYY-MM-DD, the day of the event (e.g. assignedOn); counting starts the next day */
  start: string;
  /** ISO instant with offset or 'Z'; required for unit 'second' */
  startInstant?: string;
  period: Period;
  calendar: HolidayCalendar;
  /** default 'Asia/Shanghai' */
  timeZone?: string;
}

export interface DeadlineAdjustment {
  date: string;
  reason: string;
}

export interface DeadlineExplanation {
  start: string;
  period: Period;
  /** first day counted (the day after start); absent for 'second' */
  countingStartsOn?: string;
  /** last day by plain arithmetic, before moving off rest days; absent for 'second' */
  nominalLastDay?: string;
  /** every calendar decision that moved the date or was skipped while counting */
  adjustments: DeadlineAdjustment[];
  lastDay?: string;
  /** the same instant as dueAt, as local time with offset in the calculation's time zone */
  endsAt: string;
  /** Chinese, human-readable */
  text: string;
}

export interface Deadline {
  /** YYYY-MM-DD; null for 'second' */
  lastDay: string | null;
  /** ISO instant in UTC ('Z'): 24:00 of lastDay in the time zone, i.e. the start of the next day */
  dueAt: string;
  explanation: DeadlineExplanation;
  /** Set when a year the calculation touched has no calendar data yet (see computeDeadlineReported). */
  provisional?: { missingYears: number[] };
}

/**
 * computeDeadline for running work: where a year has no calendar data yet (the State Council
 * announces next year's holidays late in the year), that year is counted as ordinary weeks and
 * the deadline says so — `provisional` and a sentence in the explanation — instead of stopping
 * the office. It is never silent: the item shows the warning, and amending the calendar
 * recomputes it.
 */
export function computeDeadlineReported(input: DeadlineInput): Deadline {
  const missing: number[] = [];
  let calendar = input.calendar;
  for (;;) {
    try {
      const d = computeDeadline({ ...input, calendar });
      if (missing.length === 0) return d;
      const note = `注意：${missing.join('、')}年节假日安排尚未录入，暂按普通周末计算，录入后将重新计算。`;
      return { ...d, provisional: { missingYears: missing }, explanation: { ...d.explanation, text: `${d.explanation.text}${note}` } };
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError) || missing.includes(e.year) || missing.length >= 10) throw e;
      missing.push(e.year);
      calendar = { ...calendar, coveredYears: [...calendar.coveredYears, e.year] };
    }
  }
}

/**
 * Civil Code Art. 201–203: counting starts the day after `start`; months end on the
 * same-numbered day of the final month (or its last day); the deadline ends at 24:00 of the
 * last day; a last day that is a statutory holiday or rest day moves to the next working day,
 * 调休 working weekends counting as working days.
 *
 * @throws CalendarYearMissingError if a day the calculation needs lies in an uncovered year
 * @throws RangeError on malformed input
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { period } = input;
  assertPeriod(period);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const start = toPlainDate(input.start, 'start');
  if (period.unit === 'second') return secondsDeadline(input, timeZone);

  const idx = indexCalendar(input.calendar);
  const countingStartsOn = start.addDays(1);
  const adjustments: DeadlineAdjustment[] = [];
  const parts = [`起算日 ${start}，期间${periodLabel(period)}，自次日 ${countingStartsOn} 开始计算`];
  let nominal: CivilDate;
  let last: DayInfo;

  if (period.unit === 'working_day') {
    const counted = countWorkingDays(idx, start, period.amount);
    nominal = toPlainDate(counted.last.date);
    last = counted.last;
    for (const s of counted.skipped) {
      adjustments.push({ date: s.date, reason: `${s.date} ${dayLabel(s)} 休息日，不计入工作日` });
    }
    if (counted.skipped.length) parts.push(`不计入的休息日：${describeRuns(counted.skipped)}`);
    if (counted.adjusted.length) {
      parts.push(`计入的调休工作日：${counted.adjusted.map((d) => `${d.date}（${d.name}）`).join('、')}`);
    }
    parts.push(`第 ${period.amount} 个工作日 ${describeDay(last)}为期间最后一日`);
  } else {
    nominal = period.unit === 'day' ? start.addDays(period.amount) : start.addMonths(period.amount);
    let nominalPhrase = `按期计算的最后一日为 ${describeDay(dayInfoIndexed(idx, nominal))}`;
    if (period.unit === 'month' && nominal.day !== start.day) {
      // addMonths already lands on the month's last day (Civil Code Art. 202).
      const ym = nominal.yearMonth();
      const reason = `${ym} 没有第 ${start.day} 日，以月末日 ${nominal} 为最后一日`;
      adjustments.push({ date: nominal.toString(), reason });
      nominalPhrase = `到期月 ${ym} 没有第 ${start.day} 日，以月末日 ${describeDay(dayInfoIndexed(idx, nominal))}为按期计算的最后一日`;
    }
    const rolled = rollToWorkingDay(idx, nominal);
    last = rolled.last;
    for (const s of rolled.skipped) {
      adjustments.push({ date: s.date, reason: `${s.date} ${dayLabel(s)} 休息日，顺延` });
    }
    if (rolled.skipped.length) {
      parts.push(`${nominalPhrase}，因 ${describeRuns(rolled.skipped)}为法定节假日或休息日，顺延至下一个工作日 ${describeDay(last)}`);
    } else if (last.reason === 'adjusted_workday') {
      parts.push(`${nominalPhrase}，该日为调休工作日，不顺延`);
    } else {
      parts.push(nominalPhrase);
    }
  }

  const lastDay = last.date;
  const end = startOfDay(toPlainDate(lastDay).addDays(1), timeZone); // start of next day = 24:00
  const dueAt = formatInstantMs(end);
  const endsAt = formatZoned({ epochMs: end, subMs: '' }, timeZone);
  parts.push(`期限至 ${lastDay} 24:00（${timeZone}）届满`);

  return {
    lastDay,
    dueAt,
    explanation: {
      start: start.toString(),
      period: { ...period },
      countingStartsOn: countingStartsOn.toString(),
      nominalLastDay: nominal.toString(),
      adjustments,
      lastDay,
      endsAt,
      text: parts.join('；') + '。',
    },
  };
}

function secondsDeadline(input: DeadlineInput, timeZone: string): Deadline {
  if (!input.startInstant) throw new RangeError("startInstant is required for periods in unit 'second'");
  const from = parseInstant(input.startInstant);
  if (!from) throw new RangeError(`startInstant must be an ISO instant with offset, got ${JSON.stringify(input.startInstant)}`);
  const end = { epochMs: from.epochMs + input.period.amount * 1000, subMs: from.subMs };
  const dueAt = formatInstantMs(end.epochMs);
  const endsAt = formatZoned(end, timeZone);
  const text =
    `起算时刻 ${formatInstant(from)}，期间${periodLabel(input.period)}（测试用短期限，不按日历计算、不顺延）；` +
    `期限至 ${endsAt} 届满。`;
  return {
    lastDay: null,
    dueAt,
    explanation: { start: input.start, period: { ...input.period }, adjustments: [], endsAt, text },
  };
}

function rollToWorkingDay(idx: CalendarIndex, from: CivilDate): { last: DayInfo; skipped: DayInfo[] } {
  const skipped: DayInfo[] = [];
  let d = from;
  // Terminates: either a working day comes, or an uncovered year throws.
  for (;;) {
    const info = dayInfoIndexed(idx, d);
    if (info.working) return { last: info, skipped };
    skipped.push(info);
    d = d.addDays(1);
  }
}

function countWorkingDays(
  idx: CalendarIndex,
  start: CivilDate,
  n: number,
): { last: DayInfo; skipped: DayInfo[]; adjusted: DayInfo[] } {
  const skipped: DayInfo[] = [];
  const adjusted: DayInfo[] = [];
  let d = start;
  let counted = 0;
  for (;;) {
    d = d.addDays(1);
    const info = dayInfoIndexed(idx, d);
    if (!info.working) {
      skipped.push(info);
      continue;
    }
    if (info.reason === 'adjusted_workday') adjusted.push(info);
    if (++counted === n) return { last: info, skipped, adjusted };
  }
}

/** Holiday name, or the weekday for plain weekends. */
function dayLabel(info: DayInfo): string {
  return info.name ?? weekdayName(toPlainDate(info.date));
}

function describeDay(info: DayInfo): string {
  const wd = weekdayName(toPlainDate(info.date));
  return info.reason === 'adjusted_workday' ? `${info.date}（${wd}，${info.name}）` : `${info.date}（${wd}）`;
}

/** Consecutive days with the same label collapse into 'A至B（label）'. */
function describeRuns(days: DayInfo[]): string {
  const runs: { first: string; last: string; label: string; single: string }[] = [];
  for (const info of days) {
    const label = info.name ?? '周末';
    const prev = runs[runs.length - 1];
    if (prev && prev.label === label && toPlainDate(prev.last).addDays(1).toString() === info.date) {
      prev.last = info.date;
    } else {
      runs.push({ first: info.date, last: info.date, label, single: dayLabel(info) });
    }
  }
  return runs
    .map((r) => (r.first === r.last ? `${r.first}（${r.single}）` : `${r.first}至${r.last}（${r.label}）`))
    .join('、');
}
