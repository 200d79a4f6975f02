import { App, Button, Card, Modal, Radio, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call, type ListItem } from '../../api/client';
import { useItem, useItemCommand, useItems, useUnitNames, type ListQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ITEM_STATUS, T, label } from '../../glossary';
import { formatDate } from '../../format';
import { useLeaderName } from './leaders';
import { GovernmentDocumentActions, MajorApprovalActions, QualityCheckActions, ReturnActions, SplitActions } from './QueueActions';

type Awaiting = NonNullable<ListQuery['awaiting']>;

/** The office's queues: each one a server-side filter of the list (awaiting=…), paged on the server. */
const QUEUES: { key: Awaiting; label: string; hint: string; action: string; Actions: (p: { item: NonNullable<ReturnType<typeof useItem>['data']> }) => React.ReactNode }[] = [
  { key: 'return-decision', label: '退转申请', hint: '承办单位在退转期限内申请退转（第七条）：同意或不同意；同意后按需重新交办。', action: '审批', Actions: ReturnActions },
  { key: 'reassignment', label: '待重新交办', hint: '主办单位已全部退转，或分别办理中某单位的部分待改派。', action: '重新交办', Actions: ReturnActions },
  { key: 'major-approval', label: '阅批', hint: '重大建议、提案交办前提请分管市领导阅批（第六条）。', action: '提请阅批', Actions: MajorApprovalActions },
  { key: 'quality-check', label: '质量审查', hint: '承办单位的答复在发出前由建议提案处审查质量（第十八条）。', action: '审查', Actions: QualityCheckActions },
  { key: 'government-document', label: '正式文件', hint: '省级、全国交办件：代表委员满意后整理成市政府正式文件，签发后发出（第九、十条）。', action: '处理', Actions: GovernmentDocumentActions },
  { key: 'merged', label: '并案', hint: '内容相同或相近的待交办件并入主件办理；已并入的件可拆分。', action: '拆分', Actions: SplitActions },
];

