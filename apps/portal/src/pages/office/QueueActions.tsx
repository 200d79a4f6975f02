/**
 * What the office does on one item of a queue, from the item's detail: decide a return request and
 * re-assign, put a major item before the vice mayor, review a reply (Art. 18), compile or send a
 * government document, split a merged item off. Each calls the item's own command endpoint.
 */
import { App, Alert, Button, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, type Detail, type Reply } from '../../api/client';
import { useItemCommand, useUnits } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, REPLY_STATUS, label } from '../../glossary';
import { formatDate, formatDateTime } from '../../format';
import { ReviewButtons } from '../leader/ReviewButtons';
import { AssignDialog } from './AssignDialog';
import { LeaderPicker, useLeaderName } from './leaders';

const fail = (message: { error: (s: string) => unknown }) => (e: unknown) => message.error((e as Error).message);

/** 退转申请: approve or refuse (with a comment); then, if the item or a part needs it, re-assign. */
export function ReturnActions({ item }: { item: Detail }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [assigning, setAssigning] = useState(false);
  const decide = useItemCommand(item.id, (v: { unitId: string; approve: boolean }, header) =>
    call(
      api.POST('/api/proposals/{id}/units/{unitId}/return-decision', {
        params: { path: { id: item.id, unitId: v.unitId }, header },
        body: { approve: v.approve, ...(comment ? { comment } : {}) },
      }),
    ),
  );
  const open = item.assignments.filter((u) => {
    const last = u.returnRequests.at(-1);
    return last && !last.decision;
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={decide.error} />
      {open.map((u) => {
        const r = u.returnRequests.at(-1)!;
        return (
          <div key={u.unitId} data-testid="return-request">
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: 'u', label: '申请单位', children: u.unitName },
                { key: 'r', label: '退转理由', children: r.reason },
                { key: 't', label: '申请时间', children: formatDateTime(r.requestedAt) },
                { key: 'w', label: '退转期限', children: formatDate(u.returnWindowLastDay) },
              ]}
            />
            <Form layout="vertical" style={{ marginTop: 8 }}>
              <Form.Item label="决定意见" htmlFor={`return-comment-${u.unitId}`}>
                <Input.TextArea id={`return-comment-${u.unitId}`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              </Form.Item>
            </Form>
            <Space>
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => decide.mutateAsync({ unitId: u.unitId, approve: true }).then(() => message.success('已同意退转'), fail(message))}
              >
                同意退转
              </Button>
              <Button
                danger
                loading={decide.isPending}
                onClick={() => decide.mutateAsync({ unitId: u.unitId, approve: false }).then(() => message.success('已不同意退转'), fail(message))}
              >
                不同意退转
              </Button>
            </Space>
          </div>
        );
      })}
      {open.length === 0 && item.status !== 'awaiting_reassignment' && item.partsAwaitingReassignment.length === 0 && (
        <Empty description="没有待决定的退转申请" />
      )}
      {item.status === 'awaiting_reassignment' && (
        <Alert
          type="warning"
          showIcon
          title="主办单位已全部退转，待重新交办"
          action={
            <Button type="primary" onClick={() => setAssigning(true)}>
              重新交办
            </Button>
          }
        />
      )}
      {item.partsAwaitingReassignment.map((p) => (
        <ReassignPart key={p.unitId} item={item} unitId={p.unitId} unitName={p.unitName} />
      ))}
      {assigning && <AssignDialog itemId={item.id} urgent={item.urgent} open onClose={() => setAssigning(false)} />}
    </Space>
  );
}

