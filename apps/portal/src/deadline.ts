import { T } from './glossary';
import { daysBetween, shanghaiDay } from './format';

export type Light = 'green' | 'yellow' | 'red' | 'none';

export interface DeadlineState {
  /** days left (0 = due today); negative when overdue */
  days: number;
  overdue: boolean;
  light: Light;
  /** 剩余 N 天 / 今日到期 / 已超期 N 天 */
  text: string;
}

/**
 * A reply deadline as the unit sees it: counted in Shanghai calendar days to its last day. Green
 * while far, yellow inside the first reminder (催办) offset — 30 days by default policy — red once
 * the last day has passed. `done` (replied, closed) turns the light off.
 */
export function deadlineState(lastDay: string, now: Date, opts: { reminderDays?: number; done?: boolean } = {}): DeadlineState {
  const days = daysBetween(shanghaiDay(now), lastDay);
  const overdue = days < 0;
  const text = overdue ? T.overdueBy(-days) : days === 0 ? T.dueToday : T.remaining(days);
  const light: Light = opts.done ? 'none' : overdue ? 'red' : days <= (opts.reminderDays ?? 30) ? 'yellow' : 'green';
  return { days, overdue, light, text };
}
