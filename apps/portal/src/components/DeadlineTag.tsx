import { Space, Tooltip, Typography } from 'antd';
import { deadlineState, type Light } from '../deadline';
import { formatDate } from '../format';

const COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#bfbfbf' };
const LIGHT_WORDS: Record<Light, string> = { green: '正常', yellow: '临近期限', red: '已超期', none: '已完成' };

export function TrafficLight({ light }: { light: Light }) {
  return (
    <span
      role="img"
      aria-label={LIGHT_WORDS[light]}
      data-light={light}
      style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: COLORS[light] }}
    />
  );
}

/**
 * A deadline with its traffic light and "剩余 N 天 / 已超期 N 天"; hovering shows how the date was
 * computed (holidays and 调休 skipped) — the calendar is the product's strength.
 */
export function DeadlineTag(props: {
  lastDay: string | null | undefined;
  explanation?: string;
  done?: boolean;
  reminderDays?: number;
  now?: Date;
}) {
  if (!props.lastDay) return <Typography.Text type="secondary">—</Typography.Text>;
  const s = deadlineState(props.lastDay, props.now ?? new Date(), { done: props.done, reminderDays: props.reminderDays });
  const body = (
    <Space size={6}>
      <TrafficLight light={s.light} />
      <span>{formatDate(props.lastDay)}</span>
      {!props.done && <Typography.Text type={s.overdue ? 'danger' : s.light === 'yellow' ? 'warning' : undefined}>{s.text}</Typography.Text>}
    </Space>
  );
  return props.explanation ? (
    <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{props.explanation}</div>}>
      <span tabIndex={0} data-testid="deadline">
        {body}
      </span>
    </Tooltip>
  ) : (
    <span data-testid="deadline">{body}</span>
  );
}
