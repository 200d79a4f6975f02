import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useDetailsOf } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, REVIEW_STAGE, T, label } from '../../glossary';
import { formatDateTime } from '../../format';
import { canReview } from './ReviewButtons';

/** 待审核: the replies waiting at the reviewer's stage (unit leader, office quality check, vice mayor). */
export default function ReviewQueuePage() {
  const me = useCurrentUser();
  const q = useDetailsOf({ status: 'assigned', ...(me.role === 'unit_leader' && me.unitId ? { unitId: me.unitId } : {}) });
  const rows = q.items.flatMap((item) => item.replies.filter((r) => canReview(me, item, r)).map((reply) => ({ item, reply })));
  return (
    <Card title="待审核的答复">
      <ErrorAlert error={q.error} />
      <Table
        rowKey={(r) => r.reply.id}
        loading={q.isLoading}
        locale={{ emptyText: T.empty }}
        dataSource={rows}
        columns={[
          { title: '编号', render: (_, r) => <Link to={`/items/${r.item.id}?tab=replies`}>{r.item.number}</Link>, width: 140 },
          { title: '标题', render: (_, r) => r.item.title, ellipsis: true },
          { title: '单位', render: (_, r) => r.item.assignments.find((u) => u.unitId === r.reply.unitId)?.unitName ?? '承办单位', width: 140 },
          { title: '稿次', render: (_, r) => `第 ${r.reply.round} 稿`, width: 90 },
          { title: '类别', render: (_, r) => label(CATEGORY, r.reply.category), width: 200 },
          { title: '审查环节', render: (_, r) => <Tag>{label(REVIEW_STAGE, r.reply.currentStage)}</Tag>, width: 180 },
          { title: '提交时间', render: (_, r) => formatDateTime(r.reply.draftedAt), width: 180 },
        ]}
      />
    </Card>
  );
}
