import { render, screen } from '@testing-library/react';
import { deadlineState } from '../deadline';
import { formatDate } from '../format';
import { DeadlineTag } from './DeadlineTag';

// 2026-11-27 10:00 in Shanghai
const NOW = new Date('2026-11-27T02:00:00Z');

describe('a reply deadline as the unit sees it (剩余 / 已超期, traffic light)', () => {
  it('counts the days left to the last day in Shanghai calendar days', () => {
    expect(deadlineState('2027-02-27', NOW)).toMatchObject({ days: 92, overdue: false, light: 'green', text: '剩余 92 天' });
  });

  it('turns yellow inside the first reminder offset (30 days by default) and on the last day itself', () => {
    expect(deadlineState('2026-12-27', NOW).light).toBe('yellow');
    expect(deadlineState('2026-12-28', NOW).light).toBe('green');
    expect(deadlineState('2026-11-27', NOW)).toMatchObject({ days: 0, light: 'yellow', text: '今日到期' });
    expect(deadlineState('2026-12-05', NOW, { reminderDays: 7 }).light).toBe('green');
  });

  it('is red and says how many days overdue once the last day has passed', () => {
    expect(deadlineState('2026-11-20', NOW)).toMatchObject({ days: -7, overdue: true, light: 'red', text: '已超期 7 天' });
  });

  it('uses the Shanghai day even where the browser is in another time zone (UTC evening = next day in Shanghai)', () => {
    expect(deadlineState('2026-11-28', new Date('2026-11-27T17:00:00Z')).text).toBe('今日到期');
  });

  it('writes dates the Chinese way', () => {
    expect(formatDate('2026-11-27')).toBe('2026年11月27日');
    expect(formatDate('2026-03-01T16:00:00Z')).toBe('2026年3月2日');
    expect(formatDate(null)).toBe('—');
  });

  it('shows the date, the words and a light that screen readers can name', () => {
    render(<DeadlineTag lastDay="2026-11-20" now={NOW} explanation="自 2026年8月20日 次日起算三个月" />);
    expect(screen.getByText('2026年11月20日')).toBeInTheDocument();
    expect(screen.getByText('已超期 7 天')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '已超期' })).toHaveAttribute('data-light', 'red');
  });

  it('shows no countdown for a deadline that no longer runs (replied), and a grey light', () => {
    render(<DeadlineTag lastDay="2026-11-20" now={NOW} done />);
    expect(screen.queryByText(/已超期/)).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: '已完成' })).toHaveAttribute('data-light', 'none');
  });
});
