import {
  CalendarYearMissingError,
  HolidayCalendar,
  Period,
  computeDeadline,
  computeDeadlineReported,
  parsePeriod,
} from './index';
import { calendarFromLunar } from './lunar-source';
import { EMPTY, HAND_2025_2026, PLAIN_2026, PLAIN_2027_2028 } from '../test/fixtures';

const LUNAR = calendarFromLunar([2024, 2025, 2026]);

/** 24:00 Shanghai of a last day = 16:00 UTC the same date (no DST in Asia/Shanghai). */
const midnightAfter = (lastDay: string) => `${lastDay}T16:00:00.000Z`;

interface Row {
  case: string;
  calendar: HolidayCalendar;
  start: string;
  period: string;
  nominal: string;
  lastDay: string;
}

const both = (row: Omit<Row, 'calendar'>, label = ''): Row[] => [
  { ...row, case: `${row.case}${label} [hand fixture]`, calendar: HAND_2025_2026 },
  { ...row, case: `${row.case}${label} [lunar-javascript]`, calendar: LUNAR },
];

describe('computeDeadline', () => {
  describe.each<Row>([
    // Days: counting starts the next day.
    ...both({ case: 'plain 15 days', start: '2026-01-05', period: 'P15D', nominal: '2026-01-20', lastDay: '2026-01-20' }),
    { case: 'example from the spec', calendar: PLAIN_2026, start: '2026-01-01', period: 'P15D', nominal: '2026-01-16', lastDay: '2026-01-16' },
    { case: '1 day', calendar: PLAIN_2026, start: '2026-03-02', period: 'P1D', nominal: '2026-03-03', lastDay: '2026-03-03' },
    { case: '30 days', calendar: PLAIN_2026, start: '2026-03-01', period: 'P30D', nominal: '2026-03-31', lastDay: '2026-03-31' },
    { case: 'last day on a Saturday moves to Monday', calendar: PLAIN_2026, start: '2026-03-06', period: 'P15D', nominal: '2026-03-21', lastDay: '2026-03-23' },
    // Months: same-numbered day, or the month's last day.
    { case: '15 Jan + 3 months', calendar: PLAIN_2026, start: '2026-01-15', period: 'P3M', nominal: '2026-04-15', lastDay: '2026-04-15' },
    { case: '31 Jan + 1 month, ordinary weeks (28 Feb is a Saturday)', calendar: PLAIN_2026, start: '2026-01-31', period: 'P1M', nominal: '2026-02-28', lastDay: '2026-03-02' },
    ...both({ case: '31 Jan + 1 month, 28 Feb 2026 is a 调休 Saturday', start: '2026-01-31', period: 'P1M', nominal: '2026-02-28', lastDay: '2026-02-28' }),
    ...both({ case: '30 Nov + 3 months', start: '2025-11-30', period: 'P3M', nominal: '2026-02-28', lastDay: '2026-02-28' }),
    { case: 'leap year: 30 Nov 2027 + 3 months', calendar: PLAIN_2027_2028, start: '2027-11-30', period: 'P3M', nominal: '2028-02-29', lastDay: '2028-02-29' },
    { case: 'leap year: 31 Jan 2028 + 1 month', calendar: PLAIN_2027_2028, start: '2028-01-31', period: 'P1M', nominal: '2028-02-29', lastDay: '2028-02-29' },
    { case: 'leap year: 30 Nov 2023 + 3 months (real 2024 data)', calendar: LUNAR, start: '2023-11-30', period: 'P3M', nominal: '2024-02-29', lastDay: '2024-02-29' },
    // Statutory holidays.
    ...both({ case: 'last day in Spring Festival 2026', start: '2026-01-31', period: 'P15D', nominal: '2026-02-15', lastDay: '2026-02-24' }),
    ...both({ case: 'last day in Spring Festival 2026 (month)', start: '2025-11-16', period: 'P3M', nominal: '2026-02-16', lastDay: '2026-02-24' }),
    ...both({ case: 'last day in National Day 2025', start: '2025-09-16', period: 'P15D', nominal: '2025-10-01', lastDay: '2025-10-09' }),
    ...both({ case: 'last day in National Day 2025 (month)', start: '2025-07-05', period: 'P3M', nominal: '2025-10-05', lastDay: '2025-10-09' }),
    ...both({ case: 'last day in National Day 2026', start: '2026-09-18', period: 'P15D', nominal: '2026-10-03', lastDay: '2026-10-08' }),
    ...both({ case: 'last day on New Year 2026 moves onto the 调休 Sunday 2026-01-04', start: '2025-12-02', period: 'P30D', nominal: '2026-01-01', lastDay: '2026-01-04' }),
    // 调休 working weekends count as working days.
    ...both({ case: 'last day on the 调休 Saturday 2026-02-14 does not move', start: '2026-01-30', period: 'P15D', nominal: '2026-02-14', lastDay: '2026-02-14' }),
    { case: 'same dates, ordinary weeks: Saturday moves', calendar: PLAIN_2026, start: '2026-01-30', period: 'P15D', nominal: '2026-02-14', lastDay: '2026-02-16' },
    ...both({ case: 'moving from a Saturday stops on the 调休 Sunday 2026-09-20', start: '2026-09-04', period: 'P15D', nominal: '2026-09-19', lastDay: '2026-09-20' }),
    // Working days: the Nth working day from the next day.
    ...both({ case: '5 working days over a weekend', start: '2026-01-05', period: 'P5WD', nominal: '2026-01-12', lastDay: '2026-01-12' }),
    ...both({ case: '10 working days over Spring Festival, both 调休 Saturdays counted', start: '2026-02-13', period: 'P10WD', nominal: '2026-03-05', lastDay: '2026-03-05' }),
    { case: '10 working days, ordinary weeks', calendar: PLAIN_2026, start: '2026-02-13', period: 'P10WD', nominal: '2026-02-27', lastDay: '2026-02-27' },
    ...both({ case: '3 working days over National Day end on the 调休 Saturday', start: '2026-09-30', period: 'P3WD', nominal: '2026-10-10', lastDay: '2026-10-10' }),
    ...both({ case: '1 working day from the 调休 eve counts the 调休 Saturday', start: '2026-02-13', period: 'P1WD', nominal: '2026-02-14', lastDay: '2026-02-14' }),
  ])('given $case', ({ calendar, start, period, nominal, lastDay }) => {
    it(`when computing ${start} + ${period}, then the last day is ${lastDay} and it ends at 24:00 Shanghai`, () => {
      const d = computeDeadline({ start, period: parsePeriod(period), calendar });

      expect(d.lastDay).toBe(lastDay);
      expect(d.dueAt).toBe(midnightAfter(lastDay));
      expect(d.explanation).toMatchObject({
        start,
        period: parsePeriod(period),
        nominalLastDay: nominal,
        lastDay,
        endsAt: `${nextDay(lastDay)}T00:00:00+08:00`,
      });
      expect(d.explanation.countingStartsOn).toBe(nextDay(start));
      expect(d.explanation.text).toContain(`期限至 ${lastDay} 24:00（Asia/Shanghai）届满`);
    });
  });

  describe('given the real 2026 calendar and a last day in the National Day holiday', () => {
    const d = computeDeadline({ start: '2026-09-18', period: { amount: 15, unit: 'day' }, calendar: LUNAR });

    it('when explained, then every skipped day is an adjustment naming the holiday', () => {
      expect(d.explanation.adjustments).toEqual(
        ['03', '04', '05', '06', '07'].map((dd) => ({
          date: `2026-10-${dd}`,
          reason: `2026-10-${dd} 国庆节 休息日，顺延`,
        })),
      );
    });

    it('when explained, then the text names the start, the period, the skipped days and the new last day', () => {
      expect(d.explanation.text).toBe(
        '起算日 2026-09-18，期间15日，自次日 2026-09-19 开始计算；' +
          '按期计算的最后一日为 2026-10-03（星期六），因 2026-10-03至2026-10-07（国庆节）为法定节假日或休息日，' +
          '顺延至下一个工作日 2026-10-08（星期四）；期限至 2026-10-08 24:00（Asia/Shanghai）届满。',
      );
    });
  });

  describe('given a plain weekend roll', () => {
    it('when explained, then the weekend days are named by weekday', () => {
      const d = computeDeadline({ start: '2026-03-06', period: { amount: 15, unit: 'day' }, calendar: PLAIN_2026 });

      expect(d.explanation.adjustments).toEqual([
        { date: '2026-03-21', reason: '2026-03-21 星期六 休息日，顺延' },
        { date: '2026-03-22', reason: '2026-03-22 星期日 休息日，顺延' },
      ]);
      expect(d.explanation.text).toContain('因 2026-03-21至2026-03-22（周末）为法定节假日或休息日，顺延至下一个工作日 2026-03-23（星期一）');
    });
  });

  describe('given a 调休 working Saturday as the last day', () => {
    it('when explained, then the text says it is a 调休 working day and does not move', () => {
      const d = computeDeadline({ start: '2026-01-30', period: { amount: 15, unit: 'day' }, calendar: LUNAR });

      expect(d.explanation.adjustments).toEqual([]);
      expect(d.explanation.text).toContain('2026-02-14（星期六，春节调休上班），该日为调休工作日，不顺延');
    });
  });

  describe('given a month period without a corresponding day', () => {
    it('when explained, then the month-end rule is recorded', () => {
      const d = computeDeadline({ start: '2027-11-30', period: { amount: 3, unit: 'month' }, calendar: PLAIN_2027_2028 });

      expect(d.explanation.adjustments).toEqual([
        { date: '2028-02-29', reason: '2028-02 没有第 30 日，以月末日 2028-02-29 为最后一日' },
      ]);
      expect(d.explanation.text).toContain('到期月 2028-02 没有第 30 日，以月末日 2028-02-29（星期二）为按期计算的最后一日');
    });
  });

  describe('given a working-day period over Spring Festival 2026', () => {
    it('when explained, then skipped holidays and counted 调休 days are listed', () => {
      const d = computeDeadline({ start: '2026-02-13', period: { amount: 10, unit: 'working_day' }, calendar: LUNAR });

      expect(d.explanation.adjustments.map((a) => a.date)).toEqual([
        '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
        '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-03-01',
      ]);
      expect(d.explanation.adjustments[0].reason).toBe('2026-02-15 春节 休息日，不计入工作日');
      expect(d.explanation.text).toContain('不计入的休息日：2026-02-15至2026-02-23（春节）、2026-03-01（星期日）');
      expect(d.explanation.text).toContain('计入的调休工作日：2026-02-14（春节调休上班）、2026-02-28（春节调休上班）');
      expect(d.explanation.text).toContain('第 10 个工作日 2026-03-05（星期四）为期间最后一日');
    });
  });

  describe('given a calendar that lacks a year the calculation needs', () => {
    it.each<[string, string, Period, HolidayCalendar, number]>([
      ['days into 2027', '2026-12-20', { amount: 15, unit: 'day' }, LUNAR, 2027],
      ['months into 2027', '2026-11-30', { amount: 3, unit: 'month' }, LUNAR, 2027],
      ['working days into 2027', '2026-12-28', { amount: 10, unit: 'working_day' }, LUNAR, 2027],
      ['a year before the data', '2023-01-10', { amount: 15, unit: 'day' }, LUNAR, 2023],
      ['an empty calendar', '2026-03-02', { amount: 1, unit: 'day' }, EMPTY, 2026],
      ['rolling off 31 Dec 2028 into 2029', '2028-12-16', { amount: 15, unit: 'day' }, PLAIN_2027_2028, 2029],
    ])('when computing %s, then CalendarYearMissingError names the year', (_case, start, period, calendar, year) => {
      let error: unknown;
      try {
        computeDeadline({ start, period, calendar });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CalendarYearMissingError);
      expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year });
    });

    it('when the start year is uncovered but every day consulted is covered, then it computes', () => {
      // Only days from the last day on are consulted; the start day itself is never looked up.
      const d = computeDeadline({ start: '2025-12-20', period: { amount: 15, unit: 'day' }, calendar: PLAIN_2026 });
      expect(d.lastDay).toBe('2026-01-05');
    });
  });

  describe('given a period in seconds (test policies)', () => {
    it.each`
      startInstant                   | seconds | dueAt
      ${'2026-01-01T00:00:00Z'}      | ${5}    | ${'2026-01-01T00:00:05.000Z'}
      ${'2026-01-01T08:00:00+08:00'} | ${90}   | ${'2026-01-01T00:01:30.000Z'}
      ${'2026-10-03T15:59:59.5Z'}    | ${1}    | ${'2026-10-03T16:00:00.500Z'}
      ${'2026-01-01T00:00:00Z'}      | ${0}    | ${'2026-01-01T00:00:00.000Z'}
    `('when $seconds s are added to $startInstant, then dueAt is $dueAt with no calendar needed', ({ startInstant, seconds, dueAt }) => {
      const d = computeDeadline({ start: '2026-01-01', startInstant, period: { amount: seconds, unit: 'second' }, calendar: EMPTY });

      expect(d.lastDay).toBeNull();
      expect(d.dueAt).toBe(dueAt);
      expect(d.explanation.adjustments).toEqual([]);
      expect(d.explanation.lastDay).toBeUndefined();
      expect(d.explanation.text).toContain(`期间${seconds}秒`);
    });

    it('when startInstant is missing or not an instant, then a RangeError is thrown', () => {
      const base = { start: '2026-01-01', period: { amount: 5, unit: 'second' as const }, calendar: EMPTY };
      expect(() => computeDeadline(base)).toThrow(RangeError);
      expect(() => computeDeadline({ ...base, startInstant: '2026-01-01T00:00:00' })).toThrow(RangeError);
    });
  });

  describe('given another time zone', () => {
    it('when computing, then dueAt is 24:00 of the last day in that zone', () => {
      const d = computeDeadline({ start: '2026-01-01', period: { amount: 15, unit: 'day' }, calendar: PLAIN_2026, timeZone: 'UTC' });
      expect(d.dueAt).toBe('2026-01-17T00:00:00.000Z');
      expect(d.explanation.endsAt).toBe('2026-01-17T00:00:00+00:00');
    });
  });

  describe('given invalid input', () => {
    it.each<[string, string, Period]>([
      ['an impossible start date', '2026-02-30', { amount: 1, unit: 'day' }],
      ['a date-time as start', '2026-02-01T00:00:00Z', { amount: 1, unit: 'day' }],
      ['a zero-day period', '2026-02-02', { amount: 0, unit: 'day' }],
      ['a fractional month', '2026-02-02', { amount: 1.5, unit: 'month' }],
    ])('when computing with %s, then a RangeError is thrown', (_case, start, period) => {
      expect(() => computeDeadline({ start, period, calendar: PLAIN_2026 })).toThrow(RangeError);
    });
  });
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('computeDeadlineReported: a year without data is reported, not silently assumed', () => {
  const only2026 = { coveredYears: [2026], overrides: [] };
  it('counts the missing year as ordinary weeks and marks the deadline provisional', () => {
    const d = computeDeadlineReported({ start: '2026-11-20', period: parsePeriod('P3M'), calendar: only2026 });
    expect(d.lastDay).toBe('2027-02-22');
    expect(d.provisional).toEqual({ missingYears: [2027] });
    expect(d.explanation.text).toContain('2027年节假日安排尚未录入');
  });
  it('is exact (not provisional) when every year is covered', () => {
    const d = computeDeadlineReported({ start: '2026-11-20', period: parsePeriod('P15D'), calendar: only2026 });
    expect(d.provisional).toBeUndefined();
    expect(d.lastDay).toBe('2026-12-07');
  });
});
