import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, type Detail, type Reply, type UnitAssignment } from '../../api/client';
import { useItemCommand } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, CONTACT_METHOD, DISCLOSURE, options } from '../../glossary';
import { deadlineState } from '../../deadline';
import { CoOpinionDialog, ExplanationDialog, InstructionsAnswerDialog, InstructionsDialog, ProgressReportDialog } from './HandlingDialogs';

type UnitDialog = 'return' | 'contact' | 'draft' | 'co' | 'instructions' | 'answer' | 'progress' | 'explanation';

/** 申请退转（剩余 N 天）: the return window's countdown on the button itself. */
export function returnButtonLabel(unit: Pick<UnitAssignment, 'returnWindowLastDay'>, now: Date): string {
  return unit.returnWindowLastDay ? `申请退转（${deadlineState(unit.returnWindowLastDay, now).text}）` : '申请退转';
}

/**
 * 签收 · 申请退转 · 记录沟通 · 会办意见 · 请示 · 月度进度 · 延期说明 · 起草答复: what a handler does
 * for their unit's assignment (the API decides; this only hides what it would refuse).
 */
export function UnitActions({ item, unit }: { item: Detail; unit: UnitAssignment }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<UnitDialog | null>(null);
  const path = { id: item.id, unitId: unit.unitId };
  const sign = useItemCommand(item.id, (_: void, header) => call(api.POST('/api/proposals/{id}/units/{unitId}/receipt', { params: { path, header } })));
  const answersItself = unit.role !== 'co';
  // Only the unit's latest reply counts: earlier drafts sent back for revision stay in the list.
  const latest = item.replies.filter((r) => r.unitId === unit.unitId).at(-1);
  const inProgress = !!latest && !['closed', 'sent'].includes(latest.status);
  const repliedAwaitingFeedback = !!latest && latest.status === 'sent' && !latest.feedback;
  const replied = !!latest && (latest.status === 'sent' || (latest.status === 'closed' && !latest.sentBack));
  const pendingRequest = unit.instructionRequests.find((r) => !r.answer);
  const canExplain = answersItself && !!unit.signedAt && !unit.explanation && !unit.replyDeadlinePassedAt && !replied && !inProgress;
  if (unit.status === 'returned' || item.status === 'archived') return null;
  return (
    <Space wrap>
      {!unit.signedAt && (
        <Button
          type="primary"
          loading={sign.isPending}
          onClick={() => sign.mutateAsync().then(() => message.success('已签收'), (e) => message.error((e as Error).message))}
        >
          签收
        </Button>
      )}
      {!unit.returnWindowClosed && <Button onClick={() => setDialog('return')}>{returnButtonLabel(unit, new Date())}</Button>}
      {unit.signedAt && <Button onClick={() => setDialog('contact')}>记录沟通</Button>}
      {unit.signedAt && unit.role === 'co' && <Button onClick={() => setDialog('co')}>{unit.coUnitOpinions.length ? '补充会办意见' : '会办意见'}</Button>}
      {unit.signedAt && !replied && <Button onClick={() => setDialog('instructions')}>请示</Button>}
      {pendingRequest && <Button onClick={() => setDialog('answer')}>记录上级答复</Button>}
      {unit.signedAt && unit.nextProgressReport && <Button onClick={() => setDialog('progress')}>报送进度</Button>}
      {canExplain && <Button onClick={() => setDialog('explanation')}>延期说明</Button>}
      {unit.signedAt && answersItself && !unit.instructionsPending && !inProgress && !repliedAwaitingFeedback && (
        <Button type="primary" onClick={() => setDialog('draft')}>
          起草答复
        </Button>
      )}
      {dialog === 'return' && <ReturnDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'contact' && <ContactDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'draft' && <DraftDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'co' && <CoOpinionDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'instructions' && <InstructionsDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'answer' && pendingRequest && (
        <InstructionsAnswerDialog item={item} unitId={unit.unitId} requestId={pendingRequest.requestId} onClose={() => setDialog(null)} />
      )}
      {dialog === 'progress' && <ProgressReportDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
      {dialog === 'explanation' && <ExplanationDialog item={item} unitId={unit.unitId} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function ReturnDialog({ item, unitId, onClose }: { item: Detail; unitId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const cmd = useItemCommand(item.id, (body: { reason: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/return-request', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <Modal open title="申请退转" okText="提交" cancelText="取消" confirmLoading={cmd.isPending} onCancel={onClose} onOk={() => form.validateFields().then((v) => cmd.mutateAsync(v)).then(onClose, () => undefined)}>
      <ErrorAlert error={cmd.error} fieldLabels={{ reason: '退转理由' }} />
      <Form form={form} layout="vertical">
        <Form.Item label="退转理由" name="reason" rules={[{ required: true, message: '请写明退转理由' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ContactDialog({ item, unitId, onClose }: { item: Detail; unitId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ method: 'face_to_face' | 'phone' | 'letter' | 'visit'; on: Dayjs; summary: string }>();
  const cmd = useItemCommand(item.id, (body: { method: 'face_to_face' | 'phone' | 'letter' | 'visit'; on: string; summary: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/contacts', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <Modal
      open
      title="记录与代表委员的沟通"
      okText="保存"
      cancelText="取消"
      confirmLoading={cmd.isPending}
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then((v) => cmd.mutateAsync({ ...v, on: v.on.format('YYYY-MM-DD') }))
          .then(onClose, () => undefined)
      }
    >
      <ErrorAlert error={cmd.error} fieldLabels={{ method: '沟通方式', on: '沟通日期', summary: '沟通情况' }} />
      <Form form={form} layout="vertical" initialValues={{ method: 'face_to_face', on: dayjs() }}>
        <Form.Item label="沟通方式" name="method" rules={[{ required: true }]}>
          <Radio.Group options={options(CONTACT_METHOD)} />
        </Form.Item>
        <Form.Item label="沟通日期" name="on" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format="YYYY年M月D日" />
        </Form.Item>
        <Form.Item label="沟通情况" name="summary" rules={[{ required: true, message: '请填写沟通情况' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DraftDialog({ item, unitId, onClose, previous }: { item: Detail; unitId: string; onClose: () => void; previous?: Reply }) {
  const [form] = Form.useForm<{ category: 'A' | 'B' | 'C' | 'D'; body: string; cc?: string[] }>();
  const cmd = useItemCommand(item.id, (body: { unitId: string; category: 'A' | 'B' | 'C' | 'D'; body: string; cc?: string[] }, header) =>
    call(api.POST('/api/proposals/{id}/replies', { params: { path: { id: item.id }, header }, body })),
  );
  return (
    <Modal
      open
      width={720}
      title={previous ? '重新起草答复' : '起草答复'}
      okText="提交审查"
      cancelText="取消"
      confirmLoading={cmd.isPending}
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then((v) => cmd.mutateAsync({ unitId, category: v.category, body: v.body, ...(v.cc?.length ? { cc: v.cc } : {}) }))
          .then(onClose, () => undefined)
      }
    >
      <ErrorAlert error={cmd.error} fieldLabels={{ category: '答复类别', body: '答复正文', cc: '抄送' }} />
      <Form form={form} layout="vertical" initialValues={{ category: previous?.category, body: previous?.body, cc: previous?.cc }}>
        <Form.Item label="答复类别" name="category" rules={[{ required: true, message: '请选择答复类别' }]}>
          <Select options={options(CATEGORY)} />
        </Form.Item>
        <Form.Item label="答复正文" name="body" rules={[{ required: true, message: '请填写答复正文' }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item label="抄送" name="cc" extra="不填则按第十条抄送分管副市长、人大选任联工委或政协提案委、建议提案处">
          <Select mode="tags" placeholder="输入后回车" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公开方式 (Art. 20): full text (names and contacts hidden), a summary, or withheld with a public reason. */
export function DisclosureDialog({ item, reply, onClose }: { item: Detail; reply: Reply; onClose: () => void }) {
  const [form] = Form.useForm<{ mode: 'full' | 'summary' | 'withheld'; summary?: string; reason?: string }>();
  const mode = Form.useWatch('mode', form);
  const cmd = useItemCommand(item.id, (body: { mode: 'full' | 'summary' | 'withheld'; summary?: string; reason?: string }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/disclosure', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <Modal open title="选择公开方式" okText="确定" cancelText="取消" confirmLoading={cmd.isPending} onCancel={onClose} onOk={() => form.validateFields().then((v) => cmd.mutateAsync(v)).then(onClose, () => undefined)}>
      <ErrorAlert error={cmd.error} fieldLabels={{ mode: '公开方式', summary: '公开摘要', reason: '不予公开的理由' }} />
      <Form form={form} layout="vertical" initialValues={{ mode: 'full' }}>
        <Form.Item label="公开方式" name="mode" rules={[{ required: true }]} extra="全文公开时隐去代表委员姓名、联系方式和抄送范围">
          <Radio.Group options={options(DISCLOSURE)} />
        </Form.Item>
        {mode === 'summary' && (
          <Form.Item label="公开摘要" name="summary" rules={[{ required: true, message: '请填写公开的摘要' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {mode === 'withheld' && (
          <Form.Item label="不予公开的理由" name="reason" rules={[{ required: true, message: '请说明不予公开的理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
