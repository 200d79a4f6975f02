import { CalendarYearMissingError, dayInfo, isWorkingDay, validateCalendar } from './index';
import { calendarFromLunar } from './lunar-source';
import { HAND_2025_2026 } from '../test/fixtures';

describe('given the holiday data maintained in lunar-javascript', () => {
  const cal = calendarFromLunar([2024, 2025, 2026]);

  it('when building 2024–2026, then every year is covered and the data is well-formed', () => {
    expect(cal.coveredYears).toEqual([2024, 2025, 2026]);
    expect(validateCalendar(cal)).toEqual([]);
  });

  // Facts of the official arrangements, checked against the library's data (not memory).
  it.each`
    date            | working  | reason                | name
    ${'2024-02-10'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2024-02-17'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2024-02-04'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2024-02-18'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2024-10-07'} | ${false} | ${'holiday'}          | ${'国庆节'}
    ${'2024-10-12'} | ${true}  | ${'adjusted_workday'} | ${'国庆节调休上班'}
    ${'2025-01-28'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2025-02-08'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2025-10-08'} | ${false} | ${'holiday'}          | ${'国庆节、中秋节'}
    ${'2025-10-11'} | ${true}  | ${'adjusted_workday'} | ${'国庆节、中秋节调休上班'}
    ${'2026-01-01'} | ${false} | ${'holiday'}          | ${'元旦'}
    ${'2026-02-14'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2026-02-15'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2026-02-23'} | ${false} | ${'holiday'}          | ${'春节'}
    ${'2026-02-28'} | ${true}  | ${'adjusted_workday'} | ${'春节调休上班'}
    ${'2026-09-20'} | ${true}  | ${'adjusted_workday'} | ${'国庆节调休上班'}
    ${'2026-10-07'} | ${false} | ${'holiday'}          | ${'国庆节'}
    ${'2026-10-10'} | ${true}  | ${'adjusted_workday'} | ${'国庆节调休上班'}
    ${'2026-02-24'} | ${true}  | ${'weekday'}          | ${undefined}
  `('when asking about $date, then it is $reason $name', ({ date, working, reason, name }) => {
    expect(dayInfo(cal, date)).toEqual(name === undefined ? { date, working, reason } : { date, working, reason, name });
  });

  it('when compared with the hand-transcribed fixture, then every fixture day agrees', () => {
    for (const o of HAND_2025_2026.overrides) {
      expect({ date: o.date, info: dayInfo(cal, o.date) }).toEqual({ date: o.date, info: dayInfo(HAND_2025_2026, o.date) });
    }
  });

  it('when asking for a year the library has no data for, then that year stays uncovered and is reported on use', () => {
    const withFuture = calendarFromLunar([2026, 2099]);

    expect(withFuture.coveredYears).toEqual([2026]);
    expect(() => isWorkingDay(withFuture, '2099-03-02')).toThrow(new CalendarYearMissingError(2099));
  });

  it('when a year is requested, then only days of that year are included', () => {
    const only2024 = calendarFromLunar([2024]);

    expect(only2024.overrides.every((o) => o.date.startsWith('2024-'))).toBe(true);
    // 2023-12-30/31 belong to the 2024 New Year holiday but are 2023 days.
    expect(only2024.overrides.some((o) => o.date === '2023-12-30')).toBe(false);
  });
});
