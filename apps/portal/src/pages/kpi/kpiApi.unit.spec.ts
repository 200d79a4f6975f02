import { monthEnds, percent } from './kpiApi';

describe('the KPI page helpers', () => {
  it('the month-end days of a year so far: each month\'s last day, today for the running month, none after it', () => {
    expect(monthEnds(2026, '2026-03-15')).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
    expect(monthEnds(2024, '2026-03-15')).toHaveLength(12);
    expect(monthEnds(2024, '2026-03-15')[1]).toBe('2024-02-29');
    expect(monthEnds(2027, '2026-03-15')).toEqual([]);
  });

  it('a rate as a percentage with one decimal; a dash when nothing is decided', () => {
    expect(percent(0.5)).toBe('50.0%');
    expect(percent(197 / 200)).toBe('98.5%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
  });
});
