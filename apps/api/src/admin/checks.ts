/**
 * Pure checks of what an administrator submits (policy periods, a year's holiday calendar), so
 * every rule is unit-tested without a server. Each problem names the request field it is about.
 */
import { parsePeriod, validateCalendar, type CalendarOverride, type Period, type PeriodUnit } from '@jyta/calendar-domain';
import type { FieldError } from '../common/app-exception';

/** The policy fields an administrator may set that are one duration each (SPEC §5). */
export const POLICY_PERIOD_FIELDS = [
  'returnWindow',
  'replyPeriod',
  'urgentReplyPeriod',
  'feedbackPeriod',
  'rehandlingPeriod',
  'overdueReminderEvery',
  'coUnitOpinionLeadTime',
  // 催办升级 and 承诺事项跟踪 (issue 9)
  'supervisionReminderEvery',
  'promiseFollowUpEvery',
  'promiseReportWithin',
  // 总结工作 (Art. 12)
  'unitSummaryPeriod',
  'unitSummaryReminderBefore',
] as const;
export type PolicyPeriodField = (typeof POLICY_PERIOD_FIELDS)[number];
/** 催办 lead times: lists of durations before a deadline (SPEC §5: 30 and 7 days before the reply, 3 before the window closes). */
export const POLICY_REMINDER_FIELDS = ['replyReminders', 'returnWindowReminders', 'leaderReminders'] as const;
export type PolicyReminderField = (typeof POLICY_REMINDER_FIELDS)[number];
/** Every field of PUT /api/admin/policy. */
export const POLICY_FIELDS = [...POLICY_PERIOD_FIELDS, ...POLICY_REMINDER_FIELDS, 'progressReportDays', 'evaluationWeights'] as const;
/** At most this many reminders before one deadline. */
export const MAX_REMINDERS = 5;

/**
 * At most about a year: the workflow loads the calendar of the assignment year and the next, so a
 * longer period would run into years without holiday data (and no deadline of SPEC §5 is longer).
 */
export const PERIOD_LIMITS: Record<PeriodUnit, number> = { day: 366, working_day: 250, month: 12, second: 31_536_000 };
const UNIT_LABEL: Record<PeriodUnit, string> = { day: '日', working_day: '个工作日', month: '个月', second: '秒' };

/** Why `value` is not a usable policy period (Chinese), or undefined when it is. Seconds are checked separately. */
export function periodProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return '须为期间字符串，如 P15D、P3M、P10WD';
  let p: Period;
  try {
    p = parsePeriod(value);
  } catch {
    return `无效的期间 ${JSON.stringify(value)}：应为 P15D（日）、P3M（月）、P10WD（工作日）或 PT30S（秒，仅测试环境）`;
  }
  if (p.amount > PERIOD_LIMITS[p.unit]) return `期间过长：最多 ${PERIOD_LIMITS[p.unit]}${UNIT_LABEL[p.unit]}`;
  return undefined;
}

/**
 * Why `value` is not usable as a reminder's lead time or interval (Chinese), or undefined. The
 * reminder timers count plain lengths of time, so only days (or seconds, for tests) are accepted:
 * a month or working days would be ignored by them. An interval (`overdueReminderEvery`) must
 * also be longer than zero.
 */
export function reminderPeriodProblem(value: unknown, interval = false): string | undefined {
  const problem = periodProblem(value);
  if (problem) return problem;
  const p = parsePeriod(value as string);
  if (p.unit !== 'day' && p.unit !== 'second') return `须以日（如 P7D）或秒（PT30S，仅测试环境）计，不能用月或工作日：${String(value)}`;
  if (interval && p.amount === 0) return '间隔须大于零';
  return undefined;
}

/** Why `value` is not a usable list of reminder lead times, or undefined (an empty list means no reminders). */
export function reminderListProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return '须为期间数组，如 ["P30D", "P7D"]；空数组表示不提醒';
  if (value.length > MAX_REMINDERS) return `最多 ${MAX_REMINDERS} 次提醒`;
  for (const [i, v] of value.entries()) {
    const problem = reminderPeriodProblem(v);
    if (problem) return `第 ${i + 1} 项：${problem}`;
  }
  const normalized = value.map((v: string) => v.trim().toUpperCase());
  const dup = normalized.find((v, i) => normalized.indexOf(v) !== i);
  if (dup) return `${dup} 重复`;
  return undefined;
}

/** Periods in seconds exist for tests only: refused in production. */
export function isSecondsPeriod(value: string): boolean {
  try {
    return parsePeriod(value).unit === 'second';
  } catch {
    return false;
  }
}

export interface CalendarWarning {
  field: string;
  message: string;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * A year's calendar as submitted (`days.<i>` as in the request): errors refuse it, warnings are
 * answered with the saved data. Rules: every date lies in `year`, none twice; a 调休 working day
 * (`workday`) falls on a Saturday or Sunday (a weekday is a working day anyway); a holiday on a
 * weekend is accepted (official holiday blocks include weekends) but noted.
 */
export function checkCalendarYear(year: number, days: CalendarOverride[]): { errors: FieldError[]; warnings: CalendarWarning[] } {
  const errors: FieldError[] = [];
  const warnings: CalendarWarning[] = [];
  const firstIndex = new Map<string, number>();
  days.forEach((d, i) => {
    const field = `days.${i}.date`;
    if (Number(d.date.slice(0, 4)) !== year) {
      errors.push({ field, errors: [`${d.date} 不在 ${year} 年内`] });
      return;
    }
    const seen = firstIndex.get(d.date);
    if (seen !== undefined) {
      errors.push({ field, errors: [`${d.date} 重复（与 days.${seen} 相同），每天只能有一条`] });
      return;
    }
    firstIndex.set(d.date, i);
    const wd = weekdayOf(d.date);
    const weekend = wd === 0 || wd === 6;
    if (d.kind === 'workday' && !weekend) {
      errors.push({ field, errors: [`${d.date} 是${WEEKDAYS[wd]}，本就是工作日；调休上班日（workday）须在周六或周日`] });
    } else if (d.kind === 'holiday' && weekend) {
      warnings.push({ field, message: `${d.date} 是${WEEKDAYS[wd]}，本就是休息日；已按节假日（${d.name}）记录` });
    }
  });
  if (errors.length === 0) {
    // The domain's own rules, as a last guard (the checks above cover them today).
    const problems = validateCalendar({ coveredYears: [year], overrides: days });
    if (problems.length) errors.push({ field: 'days', errors: problems });
  }
  return { errors, warnings };
}

/**
 * Why a period of the obligations (催办升级, 承诺事项跟踪) is not usable, or undefined. The
 * supervisors' interval counts plain time like the reminders (days or seconds, more than zero);
 * a promise's follow-up period may be months (parsePeriod refuses zero, which would ask for a
 * report in a loop) but not working days; the report time is plain time (days or seconds).
 */
export function obligationPeriodProblem(field: 'supervisionReminderEvery' | 'promiseFollowUpEvery' | 'promiseReportWithin', value: unknown): string | undefined {
  if (field === 'supervisionReminderEvery' || field === 'promiseReportWithin') return reminderPeriodProblem(value, true);
  const problem = periodProblem(value);
  if (problem) return problem;
  if (parsePeriod(value as string).unit === 'working_day') return '须以日、月或秒计，不能用工作日';
  return undefined;
}