function QueueTable({
  query,
  action,
  onPage,
  onHandle,
  selection,
}: {
  query: ListQuery;
  action?: string;
  onPage: (page: number, pageSize: number) => void;
  onHandle?: (row: ListItem) => void;
  selection?: { keys: string[]; onChange: (rows: ListItem[]) => void };
}) {
  const list = useItems(query);
  const unitName = useUnitNames();
  const leaderName = useLeaderName();
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<ListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: T.empty }}
        rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (_, rows) => selection.onChange(rows.filter(Boolean)), columnWidth: 48 }}
        pagination={{
          current: list.data?.page ?? query.page ?? 1,
          pageSize: list.data?.pageSize ?? query.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showTotal: (n) => T.total(n),
          onChange: onPage,
        }}
        scroll={{ x: 1000 }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 140, render: (v, r) => <Link to={`/items/${r.id}`}>{v}</Link> },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '状态', dataIndex: 'status', width: 110, render: (v) => label(ITEM_STATUS, v) },
          { title: '承办单位', dataIndex: 'activeUnitIds', width: 170, render: (v: string[]) => v.map(unitName).join('、') || '—' },
          { title: '分管市领导', dataIndex: 'leaderInCharge', width: 110, render: (v: string | null) => leaderName(v) },
          { title: '登记日期', dataIndex: 'registeredAt', width: 130, render: (v: string) => formatDate(v) },
          {
            title: '标记',
            width: 110,
            render: (_, r) => (
              <Space size={2} wrap>
                {r.major && <Tag color="purple">重大</Tag>}
                {r.urgent && <Tag color="volcano">急办</Tag>}
                {r.overdue && <Tag color="red">超期</Tag>}
              </Space>
            ),
          },
          ...(onHandle
            ? [
                {
                  title: '操作',
                  width: 100,
                  fixed: 'right' as const,
                  render: (_: unknown, r: ListItem) => (
                    <Button size="small" type="link" onClick={() => onHandle(r)}>
                      {action}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function HandleDialog({ row, queue, onClose }: { row: ListItem; queue: (typeof QUEUES)[number]; onClose: () => void }) {
  const item = useItem(row.id);
  const Actions = queue.Actions;
  return (
    <Modal title={`${queue.label}：${row.number}`} open onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={820} destroyOnHidden>
      <Typography.Paragraph strong>{row.title}</Typography.Paragraph>
      <ErrorAlert error={item.error} />
      {item.data ? <Actions item={item.data} /> : <Spin />}
    </Modal>
  );
}

/** 并案办理: pick items waiting for assignment, choose the main one; the others follow it. */
function MergeSection() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<ListItem[]>([]);
  const [choosing, setChoosing] = useState(false);
  const [main, setMain] = useState<string | undefined>();
  const merge = useItemCommand(main, (v: { main: string; itemIds: string[] }, header) =>
    call(api.POST('/api/proposals/{id}/merge', { params: { path: { id: v.main }, header }, body: { itemIds: v.itemIds } })),
  );
  const page = Number(params.get('mergePage') ?? 1);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>待交办的件</Typography.Text>
        <Button disabled={selected.length < 2} onClick={() => setChoosing(true)}>
          并案办理{selected.length ? `（已选 ${selected.length} 件）` : ''}
        </Button>
      </Space>
      <QueueTable
        query={{ status: 'registered', page, pageSize: 10 }}
        onPage={(p) => setParams((prev) => (prev.set('mergePage', String(p)), prev))}
        selection={{ keys: selected.map((r) => r.id), onChange: setSelected }}
      />
      {choosing && (
        <Modal
          title="并案办理：选择主件"
          open
          okText="确认并案"
          cancelText="取消"
          okButtonProps={{ disabled: !main }}
          confirmLoading={merge.isPending}
          onCancel={() => setChoosing(false)}
          onOk={() =>
            merge
              .mutateAsync({ main: main!, itemIds: selected.filter((s) => s.id !== main).map((s) => s.id) })
              .then(() => {
                message.success('已并案办理');
                setChoosing(false);
                setSelected([]);
              })
              .catch(() => undefined)
          }
        >
          <ErrorAlert error={merge.error} />
          <Typography.Paragraph>主件交办、办理，其余各件随主件办理，各自征求提出人意见、各自归档。</Typography.Paragraph>
          <Radio.Group value={main} onChange={(e) => setMain(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {selected.map((s) => (
              <Radio key={s.id} value={s.id}>
                {s.number} {s.title}
              </Radio>
            ))}
          </Radio.Group>
        </Modal>
      )}
    </>
  );
}

export default function QueuesPage() {
  const [params, setParams] = useSearchParams();
  const active = (QUEUES.find((q) => q.key === params.get('queue')) ?? QUEUES[0]).key;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const [handling, setHandling] = useState<ListItem | undefined>();
  const queue = QUEUES.find((q) => q.key === active)!;
  return (
    <Card title="待办事项">
      <Tabs
        activeKey={active}
        onChange={(k) => setParams({ queue: k })}
        items={QUEUES.map((q) => ({
          key: q.key,
          label: q.label,
          children:
            q.key === active ? (
              <>
                <Typography.Paragraph type="secondary">{q.hint}</Typography.Paragraph>
                {q.key === 'merged' && <MergeSection />}
                {q.key === 'merged' && (
                  <Typography.Paragraph strong style={{ marginTop: 16 }}>
                    已并入主件的件
                  </Typography.Paragraph>
                )}
                <QueueTable
                  query={{ awaiting: q.key, page, pageSize }}
                  action={q.action}
                  onPage={(p, s) => setParams((prev) => (prev.set('page', String(p)), prev.set('pageSize', String(s)), prev))}
                  onHandle={setHandling}
                />
              </>
            ) : null,
        }))}
      />
      {handling && <HandleDialog row={handling} queue={queue} onClose={() => setHandling(undefined)} />}
    </Card>
  );
}
