import { Timeline, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { EVENT, ROLE, label } from '../glossary';
import { formatDateTime } from '../format';

/** 履历: every event of the item, oldest first. */
export function EventTimeline({ events }: { events: Schemas['ProposalEventDto'][] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.version,
        content: (
          <div>
            <Typography.Text strong>{label(EVENT, e.type)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(e.occurredAt)}
              {e.actor ? ` · ${label(ROLE, e.actor.role)}${e.actor.username ? `（${e.actor.username}）` : ''}` : ''}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
