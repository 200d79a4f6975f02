import { Card, Table, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Detail, UnitAssignment } from '../../api/client';
import { useDetailsOf } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { DeadlineTag } from '../../components/DeadlineTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { T, UNIT_ROLE, label } from '../../glossary';

export type UnitTab = 'to_sign' | 'handling' | 'in_review' | 'replied' | 'done';

export const UNIT_TABS: { key: UnitTab; label: string }[] = [
  { key: 'to_sign', label: '待签收' },
  { key: 'handling', label: '办理中' },
  { key: 'in_review', label: '待审核' },
  { key: 'replied', label: '已答复' },
  { key: 'done', label: '已办结' },
];

/** Which tab of the unit portal an item is in, for this unit. */
export function unitTabOf(item: Detail, unitId: string): UnitTab | null {
  const u = item.assignments.find((a) => a.unitId === unitId);
  if (!u || u.status === 'returned') return null;
  if (item.status === 'archived') return 'done';
  if (!u.signedAt) return 'to_sign';
  const replies = item.replies.filter((r) => r.unitId === unitId);
  const last = replies[replies.length - 1];
  if (!last) return 'handling';
  if (['in_review', 'approved', 'returned_for_revision'].includes(last.status)) return 'in_review';
  if (last.status === 'sent') return last.feedback ? (last.sentBack ? 'handling' : 'done') : 'replied';
  return last.status === 'closed' && last.sentBack ? 'handling' : 'done';
}

export default function UnitPortalPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as UnitTab) ?? 'to_sign';
  const q = useDetailsOf({ unitId: me.unitId ?? undefined }, !!me.unitId);
  const rows = q.items
    .map((item) => ({ item, unit: item.assignments.find((a) => a.unitId === me.unitId) as UnitAssignment, tab: unitTabOf(item, me.unitId!) }))
    .filter((r) => r.unit && r.tab);
  const count = (t: UnitTab) => rows.filter((r) => r.tab === t).length;
  return (
    <Card title={`${me.unitName ?? ''} · 承办件`}>
      <ErrorAlert error={q.error} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={UNIT_TABS.map((t) => ({ key: t.key, label: `${t.label}（${count(t.key)}）` }))}
      />
      <Table
        rowKey={(r) => r.item.id}
        loading={q.isLoading}
        locale={{ emptyText: T.empty }}
        dataSource={rows.filter((r) => r.tab === tab)}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: '编号', render: (_, r) => <Link to={`/items/${r.item.id}`}>{r.item.number}</Link>, width: 140 },
          { title: '标题', render: (_, r) => r.item.title, ellipsis: true },
          { title: '方式', render: (_, r) => <Tag>{label(UNIT_ROLE, r.unit.role)}</Tag>, width: 90 },
          {
            title: '答复期限',
            width: 260,
            render: (_, r) => <DeadlineTag lastDay={r.unit.replyDueLastDay} explanation={r.unit.replyDueExplanation} done={r.tab === 'replied' || r.tab === 'done'} />,
          },
          {
            title: '退转期限',
            width: 260,
            render: (_, r) => <DeadlineTag lastDay={r.unit.returnWindowLastDay} explanation={r.unit.returnWindowExplanation} done={r.unit.returnWindowClosed} />,
          },
        ]}
      />
    </Card>
  );
}
