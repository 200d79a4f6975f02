/** 'second' exists only for short test policies; it ignores the calendar. */
export type PeriodUnit = 'day' | 'working_day' | 'month' | 'second';

export interface Period {
  amount: number;
  unit: PeriodUnit;
}

const PERIOD_RE = /^P(?:(\d+)(D|WD|M)|T(\d+)S)$/;
const CODES: Record<string, PeriodUnit> = { D: 'day', WD: 'working_day', M: 'month' };

/** Accepts 'P15D', 'P3M', 'PT5S' and 'P10WD' (working days, our extension). */
export function parsePeriod(s: string): Period {
  const m = typeof s === 'string' ? PERIOD_RE.exec(s.trim().toUpperCase()) : null;
  if (!m) {
    throw new RangeError(`invalid period ${JSON.stringify(s)}: expected e.g. P15D, P3M, P10WD or PT5S`);
  }
  const period: Period = m[3] !== undefined
    ? { amount: Number(m[3]), unit: 'second' }
    : { amount: Number(m[1]), unit: CODES[m[2]] };
  assertPeriod(period);
  return period;
}

export function formatPeriod(p: Period): string {
  assertPeriod(p);
  switch (p.unit) {
    case 'day':
      return `P${p.amount}D`;
    case 'working_day':
      return `P${p.amount}WD`;
    case 'month':
      return `P${p.amount}M`;
    case 'second':
      return `PT${p.amount}S`;
  }
}

/** Chinese label: '15日', '3个月', '10个工作日', '5秒'. */
export function periodLabel(p: Period): string {
  assertPeriod(p);
  switch (p.unit) {
    case 'day':
      return `${p.amount}日`;
    case 'working_day':
      return `${p.amount}个工作日`;
    case 'month':
      return `${p.amount}个月`;
    case 'second':
      return `${p.amount}秒`;
  }
}

/** Calendar periods must be at least 1 (a 0-day period has no "next day" to count from). */
export function assertPeriod(p: Period): void {
  const units: PeriodUnit[] = ['day', 'working_day', 'month', 'second'];
  if (!p || !units.includes(p.unit)) {
    throw new RangeError(`invalid period unit ${JSON.stringify(p?.unit)}`);
  }
  const min = p.unit === 'second' ? 0 : 1;
  if (!Number.isSafeInteger(p.amount) || p.amount < min) {
    throw new RangeError(`period amount must be an integer >= ${min}, got ${JSON.stringify(p.amount)}`);
  }
}
