import { endOfShanghaiDay, shanghaiDate, shanghaiDateTime, shanghaiYear } from './business-day';

describe('the Asia/Shanghai business day', () => {
  it('given an instant before 16:00 UTC, then its Shanghai day is the same UTC date', () => {
    expect(shanghaiDate('2026-11-23T15:59:59.999Z')).toBe('2026-11-23');
  });
  it('given an instant from 16:00 UTC, then its Shanghai day is the next date (and year at New Year)', () => {
    expect(shanghaiDate('2026-11-23T16:00:00.000Z')).toBe('2026-11-24');
    expect(shanghaiDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
    expect(shanghaiYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });
  it('given a day, then it ends at 24:00 Shanghai = 16:00 UTC the same date', () => {
    expect(endOfShanghaiDay('2026-10-08')).toBe('2026-10-08T16:00:00.000Z');
    expect(shanghaiDate(endOfShanghaiDay('2026-10-08'))).toBe('2026-10-09');
  });
  it('given an instant, then its Shanghai wall-clock time carries +08:00', () => {
    expect(shanghaiDateTime('2026-11-23T02:00:00.000Z')).toBe('2026-11-23T10:00:00+08:00');
  });
});
