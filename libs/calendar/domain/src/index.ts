export {
  CalendarYearMissingError,
  calendarCoversYear,
  dayInfo,
  isWorkingDay,
  mergeCalendars,
  validateCalendar,
} from './calendar';
export type { CalendarOverride, DayInfo, DayKind, DayReason, HolidayCalendar } from './calendar';
export { DEFAULT_TIME_ZONE, computeDeadline, computeDeadlineReported } from './deadline';
export type { Deadline, DeadlineAdjustment, DeadlineExplanation, DeadlineInput } from './deadline';
export { formatPeriod, parsePeriod, periodLabel } from './period';
export type { Period, PeriodUnit } from './period';
// lunar-source (the holiday data) is imported by its path, '@jyta/calendar-domain/src/lunar-source',
// so the workflow bundle does not carry the whole lunar library.
export { endOfShanghaiDay, shanghaiDate, shanghaiDateTime, shanghaiYear } from './business-day';
