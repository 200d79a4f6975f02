import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../format';
import { calendarProblems, DAY_KIND, type DayRow } from './calendar-form';

type Saved = {
  message: string;
  operationId: string;
  warnings: { field: string; message: string }[];
  recomputeRunningItems: { items: number; changed: number; failed: { id: string; number: string; message: string }[] } | null;
};

let nextKey = 0;
const rowKey = () => `d${++nextKey}`;

/** How the running items' deadlines were recomputed after saving: at once, or polled from the operation. */
function RecomputeResult({ saved }: { saved: Saved }) {
  const op = useQuery({
    queryKey: ['operation', saved.operationId],
    enabled: !saved.recomputeRunningItems,
    queryFn: () => call(api.GET('/api/operations/{id}', { params: { path: { id: saved.operationId } } })),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const r = saved.recomputeRunningItems ?? (op.data && op.data.status !== 'running' ? { items: op.data.total, changed: op.data.changed, failed: op.data.failures } : null);
  return (
    <div data-testid="recompute-result" style={{ marginBottom: 16 }}>
      <Alert type="success" showIcon title={saved.message} style={{ marginBottom: 8 }} />
      {r ? (
        <Alert
          type={r.failed.length ? 'warning' : 'info'}
          showIcon
          title={`在办件重新计算期限：共 ${r.items} 件，期限有变化 ${r.changed} 件，失败 ${r.failed.length} 件`}
          description={r.failed.length ? r.failed.map((f) => `${f.number}：${f.message}`).join('；') : undefined}
        />
      ) : (
        <Alert type="info" showIcon title={`在办件正在后台重新计算期限${op.data ? `：已处理 ${op.data.done} / ${op.data.total} 件` : '…'}`} />
      )}
      {saved.warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="请核对" description={saved.warnings.map((w) => w.message).join('；')} />
      )}
    </div>
  );
}

/** 节假日日历: the years on file, one year's holidays and 调休 workdays, and adding or revising a year. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const overview = useQuery({ queryKey: ['admin-calendar'], queryFn: () => call(api.GET('/api/admin/calendar')) });
  const days = useQuery({
    queryKey: ['admin-calendar', year],
    queryFn: () => call(api.GET('/api/admin/calendar/{year}', { params: { path: { year } } })),
  });
  const [rows, setRows] = useState<DayRow[]>([]);
  const [source, setSource] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Saved | undefined>();
  useEffect(() => {
    setRows((days.data?.days ?? []).map((d) => ({ key: rowKey(), date: d.date, kind: d.kind as DayRow['kind'], name: d.name })));
    setProblems({});
  }, [days.data]);
  useEffect(() => setSaved(undefined), [year]);

  const save = useMutation({
    mutationFn: (body: { days: { date: string; kind: 'holiday' | 'workday'; name: string }[]; source?: string }) =>
      call(api.PUT('/api/admin/calendar/{year}', { params: { path: { year } }, body })) as Promise<Saved>,
    onSuccess: (s) => {
      setSaved(s);
      void qc.invalidateQueries({ queryKey: ['admin-calendar'] });
      void message.success(`已保存 ${year} 年节假日安排`);
    },
  });
  const update = (key: string, change: Partial<DayRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const submit = () => {
    const p = calendarProblems(year, rows);
    setProblems(p);
    if (Object.keys(p).length) return;
    save.mutate({
      days: rows.map((r) => ({ date: r.date!, kind: r.kind!, name: r.name!.trim() })),
      ...(source.trim() ? { source: source.trim() } : {}),
    });
  };

  return (
    <Card title="节假日日历">
      <Space wrap style={{ marginBottom: 16 }}>
        {(overview.data?.years ?? []).map((y) => (
          <Tag key={y.year} color={y.covered ? 'green' : 'orange'} style={{ cursor: 'pointer' }} onClick={() => setParams({ year: String(y.year) })}>
            {y.year}年{y.covered ? `（${y.dayCount} 天）` : '（未录入）'}
          </Tag>
        ))}
      </Space>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="年份">
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setParams({ year: String(v) })} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="数据来源">
          <Input value={source} onChange={(e) => setSource(e.target.value)} placeholder="如 国务院办公厅通知文号" style={{ width: 260 }} />
        </Form.Item>
      </Form>
      <ErrorAlert error={overview.error ?? days.error} />
      {days.data && (
        <Typography.Paragraph type="secondary">
          {days.data.covered
            ? `${year} 年已录入${days.data.updatedAt ? `，更新于 ${formatDateTime(days.data.updatedAt)}` : ''}。修改后保存将整体替换该年数据，期限涉及该年的在办件随之重新计算。`
            : `${year} 年节假日安排尚未录入，期限按普通周末暂算。请按国务院办公厅通知录入。`}
        </Typography.Paragraph>
      )}
      {saved && <RecomputeResult saved={saved} />}
      <ErrorAlert error={save.error} />
      {problems.days && <Alert type="error" showIcon title={problems.days} style={{ marginBottom: 8 }} />}
      <Table<DayRow>
        data-testid="calendar-days"
        rowKey="key"
        size="small"
        loading={days.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 380 }}
        locale={{ emptyText: '该年尚无数据' }}
        columns={[
          {
            title: '日期',
            width: 190,
            render: (_, r) => (
              <DatePicker
                aria-label="日期"
                format="YYYY年M月D日"
                value={r.date ? dayjs(r.date) : null}
                onChange={(d) => update(r.key, { date: d ? d.format('YYYY-MM-DD') : undefined })}
                status={problems[r.key] ? 'error' : undefined}
              />
            ),
          },
          {
            title: '类型',
            width: 130,
            render: (_, r) => (
              <Select
                aria-label="类型"
                value={r.kind}
                onChange={(k) => update(r.key, { kind: k })}
                style={{ width: 110 }}
                options={Object.entries(DAY_KIND).map(([value, label]) => ({ value, label }))}
              />
            ),
          },
          { title: '名称', render: (_, r) => <Input aria-label="名称" value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} /> },
          { title: '星期', width: 80, render: (_, r) => (r.date ? `周${'日一二三四五六'[dayjs(r.date).day()]}` : '—') },
          { title: '问题', width: 170, render: (_, r) => (problems[r.key] ? <Typography.Text type="danger">{problems[r.key]}</Typography.Text> : null) },
          {
            title: '操作',
            width: 70,
            render: (_, r) => (
              <Button size="small" type="link" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                删除
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={() => setRows((rs) => [...rs, { key: rowKey(), kind: 'holiday' }])}>添加一天</Button>
        <Button type="primary" loading={save.isPending} onClick={submit}>
          保存 {year} 年
        </Button>
        {rows.length > 0 && <Typography.Text type="secondary">共 {rows.length} 天，首日 {formatDate([...rows].map((r) => r.date).filter(Boolean).sort()[0])}</Typography.Text>}
      </Space>
    </Card>
  );
}
