import { Timeline, Typography } from 'antd';
import type { Schemas } from '../api/client';
import { useLeaderName, useUnitNames } from '../api/queries';
import { EVENT, ROLE, label } from '../glossary';
import { formatDateTime } from '../format';

/** 履历: every event of the item, oldest first. */
export function EventTimeline({ events }: { events: Schemas['ProposalEventDto'][] }) {
  const unitName = useUnitNames();
  const leaderName = useLeaderName();
  // Who acted, as people read it: the role with the unit, or the vice mayor's name — never an account code.
  const who = (a: NonNullable<Schemas['ProposalEventDto']['actor']>) =>
    a.role === 'vice_mayor' && a.username ? `${label(ROLE, a.role)} ${leaderName(a.username)}` : a.unitId ? `${unitName(a.unitId)}${label(ROLE, a.role)}` : label(ROLE, a.role);
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.version,
        content: (
          <div>
            <Typography.Text strong>{label(EVENT, e.type)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(e.occurredAt)}
              {e.actor ? ` · ${who(e.actor)}` : ''}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
