/**
 * 承诺事项与年度总结: what the unit still owes beside its replies — the promises of its category B
 * replies (report progress, mark done; they go on after the item is archived) and its yearly
 * summaries (Art. 12, owed once its items of a year are all done).
 */
import { App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, idempotencyKey, type Detail, type Reply, type Schemas } from '../../api/client';
import { useDetailsOf, useItemCommand } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { T } from '../../glossary';
import { formatDate, formatDateTime } from '../../format';

type Promise_ = { followUps: { round: number; requestedAt: string; dueAt: string }[]; reports: { text: string; done: boolean; at: string }[]; fulfilledAt: string | null; open: boolean };
type Summary = Schemas['UnitSummaryDto'];

const SUMMARY_STATUS: Record<string, { text: string; color: string }> = {
  owed: { text: '应报送', color: 'orange' },
  submitted: { text: '已报送', color: 'green' },
  not_owed: { text: '无须报送', color: 'default' },
};

export default function ObligationsPage() {
  const me = useCurrentUser();
  const q = useDetailsOf({ unitId: me.unitId ?? undefined }, !!me.unitId);
  const promises = q.items.flatMap((item) =>
    item.replies.filter((r) => r.unitId === me.unitId && r.promise).// The detail's `promise` is an untyped object in the OpenAPI document (see ReplyViewDto.promise).
    map((reply) => ({ item, reply, promise: reply.promise as unknown as Promise_ })),
  );
  const summaries = useQuery({
    queryKey: ['unit-summaries', me.unitId],
    enabled: !!me.unitId,
    queryFn: () => call(api.GET('/api/units/{unitId}/summaries', { params: { path: { unitId: me.unitId! } } })),
  });
  const [reporting, setReporting] = useState<{ item: Detail; reply: Reply } | null>(null);
  const [summarising, setSummarising] = useState<Summary | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="B类答复承诺事项">
        <ErrorAlert error={q.error} />
        <Table
          rowKey={(r) => r.reply.id}
          loading={q.isLoading}
          locale={{ emptyText: T.empty }}
          dataSource={promises}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 900 }}
          columns={[
            { title: '编号', width: 140, render: (_, r) => <Link to={`/items/${r.item.id}`}>{r.item.number}</Link> },
            { title: '标题', ellipsis: true, render: (_, r) => r.item.title },
            { title: '答复日期', width: 120, render: (_, r) => formatDate(r.reply.sentAt) },
            {
              title: '下次报送期限',
              width: 170,
              render: (_, r) => (r.promise.open ? formatDateTime(r.promise.followUps.at(-1)?.dueAt) || '待系统请报' : '—'),
            },
            { title: '已报告', width: 80, render: (_, r) => `${r.promise.reports.length} 次` },
            {
              title: '状态',
              width: 150,
              render: (_, r) => (r.promise.open ? <Tag color="orange">跟踪中</Tag> : <Tag color="green">已办结 {formatDate(r.promise.fulfilledAt)}</Tag>),
            },
            {
              title: '操作',
              width: 130,
              render: (_, r) => (r.promise.open ? <Button onClick={() => setReporting({ item: r.item, reply: r.reply })}>报告进展</Button> : null),
            },
          ]}
        />
      </Card>
      <Card title="年度办理工作总结（第十二条）">
        <ErrorAlert error={summaries.error} />
        <Table
          rowKey={(s) => `${s.unitId}-${s.year}`}
          loading={summaries.isLoading}
          locale={{ emptyText: '当年承办 2 件以上且全部办结后，须在期限内报送办理工作总结' }}
          dataSource={summaries.data ?? []}
          pagination={false}
          columns={[
            { title: '年度', width: 90, render: (_, s) => s.year },
            { title: '承办件数', width: 100, render: (_, s) => s.items ?? '—' },
            { title: '报送期限', width: 170, render: (_, s) => formatDateTime(s.dueAt) },
            {
              title: '状态',
              width: 160,
              render: (_, s) => (
                <Space>
                  <Tag color={SUMMARY_STATUS[s.status]?.color}>{SUMMARY_STATUS[s.status]?.text ?? s.status}</Tag>
                  {s.overdue && <Tag color="red">已逾期</Tag>}
                  {s.late && <Tag color="red">逾期报送</Tag>}
                </Space>
              ),
            },
            { title: '报送时间', width: 170, render: (_, s) => formatDateTime(s.submittedAt) },
            {
              title: '操作',
              width: 120,
              render: (_, s) => (s.status === 'owed' && me.role === 'unit_leader' ? <Button type="primary" onClick={() => setSummarising(s)}>报送总结</Button> : null),
            },
          ]}
        />
      </Card>
      {reporting && <ReportDialog item={reporting.item} reply={reporting.reply} onClose={() => setReporting(null)} />}
      {summarising && <SummaryDialog summary={summarising} onClose={() => setSummarising(null)} />}
    </Space>
  );
}

function ReportDialog({ item, reply, onClose }: { item: Detail; reply: Reply; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; done: boolean }>();
  const cmd = useItemCommand(item.id, (body: { text: string; done: boolean }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/promise-progress', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <Modal
      open
      title={`报告承诺事项进展：${item.title}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={cmd.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          cmd.mutateAsync({ text: v.text, done: !!v.done }).then(() => {
            message.success(v.done ? '已报告办结' : '已报告进展');
            onClose();
          }),
        )
      }
    >
      <ErrorAlert error={cmd.error} />
      <Form form={form} layout="vertical" initialValues={{ done: false }}>
        <Form.Item name="text" label="办理进展" rules={[{ required: true, whitespace: true, message: '请填写办理进展' }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="done" valuePropName="checked">
          <Checkbox>承诺事项已办结（此后不再催报）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SummaryDialog({ summary, onClose }: { summary: Summary; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    const { text } = await form.validateFields();
    setPending(true);
    setError(null);
    try {
      await call(
        api.POST('/api/units/{unitId}/summaries/{year}', {
          params: { path: { unitId: summary.unitId, year: summary.year } },
          headers: { 'Idempotency-Key': idempotencyKey() },
          body: { text },
        }),
      );
      message.success('办理工作总结已报送');
      void qc.invalidateQueries({ queryKey: ['unit-summaries'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal open title={`报送 ${summary.year} 年度办理工作总结`} okText="报送" cancelText="取消" confirmLoading={pending} onCancel={onClose} onOk={() => void submit()}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="text" label="复查和总结（书面报告）" rules={[{ required: true, whitespace: true, message: '请填写办理工作总结' }]}>
          <Input.TextArea rows={10} maxLength={50000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