/** 改派 (分别办理): a returned unit's part goes to another unit, its deadlines counted afresh. */
function ReassignPart({ item, unitId, unitName }: { item: Detail; unitId: string; unitName: string }) {
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<{ toUnitId?: string; assignedOn?: Dayjs }>();
  const run = useItemCommand(item.id, (v: { toUnitId: string; assignedOn: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/reassignment', { params: { path: { id: item.id, unitId }, header }, body: v })),
  );
  const taken = new Set(item.assignments.map((u) => u.unitId));
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ assignedOn: dayjs() }}
      onFinish={(v) =>
        run.mutateAsync({ toUnitId: v.toUnitId!, assignedOn: v.assignedOn!.format('YYYY-MM-DD') }).then(() => message.success('已改派'), fail(message))
      }
    >
      <Typography.Text style={{ marginRight: 8 }}>{unitName}退转的部分待改派：</Typography.Text>
      <Form.Item label="改派给" name="toUnitId" rules={[{ required: true, message: '请选择接手的单位' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 160 }}
          options={(units.data ?? []).filter((u) => !taken.has(u.code)).map((u) => ({ value: u.code, label: u.name }))}
        />
      </Form.Item>
      <Form.Item label="接办之日" name="assignedOn" rules={[{ required: true, message: '请选择接办之日' }]}>
        <DatePicker format="YYYY年M月D日" allowClear={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={run.isPending}>
        改派
      </Button>
      <ErrorAlert error={run.error} />
    </Form>
  );
}

type MajorApproval = { viceMayor: string; submittedAt: string; note?: string; approvedAt?: string } | null;

/** 阅批 (Art. 6): a major item is put before the vice mayor in charge before it is assigned. */
export function MajorApprovalActions({ item }: { item: Detail }) {
  const { message } = App.useApp();
  const leaderName = useLeaderName();
  const approval = item.majorApproval as MajorApproval;
  const [form] = Form.useForm<{ viceMayor?: string; note?: string }>();
  const submit = useItemCommand(item.id, (body: { viceMayor: string; note?: string }, header) =>
    call(api.POST('/api/proposals/{id}/major-approval/submission', { params: { path: { id: item.id }, header }, body })),
  );
  if (approval?.approvedAt) return <Alert type="success" showIcon title={`${leaderName(approval.viceMayor)}已于${formatDate(approval.approvedAt)}阅批，可交办`} />;
  if (approval) return <Alert type="info" showIcon title={`已于${formatDate(approval.submittedAt)}提请${leaderName(approval.viceMayor)}阅批，待阅批`} />;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => submit.mutateAsync({ viceMayor: v.viceMayor!, ...(v.note ? { note: v.note } : {}) }).then(() => message.success('已提请阅批'), fail(message))}
    >
      <ErrorAlert error={submit.error} fieldLabels={{ viceMayor: '分管市领导', note: '提请说明' }} />
      <Form.Item label="分管市领导" name="viceMayor" rules={[{ required: true, message: '请选择提请阅批的分管市领导' }]}>
        <LeaderPicker />
      </Form.Item>
      <Form.Item label="提请说明" name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提请阅批
      </Button>
    </Form>
  );
}

function ReplySummary({ reply, unitName }: { reply: Reply; unitName: string }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={[
        { key: 'u', label: '答复单位', children: unitName },
        { key: 'c', label: '答复类别', children: label(CATEGORY, reply.category) },
        { key: 's', label: '状态', children: label(REPLY_STATUS, reply.status) },
        { key: 'b', label: '答复内容', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{reply.body}</Typography.Paragraph> },
      ]}
    />
  );
}

const unitNameOf = (item: Detail, unitId: string) => item.assignments.find((u) => u.unitId === unitId)?.unitName ?? '承办单位';

/** 质量审查 (Art. 18): the office reviews the reply at its stage. */
export function QualityCheckActions({ item }: { item: Detail }) {
  const due = item.replies.filter((r) => r.status === 'in_review' && r.currentStage === 'office');
  if (!due.length) return <Empty description="没有待质量审查的答复" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {due.map((r) => (
        <div key={r.id}>
          <ReplySummary reply={r} unitName={unitNameOf(item, r.unitId)} />
          <div style={{ marginTop: 8 }}>
            <ReviewButtons item={item} reply={r} />
          </div>
        </div>
      ))}
    </Space>
  );
}

