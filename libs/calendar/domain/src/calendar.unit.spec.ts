import {
  CalendarYearMissingError,
  HolidayCalendar,
  dayInfo,
  isWorkingDay,
  mergeCalendars,
  validateCalendar,
} from './index';
import { EMPTY, HAND_2025_2026, PLAIN_2026 } from '../test/fixtures';

describe('given the hand-built 2025–2026 holiday calendar', () => {
  it.each`
    date            | working  | reason                | name
    ${'2026-01-05'} | ${true}  | ${'weekday'}          | ${undefined}
    ${'2026-01-10'} | ${false} | ${'weekend'}          | ${undefined}
    ${'2026-01-11'} | ${false} | ${'weekend'}          | ${undefined}
    ${'2026-01-01'} | ${false} | ${'holiday'}          | ${'元旦'}
    ${'2026-01-04'} | ${true}  | ${'adjusted_workday'} | ${'元旦调休上班'}
    ${'2026-02-16'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2026-02-14'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2026-10-05'} | ${false} | ${'holiday'}          | ${'国庆节'}
    ${'2025-10-08'} | ${false} | ${'holiday'}          | ${'国庆节、中秋节'}
    ${'2025-10-11'} | ${true}  | ${'adjusted_workday'} | ${'国庆节、中秋节调休上班'}
  `('when asking about $date, then working=$working because $reason', ({ date, working, reason, name }) => {
    const info = dayInfo(HAND_2025_2026, date);
    expect(info).toEqual(name === undefined ? { date, working, reason } : { date, working, reason, name });
    expect(isWorkingDay(HAND_2025_2026, date)).toBe(working);
  });

  it.each([2024, 2027])('when asking about a day of uncovered year %i, then CalendarYearMissingError names the year', (year) => {
    const call = () => isWorkingDay(HAND_2025_2026, `${year}-03-02`);
    expect(call).toThrow(CalendarYearMissingError);
    try {
      call();
    } catch (e) {
      expect(e).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year, name: 'CalendarYearMissingError' });
      expect((e as Error).message).toContain(String(year));
    }
  });

  it.each(['2026-02-30', '2026-1-5', '20260105', '2026-01-05T00:00:00Z', ''])(
    'when the date is malformed (%p), then a RangeError is thrown',
    (date) => {
      expect(() => dayInfo(HAND_2025_2026, date)).toThrow(RangeError);
    },
  );
});

describe('given an empty calendar', () => {
  it('when asking about any day, then the missing year is reported rather than assuming ordinary weeks', () => {
    expect(() => isWorkingDay(EMPTY, '2026-03-03')).toThrow(new CalendarYearMissingError(2026));
  });
});

describe('mergeCalendars', () => {
  const amendment: HolidayCalendar = {
    coveredYears: [2027],
    overrides: [
      { date: '2026-02-14', kind: 'holiday', name: '测试改为休息' }, // overrides a's 调休 day
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
    ],
  };

  it('when b amends and extends a, then b wins per date and covered years are the union', () => {
    const merged = mergeCalendars(HAND_2025_2026, amendment);

    expect(merged.coveredYears).toEqual([2025, 2026, 2027]);
    expect(dayInfo(merged, '2026-02-14')).toMatchObject({ working: false, reason: 'holiday', name: '测试改为休息' });
    expect(dayInfo(merged, '2027-02-06')).toMatchObject({ working: false, name: '春节' });
    expect(dayInfo(merged, '2026-02-28')).toMatchObject({ working: true, reason: 'adjusted_workday' });
    expect(merged.overrides.filter((o) => o.date === '2026-02-14')).toHaveLength(1);
    const dates = merged.overrides.map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('when merging, then the inputs are not modified', () => {
    const before = JSON.stringify(PLAIN_2026);
    mergeCalendars(PLAIN_2026, amendment);
    expect(JSON.stringify(PLAIN_2026)).toBe(before);
  });
});

describe('validateCalendar', () => {
  it('when the calendar is well-formed, then there are no problems', () => {
    expect(validateCalendar(HAND_2025_2026)).toEqual([]);
  });

  it('when entries are broken, then each problem is reported', () => {
    const bad = {
      coveredYears: [2026, 1.5],
      overrides: [
        { date: '2026-02-30', kind: 'holiday', name: 'x' },
        { date: '2026-03-02', kind: 'vacation', name: 'x' },
        { date: '2026-03-03', kind: 'holiday', name: ' ' },
        { date: '2026-03-04', kind: 'holiday', name: 'a' },
        { date: '2026-03-04', kind: 'holiday', name: 'b' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
    } as unknown as HolidayCalendar;

    const problems = validateCalendar(bad);

    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/1\.5[\s\S]*2026-02-30[\s\S]*kind[\s\S]*name[\s\S]*duplicate[\s\S]*2027 is not in coveredYears/);
  });
});
