import { App, Button, Card, Form, Input, Modal, Pagination, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call, type Detail, type Reply } from '../../api/client';
import { useItemCommand, usePagedDetails, useUnits, useUnitNames } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, T, label } from '../../glossary';
import { formatDate } from '../../format';
import { ReviewButtons } from '../leader/ReviewButtons';
import { TASK_LABEL, viceMayorTasks, type ViceMayorTask } from './tasks';

const COLOR = { major: 'purple', review: 'blue', sign: 'gold', read: 'green' } as const;

/** 阅批 (Art. 6): the vice mayor approves the major item, with instructions if any. */
function ApproveMajorButton({ item }: { item: Detail }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ instructions?: string }>();
  const cmd = useItemCommand(item.id, (body: { instructions?: string }, header) =>
    call(api.POST('/api/proposals/{id}/major-approval', { params: { path: { id: item.id }, header }, body })),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        阅批
      </Button>
      <Modal
        open={open}
        title={`阅批：${item.title}`}
        okText="阅批"
        cancelText="取消"
        confirmLoading={cmd.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form
            .validateFields()
            .then((v) => cmd.mutateAsync(v.instructions?.trim() ? { instructions: v.instructions.trim() } : {}))
            .then(() => (setOpen(false), message.success('已阅批')), () => undefined)
        }
      >
        <ErrorAlert error={cmd.error} fieldLabels={{ instructions: '批示' }} />
        <Form form={form} layout="vertical">
          <Form.Item label="批示" name="instructions" extra="可不填；阅批后建议提案处方可交办">
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 阅示 (Art. 9): a satisfied reply of a government department, read with a comment if any. */
function ReadReplyButton({ item, reply }: { item: Detail; reply: Reply }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ comment?: string }>();
  const cmd = useItemCommand(item.id, (body: { comment?: string }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/reading', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        阅示
      </Button>
      <Modal
        open={open}
        title="阅示"
        okText="阅示"
        cancelText="取消"
        confirmLoading={cmd.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form
            .validateFields()
            .then((v) => cmd.mutateAsync(v.comment?.trim() ? { comment: v.comment.trim() } : {}))
            .then(() => (setOpen(false), message.success('已阅示')), () => undefined)
        }
      >
        <ErrorAlert error={cmd.error} fieldLabels={{ comment: '阅示意见' }} />
        <Form form={form} layout="vertical">
          <Form.Item label="阅示意见" name="comment" extra="可不填">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Action({ task }: { task: ViceMayorTask }) {
  switch (task.kind) {
    case 'major':
      return <ApproveMajorButton item={task.item} />;
    case 'review':
      return <ReviewButtons item={task.item} reply={task.reply!} />;
    case 'sign':
      return <ReviewButtons item={task.item} reply={task.reply!} approveText="审核签发" />;
    case 'read':
      return <ReadReplyButton item={task.item} reply={task.reply!} />;
  }
}

/**
 * 分管副市长的待办: 阅批 of major items, review of joint replies, signing provincial items'
 * government documents, 阅示 of satisfied replies — one queue. The API filters and pages it in the
 * database (awaiting=vice-mayor, always the caller's own); only the page's items are loaded in full.
 */
export default function ViceMayorQueuePage() {
  const me = useCurrentUser();
  const units = useUnits();
  const unitName = useUnitNames();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const q = usePagedDetails({ awaiting: 'vice-mayor', page, pageSize });
  const isDepartment = (code: string) => units.data?.find((u) => u.code === code)?.kind === 'department';
  const tasks = viceMayorTasks(q.items, me, isDepartment);
  const loading = q.isLoading || units.isLoading;
  return (
    <Card title="分管副市长待办">
      <ErrorAlert error={q.error ?? units.error} />
      <Table<ViceMayorTask>
        rowKey={(t) => `${t.kind}-${t.item.id}-${t.reply?.id ?? ''}`}
        loading={loading}
        locale={{ emptyText: loading ? T.loading : '暂无待办事项' }}
        dataSource={tasks}
        // Paged by item on the server (an item may bring more than one task), so not by the table.
        pagination={false}
        scroll={{ x: 960 }}
        columns={[
          { title: '事项', width: 150, render: (_, t) => <Tag color={COLOR[t.kind]}>{TASK_LABEL[t.kind]}</Tag> },
          { title: '编号', width: 150, render: (_, t) => <Link to={`/items/${t.item.id}${t.reply ? '?tab=replies' : ''}`}>{t.item.number}</Link> },
          { title: '标题', ellipsis: true, render: (_, t) => t.item.title },
          { title: '答复单位', width: 130, render: (_, t) => (t.reply ? unitName(t.reply.unitId) : '—') },
          { title: '答复类别', width: 110, render: (_, t) => (t.reply ? label(CATEGORY, t.reply.category).split(/[（(]/)[0] : '—') },
          { title: '送达日期', width: 150, render: (_, t) => formatDate(t.since) },
          { title: '操作', width: 220, fixed: 'right', render: (_, t) => <Action task={t} /> },
        ]}
      />
      <Pagination
        style={{ marginTop: 16, justifyContent: 'flex-end' }}
        current={page}
        pageSize={pageSize}
        total={q.total}
        hideOnSinglePage
        showTotal={(n) => T.total(n)}
        onChange={(p, s) => setParams((prev) => (prev.set('page', String(p)), prev.set('pageSize', String(s)), prev))}
      />
    </Card>
  );
}
