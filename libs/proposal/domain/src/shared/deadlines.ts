/**
 * Deadlines two slices share: the co-units' opinion deadline (set at assignment, counted again by a
 * calendar recompute) and the month arithmetic of the monthly reports.
 */
import {
  CalendarYearMissingError,
  computeDeadlineReported,
  dayInfo,
  endOfShanghaiDay,
  parsePeriod,
  shanghaiDate,
  shanghaiDateTime,
  type Deadline,
  type HolidayCalendar,
  type Period,
} from '@jyta/calendar-domain';
import type { AssignedUnit } from '../events';
import { DEFAULT_POLICY, type Policy } from './values';

// ---- dates -------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export const isDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(s));
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const addDays = (date: string, n: number) => new Date(dayMs(date) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
const weekday = (date: string) => WEEKDAYS[new Date(dayMs(date)).getUTCDay()];
/** 24:00 Asia/Shanghai of a day (the one helper lives in the calendar). */
export { endOfShanghaiDay };

/** 'YYYY-MM' of a date or instant's day. */
export const monthOf = (date: string) => date.slice(0, 7);
/** Month arithmetic on 'YYYY-MM' (December + 1 is January of the next year). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const daysInMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};
/** The day `day` of `month` ('YYYY-MM-DD'); a day the month lacks (31 in April) is its last day. */
export const dayOfMonth = (month: string, day: number) => `${month}-${String(Math.min(Math.max(1, day), daysInMonth(month))).padStart(2, '0')}`;

function subtractMonths(date: string, n: number): string {
  const month = addMonths(monthOf(date), -n);
  return dayOfMonth(month, Number(date.slice(8, 10)));
}

export function safePeriod(raw: string | undefined): Period | undefined {
  if (!raw) return undefined;
  try {
    return parsePeriod(raw);
  } catch {
    return undefined;
  }
}

/**
 * The calendar as the deadlines use it, where a year without data counts as ordinary weeks (and
 * the deadline says so), as computeDeadlineReported does: work must not stop for it.
 */
function workingDayOracle(calendar: HolidayCalendar | undefined) {
  const missing = new Set<number>();
  const cal = calendar ?? { coveredYears: [], overrides: [] };
  const working = (date: string): boolean => {
    try {
      return dayInfo(cal, date).working;
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      missing.add(e.year);
      const wd = new Date(dayMs(date)).getUTCDay();
      return wd !== 0 && wd !== 6;
    }
  };
  return { working, missing };
}

// ---- 会办意见: the deadline -----------------------------------------------------------------------------

/**
 * The co-units' opinion deadline (SPEC §4.2, §5): the lead's reply deadline minus the lead time
 * (policy `coUnitOpinionLeadTime`, 30 days). Counted back from the lead's last day; a last day
 * that is a rest day moves to the next working day, like every deadline (Civil Code Art. 203).
 * Where the lead time would leave the co-unit less than half the lead's own time (an urgent item
 * with a one-month period: 30 days before its end is the day of assignment), the opinion falls
 * due halfway instead, so a co-unit always has a real period of its own.
 * Test policies in seconds count in instants, without the calendar.
 */
export function coUnitOpinionDue(args: { assignedOn: string; at: string; leadDue: Deadline; leadTime: string; calendar?: HolidayCalendar }): Deadline {
  const { assignedOn, at, leadDue } = args;
  const period = safePeriod(args.leadTime) ?? parsePeriod(DEFAULT_POLICY.coUnitOpinionLeadTime!);
  if (!leadDue.lastDay || period.unit === 'second') {
    const unitMs = period.unit === 'second' ? 1000 : period.unit === 'month' ? 30 * DAY_MS : DAY_MS;
    const end = Date.parse(leadDue.dueAt);
    const half = Date.parse(at) + Math.floor((end - Date.parse(at)) / 2);
    const dueMs = Math.max(end - period.amount * unitMs, half);
    const dueAt = new Date(dueMs).toISOString();
    const endsAt = shanghaiDateTime(new Date(dueMs).toISOString());
    return {
      lastDay: null,
      dueAt,
      explanation: {
        start: assignedOn,
        period: { ...period },
        adjustments: [],
        endsAt,
        text: `主办单位答复期限 ${leadDue.dueAt} 前${period.amount}${period.unit === 'second' ? '秒' : '日'}（测试用短期限，不按日历计算、不顺延，且不少于主办单位期限的一半）；会办意见期限至 ${endsAt} 届满。`,
      },
    };
  }
  const { working, missing } = workingDayOracle(args.calendar);
  const leadLast = leadDue.lastDay;
  let nominal: string;
  let phrase: string;
  if (period.unit === 'working_day') {
    let d = leadLast;
    for (let n = 0; n < period.amount; ) {
      d = addDays(d, -1);
      if (working(d)) n++;
    }
    nominal = d;
    phrase = `前${period.amount}个工作日`;
  } else if (period.unit === 'month') {
    nominal = subtractMonths(leadLast, period.amount);
    phrase = `前${period.amount}个月`;
  } else {
    nominal = addDays(leadLast, -period.amount);
    phrase = `前${period.amount}日`;
  }
  const parts = [`主办单位答复期限最后一日 ${leadLast}，${phrase}为 ${nominal}（${weekday(nominal)}）`];
  const adjustments: { date: string; reason: string }[] = [];
  const half = addDays(assignedOn, Math.floor(daysBetween(assignedOn, leadLast) / 2));
  let last = nominal;
  if (last < half) {
    last = half;
    const reason = `会办单位期限不少于主办单位期限的一半，以接办日 ${assignedOn} 至 ${leadLast} 的中间日 ${half} 为最后一日`;
    adjustments.push({ date: half, reason });
    parts.push(reason);
  }
  const skipped: string[] = [];
  while (!working(last) && last < leadLast) {
    skipped.push(last);
    adjustments.push({ date: last, reason: `${last} ${weekday(last)} 休息日，顺延` });
    last = addDays(last, 1);
  }
  if (skipped.length) parts.push(`因 ${skipped.join('、')} 为法定节假日或休息日，顺延至下一个工作日 ${last}（${weekday(last)}）`);
  parts.push(`会办意见期限至 ${last} 24:00（Asia/Shanghai）届满`);
  const years = [...missing].sort();
  const note = years.length ? `注意：${years.join('、')}年节假日安排尚未录入，暂按普通周末计算，录入后将重新计算。` : '';
  return {
    lastDay: last,
    dueAt: endOfShanghaiDay(last),
    explanation: {
      start: leadLast,
      period: { ...period },
      nominalLastDay: nominal,
      adjustments,
      lastDay: last,
      endsAt: `${addDays(last, 1)}T00:00:00+08:00`,
      text: parts.join('；') + '。' + note,
    },
    ...(years.length ? { provisional: { missingYears: years } } : {}),
  };
}

/**
 * At assignment: each co-unit gets its opinion deadline from the earliest reply deadline of the
 * lead units assigned with it (all units of one assignment share assignedOn, so it is theirs).
 */
export function withOpinionDues(
  units: AssignedUnit[],
  args: { assignedOn: string; at: string; policy: Policy; calendar?: HolidayCalendar },
): AssignedUnit[] {
  const leadDue = units
    .filter((u) => u.role === 'lead')
    .map((u) => u.replyDue)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  if (!leadDue || !units.some((u) => u.role === 'co')) return units;
  const leadTime = args.policy.coUnitOpinionLeadTime ?? DEFAULT_POLICY.coUnitOpinionLeadTime!;
  const opinionDue = coUnitOpinionDue({ assignedOn: args.assignedOn, at: args.at, leadDue, leadTime, calendar: args.calendar });
  return units.map((u) => (u.role === 'co' ? { ...u, opinionDue } : u));
}


// ---- 重新办理: the re-handling's reply deadline ------------------------------------------------------

/** The re-handling period of the item's policy (SPEC §5: 1 month when the policy predates it). */
export const rehandlingPeriod = (policy: Policy | undefined): Period =>
  safePeriod(policy?.rehandlingPeriod) ?? parsePeriod(DEFAULT_POLICY.rehandlingPeriod!);

/**
 * The reply deadline of a re-handling (SPEC §5): from the day of the proposer's send-back, the
 * policy's period, under the Civil Code rules (computeDeadlineReported), with its explanation.
 */
export function rehandlingDue(args: { sentBackAt: string; policy: Policy | undefined; calendar?: HolidayCalendar }): Deadline {
  const period = rehandlingPeriod(args.policy);
  if (period.unit !== 'second' && !args.calendar) throw new Error('the re-handling deadline needs the calendar');
  const start = shanghaiDate(args.sentBackAt);
  const due = computeDeadlineReported({ start, startInstant: args.sentBackAt, period, calendar: args.calendar ?? { coveredYears: [], overrides: [] } });
  return { ...due, explanation: { ...due.explanation, text: `代表委员于 ${start} 退回重新办理，重新办理的答复期限：${due.explanation.text}` } };
}

// ---- instants moved by a period (承诺事项跟踪, Art. 12 unit summaries) ----------------------------------

const SHANGHAI_OFFSET = 8 * 3600_000;
/** `iso` moved on by `times` × `p`; months by the calendar of Asia/Shanghai (31 Jan + 1 month → 28/29 Feb). */
export function shiftBy(iso: string, p: Period, times: number): string {
  const t = Date.parse(iso);
  if (p.unit === 'second') return new Date(t + times * p.amount * 1000).toISOString();
  if (p.unit === 'day' || p.unit === 'working_day') return new Date(t + times * p.amount * 86_400_000).toISOString();
  const local = new Date(t + SHANGHAI_OFFSET);
  const months = local.getUTCMonth() + times * p.amount;
  const y = local.getUTCFullYear() + Math.floor(months / 12);
  const m = ((months % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(local.getUTCDate(), last), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - SHANGHAI_OFFSET).toISOString();
}

