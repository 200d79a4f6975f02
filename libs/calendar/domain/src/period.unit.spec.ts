import { Period, formatPeriod, parsePeriod, periodLabel } from './index';

describe('periods', () => {
  it.each<[string, Period, string]>([
    ['P15D', { amount: 15, unit: 'day' }, '15日'],
    ['P3M', { amount: 3, unit: 'month' }, '3个月'],
    ['P10WD', { amount: 10, unit: 'working_day' }, '10个工作日'],
    ['PT5S', { amount: 5, unit: 'second' }, '5秒'],
    ['PT0S', { amount: 0, unit: 'second' }, '0秒'],
  ])('given %p, when parsed, then it is %o labelled %p and formats back', (text, period, label) => {
    expect(parsePeriod(text)).toEqual(period);
    expect(formatPeriod(period)).toBe(text);
    expect(periodLabel(period)).toBe(label);
  });

  it.each([
    [' p30d ', { amount: 30, unit: 'day' }],
    ['P015D', { amount: 15, unit: 'day' }],
  ])('given the lenient spelling %p, when parsed, then it is accepted', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(['', 'P', '15D', 'P1.5D', 'P-1D', 'P0D', 'P0M', 'P0WD', 'P1Y', 'P1M15D', 'PT5M', 'P5S', 'P3MW', 'garbage', 'P99999999999999999D'])(
    'given garbage %p, when parsed, then a RangeError is thrown',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(RangeError);
    },
  );

  it.each<Period>([
    { amount: 0, unit: 'day' },
    { amount: 1.5, unit: 'month' },
    { amount: -1, unit: 'second' },
    { amount: 1, unit: 'week' as never },
  ])('given the invalid period %o, when formatted, then a RangeError is thrown', (p) => {
    expect(() => formatPeriod(p)).toThrow(RangeError);
  });
});
