import { Button, Card, Radio, Space, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Detail } from '../../api/client';
import { usePagedDetails } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KIND, T, label } from '../../glossary';
import { formatDate } from '../../format';
import { PROPOSER_STATUS_FILTERS, proposerStage } from './stage';

/**
 * 我的建议提案: the API lists only the proposer's own items, newest first, filtered by status and
 * paged in the database; each row of the page with its stage, replies and history.
 */
export default function MyItemsPage() {
  const [params, setParams] = useSearchParams();
  const filter = PROPOSER_STATUS_FILTERS.find((f) => f.key === params.get('status')) ?? PROPOSER_STATUS_FILTERS[0];
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const q = usePagedDetails({ ...(filter.status ? { status: filter.status } : {}), page, pageSize });
  return (
    <Card
      title="我的建议提案"
      extra={
        <Radio.Group
          optionType="button"
          size="small"
          value={filter.key}
          options={PROPOSER_STATUS_FILTERS.map((f) => ({ value: f.key, label: f.label }))}
          onChange={(e) => setParams(e.target.value === 'all' ? {} : { status: e.target.value })}
        />
      }
    >
      <ErrorAlert error={q.error} />
      <Table<Detail>
        rowKey="id"
        loading={q.isLoading}
        locale={{ emptyText: T.empty }}
        dataSource={q.items}
        pagination={{
          current: page,
          pageSize,
          total: q.total,
          hideOnSinglePage: true,
          showTotal: (n) => T.total(n),
          onChange: (p, s) => setParams((prev) => (prev.set('page', String(p)), prev.set('pageSize', String(s)), prev)),
        }}
        scroll={{ x: 900 }}
        columns={[
          { title: '编号', width: 150, render: (_, d) => <Link to={`/items/${d.id}`}>{d.number}</Link> },
          { title: '标题', ellipsis: true, render: (_, d) => d.title },
          { title: '类别', width: 120, render: (_, d) => label(KIND, d.kind) },
          { title: '登记日期', width: 140, render: (_, d) => formatDate(d.registeredAt) },
          {
            title: '当前阶段',
            width: 210,
            render: (_, d) => {
              const s = proposerStage(d);
              return <Tag color={s.color}>{s.text}</Tag>;
            },
          },
          { title: '承办单位', width: 160, render: (_, d) => d.assignments.filter((a) => a.status !== 'returned').map((a) => a.unitName).join('、') || '—' },
          {
            title: '操作',
            width: 260,
            render: (_, d) => {
              const s = proposerStage(d);
              return (
                <Space wrap>
                  <Link to={`/items/${d.id}?tab=replies`}>答复（{d.replies.filter((r) => r.sentAt).length}）</Link>
                  <Link to={`/items/${d.id}?tab=history`}>办理履历</Link>
                  {s.feedbackToken && (
                    <Link to={`/feedback/${s.feedbackToken}`}>
                      <Button size="small" type="primary">
                        填写征求意见表
                      </Button>
                    </Link>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