/** 市政府正式文件 (Art. 9, 10): compile from the opinion the proposer accepted; send once signed. */
export function GovernmentDocumentActions({ item }: { item: Detail }) {
  const due = item.replies.filter((r) => r.status === 'awaiting_document' || r.status === 'document_signed');
  if (!due.length) return <Empty description="没有待整理或待发出的正式文件" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {due.map((r) => (
        <div key={r.id}>
          <ReplySummary reply={r} unitName={unitNameOf(item, r.unitId)} />
          {r.status === 'awaiting_document' ? <CompileDocument item={item} reply={r} /> : <SendDocument item={item} reply={r} />}
        </div>
      ))}
    </Space>
  );
}

function CompileDocument({ item, reply }: { item: Detail; reply: Reply }) {
  const { message } = App.useApp();
  const compile = useItemCommand(item.id, (body: { title?: string; body: string; documentNumber?: string }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/government-document', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <Form
      layout="vertical"
      style={{ marginTop: 8 }}
      initialValues={{ title: `关于${item.title.replace(/^关于/, '')}的答复`, body: reply.body }}
      onFinish={(v: { title?: string; body: string; documentNumber?: string }) =>
        compile.mutateAsync({ body: v.body, ...(v.title ? { title: v.title } : {}), ...(v.documentNumber ? { documentNumber: v.documentNumber } : {}) }).then(
          () => message.success('已整理正式文件，送审查签发'),
          fail(message),
        )
      }
    >
      <ErrorAlert error={compile.error} fieldLabels={{ title: '文件标题', body: '正文', documentNumber: '文号' }} />
      <Form.Item label="文件标题" name="title">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="文号" name="documentNumber">
        <Input placeholder="如 郑政文〔2026〕12号（可在发出时填写）" maxLength={100} />
      </Form.Item>
      <Form.Item label="正文" name="body" rules={[{ required: true, message: '请填写正式文件正文' }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={compile.isPending}>
        整理并送审
      </Button>
    </Form>
  );
}

function SendDocument({ item, reply }: { item: Detail; reply: Reply }) {
  const { message } = App.useApp();
  const doc = reply.documents.at(-1);
  const send = useItemCommand(item.id, (body: { documentNumber?: string }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/send', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <Form
      layout="inline"
      style={{ marginTop: 8 }}
      initialValues={{ documentNumber: doc?.documentNumber ?? '' }}
      onFinish={(v: { documentNumber?: string }) =>
        send.mutateAsync(v.documentNumber ? { documentNumber: v.documentNumber } : {}).then(() => message.success('正式文件已发出'), fail(message))
      }
    >
      <Typography.Text style={{ marginRight: 8 }}>
        《{doc?.title ?? '正式文件'}》已于{formatDate(doc?.signedAt)}签发。
      </Typography.Text>
      <Form.Item label="文号" name="documentNumber" rules={[{ required: !doc?.documentNumber, message: '请填写文号' }]}>
        <Input style={{ width: 220 }} maxLength={100} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        发出正式文件
      </Button>
      <ErrorAlert error={send.error} />
    </Form>
  );
}

/** 拆分: a merged item is handled on its own again (the main item records it). */
export function SplitActions({ item }: { item: Detail }) {
  const { message } = App.useApp();
  const main = item.mergedInto;
  const split = useItemCommand(item.id, (_: void, header) =>
    call(api.POST('/api/proposals/{id}/split', { params: { path: { id: main!.id }, header }, body: { itemId: item.id } })),
  );
  if (!main) return <Empty description="该件未并入其他件" />;
  return (
    <Space direction="vertical">
      <Typography.Text>
        已于{formatDate(main.mergedAt)}并入 {main.number} 随主件办理。拆分后该件回到“待交办”，可单独交办。
      </Typography.Text>
      <ErrorAlert error={split.error} />
      <Button danger loading={split.isPending} onClick={() => split.mutateAsync().then(() => message.success('已拆分'), fail(message))}>
        拆分
      </Button>
    </Space>
  );
}
