import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ListItem } from '../../api/client';
import { useItems, useUnitNames, useUnits, type ListQuery } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { DeadlineTag } from '../../components/DeadlineTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ITEM_STATUS, KIND, LEVEL, T, label, options } from '../../glossary';
import { shanghaiDay } from '../../format';
import { BulkAssignDialog } from './BulkAssignDialog';
import { useLeaderName } from './leaders';

const BOOL = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

/** The filters live in the URL: a list can be bookmarked, shared and reloaded as it is. */
export function queryFromUrl(p: URLSearchParams): ListQuery {
  const num = (k: string) => (p.get(k) ? Number(p.get(k)) : undefined);
  const bool = (k: string) => (p.get(k) === 'true' ? true : p.get(k) === 'false' ? false : undefined);
  const q: ListQuery = {
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 20,
    year: num('year'),
    kind: (p.get('kind') as ListQuery['kind']) ?? undefined,
    level: (p.get('level') as ListQuery['level']) ?? undefined,
    status: p.get('status') ?? undefined,
    unitId: p.get('unitId') ?? undefined,
    overdue: bool('overdue'),
    key: bool('key'),
    major: bool('major'),
    urgent: bool('urgent'),
    topic: p.get('topic') ?? undefined,
    proposer: p.get('proposer') ?? undefined,
    q: p.get('q') ?? undefined,
  };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as ListQuery;
}

export function ItemsTable({
  query,
  onPage,
  selection,
}: {
  query: ListQuery;
  onPage?: (page: number, pageSize: number) => void;
  /** rows the office ticks for a bulk action (kept across pages) */
  selection?: { keys: string[]; onChange: (keys: string[], rows: ListItem[]) => void };
}) {
  const list = useItems(query);
  const unitName = useUnitNames();
  const leaderName = useLeaderName();
  const navigate = useNavigate();
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<ListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: T.empty }}
        rowSelection={
          selection && {
            selectedRowKeys: selection.keys,
            preserveSelectedRowKeys: true,
            onChange: (keys, rows) => selection.onChange(keys as string[], rows),
            columnWidth: 48,
          }
        }
        onRow={(r) => ({ onClick: () => navigate(`/items/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: list.data?.page ?? query.page ?? 1,
          pageSize: list.data?.pageSize ?? query.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showTotal: (n) => T.total(n),
          onChange: onPage,
        }}
        // The title is what the office reads first: it keeps 300 px, and a narrow window scrolls sideways
        // (with x at the sum of the other columns it was squeezed to one character at 1280 px).
        scroll={{ x: 1480 }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 140, render: (v, r) => <Link to={`/items/${r.id}`}>{v}</Link> },
          { title: '标题', dataIndex: 'title', width: 300, ellipsis: true },
          { title: '类别', dataIndex: 'kind', width: 120, render: (v) => label(KIND, v) },
          { title: '级别', dataIndex: 'level', width: 90, render: (v) => label(LEVEL, v) },
          { title: '状态', dataIndex: 'status', width: 110, render: (v) => label(ITEM_STATUS, v) },
          {
            title: '承办单位',
            dataIndex: 'activeUnitIds',
            width: 180,
            render: (v: string[]) => v.map(unitName).join('、') || '—',
          },
          { title: '分管市领导', dataIndex: 'leaderInCharge', width: 110, render: (v: string | null) => leaderName(v) },
          {
            title: '答复期限',
            dataIndex: 'replyDueAt',
            width: 230,
            render: (v: string | null, r) => (v ? <DeadlineTag lastDay={lastDayOf(v)} done={r.status === 'archived'} /> : '—'),
          },
          {
            title: '标记',
            width: 150,
            render: (_, r) => (
              <Space size={2} wrap>
                {r.key && <Tag color="gold">重点</Tag>}
                {r.major && <Tag color="purple">重大</Tag>}
                {r.urgent && <Tag color="volcano">急办</Tag>}
                {r.overdue && <Tag color="red">超期</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** replyDueAt is 24:00 of the last day (the next day's start): the last day is the day before, in Shanghai. */
export function lastDayOf(dueAt: string): string {
  return shanghaiDay(new Date(Date.parse(dueAt) - 1));
}

export default function ItemsPage() {
  const [params, setParams] = useSearchParams();
  const me = useCurrentUser();
  const units = useUnits();
  const query = queryFromUrl(params);
  const [form] = Form.useForm();
  const office = me.role === 'office';
  const [selected, setSelected] = useState<ListItem[]>([]);
  const [bulk, setBulk] = useState(false);
  const set = (changes: Record<string, unknown>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  return (
    <Card
      title={T.items}
      extra={
        (me.role === 'office' || me.role === 'admin') && (
          <Link to="/items/new">
            <Button type="primary">登记建议提案</Button>
          </Link>
        )
      }
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ ...Object.fromEntries(params), year: query.year }}
        onFinish={(v) => set({ ...v, page: 1 })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label="年份" name="year">
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select allowClear style={{ width: 150 }} options={options(KIND)} />
        </Form.Item>
        <Form.Item label="级别" name="level">
          <Select allowClear style={{ width: 110 }} options={options(LEVEL)} />
        </Form.Item>
        <Form.Item label="办理阶段" name="status">
          <Select allowClear style={{ width: 130 }} options={options(ITEM_STATUS)} />
        </Form.Item>
        <Form.Item label="承办单位" name="unitId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="重点" name="key">
          <Select allowClear style={{ width: 80 }} options={BOOL} />
        </Form.Item>
        <Form.Item label="重大" name="major">
          <Select allowClear style={{ width: 80 }} options={BOOL} />
        </Form.Item>
        <Form.Item label="急办" name="urgent">
          <Select allowClear style={{ width: 80 }} options={BOOL} />
        </Form.Item>
        <Form.Item label="超期" name="overdue">
          <Select allowClear style={{ width: 80 }} options={BOOL} />
        </Form.Item>
        <Form.Item label="主题" name="topic">
          <Input allowClear placeholder="如 教育" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="提出人" name="proposer">
          <Input allowClear placeholder="姓名" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="关键词" name="q">
          <Input allowClear placeholder="标题或编号" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {T.search}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setParams(new URLSearchParams());
              }}
            >
              {T.reset}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">点击一行查看详情、交办或办理{office ? '；勾选多件可批量交办' : ''}。</Typography.Text>
        {office && (
          <Button disabled={!selected.length} onClick={() => setBulk(true)}>
            批量交办{selected.length ? `（${selected.length} 件）` : ''}
          </Button>
        )}
      </Space>
      <ItemsTable
        query={query}
        onPage={(page, pageSize) => set({ page, pageSize })}
        selection={office ? { keys: selected.map((r) => r.id), onChange: (_, rows) => setSelected(rows.filter(Boolean)) } : undefined}
      />
      {bulk && (
        <BulkAssignDialog
          items={selected}
          onClose={(done) => {
            setBulk(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </Card>
  );
}
