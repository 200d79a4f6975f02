/** 会办意见 · 请示（第五条） · 月度办理进度 · 延期说明（第十九条）: the unit handler's forms on an item. */
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call, type Detail } from '../../api/client';
import { useItemCommand } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { shanghaiDay } from '../../format';
import {
  ruleOf,
  validateCoOpinion,
  validateExplanation,
  validateInstructions,
  validateInstructionsAnswer,
  validateProgressReport,
  type Problems,
} from './handling-forms';

interface DialogProps {
  item: Detail;
  unitId: string;
  onClose: () => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const month = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM') : null);
const today = () => shanghaiDay(new Date());

/** One modal form: antd rules from a whole-form check, the API's error above the fields. */
function CommandModal<Raw extends object>(props: {
  title: string;
  okText?: string;
  form: ReturnType<typeof Form.useForm<Raw>>[0];
  pending: boolean;
  error: unknown;
  fieldLabels: Record<string, string>;
  onClose: () => void;
  submit: (values: Raw) => Promise<unknown>;
  initialValues?: Partial<Raw>;
  children: React.ReactNode;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? '提交'}
      cancelText="取消"
      confirmLoading={props.pending}
      onCancel={props.onClose}
      onOk={() =>
        props.form
          .validateFields()
          .then((v) => props.submit(v))
          .then(props.onClose, () => undefined)
      }
    >
      <ErrorAlert error={props.error} fieldLabels={props.fieldLabels} />
      <Form form={props.form} layout="vertical" initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}

type ProgressRaw = { month: Dayjs | null; progress: string };
const progressCheck = (v: ProgressRaw): Problems => validateProgressReport({ month: month(v.month), progress: v.progress });

/** 督办台账: this month's progress (会办单位每月 22 日前, 主办单位 25 日前). */
export function ProgressReportDialog({ item, unitId, onClose }: DialogProps) {
  const [form] = Form.useForm<ProgressRaw>();
  const next = item.assignments.find((a) => a.unitId === unitId)?.nextProgressReport;
  const cmd = useItemCommand(item.id, (body: { month: string; progress: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/progress-reports', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <CommandModal<ProgressRaw>
      title="报送月度办理进度"
      form={form}
      pending={cmd.isPending}
      error={cmd.error}
      fieldLabels={{ month: '报送月份', progress: '办理进展' }}
      onClose={onClose}
      initialValues={{ month: next ? dayjs(`${next.month}-01`) : dayjs() }}
      submit={(v) => cmd.mutateAsync({ month: month(v.month)!, progress: v.progress })}
    >
      <Form.Item label="报送月份" name="month" required rules={[ruleOf(progressCheck, 'month')]}>
        <DatePicker picker="month" format="YYYY年M月" />
      </Form.Item>
      <Form.Item label="办理进展" name="progress" required rules={[ruleOf(progressCheck, 'progress')]}>
        <Input.TextArea rows={5} />
      </Form.Item>
    </CommandModal>
  );
}

type ExplanationRaw = { reasons: string; measures: string; expectedOn: Dayjs | null };
const explanationCheck = (v: ExplanationRaw): Problems => validateExplanation({ ...v, expectedOn: day(v.expectedOn) }, today());

/** 延期说明 (Art. 19): before the reply deadline, so the delay counts as explained. */
export function ExplanationDialog({ item, unitId, onClose }: DialogProps) {
  const [form] = Form.useForm<ExplanationRaw>();
  const cmd = useItemCommand(item.id, (body: { reasons: string; measures: string; expectedOn: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/explanation', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <CommandModal<ExplanationRaw>
      title="提交延期说明"
      form={form}
      pending={cmd.isPending}
      error={cmd.error}
      fieldLabels={{ reasons: '办理中遇到的困难', measures: '已采取的措施', expectedOn: '预计办结日期' }}
      onClose={onClose}
      submit={(v) => cmd.mutateAsync({ reasons: v.reasons, measures: v.measures, expectedOn: day(v.expectedOn)! })}
    >
      <Form.Item label="办理中遇到的困难" name="reasons" required rules={[ruleOf(explanationCheck, 'reasons')]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label="已采取的措施" name="measures" required rules={[ruleOf(explanationCheck, 'measures')]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label="预计办结日期" name="expectedOn" required rules={[ruleOf(explanationCheck, 'expectedOn')]}>
        <DatePicker format="YYYY年M月D日" />
      </Form.Item>
    </CommandModal>
  );
}

type InstructionsRaw = { authority: string; matter: string };

/** 请示 (Art. 5): a matter within a higher authority's power; no reply until it answers. */
export function InstructionsDialog({ item, unitId, onClose }: DialogProps) {
  const [form] = Form.useForm<InstructionsRaw>();
  const cmd = useItemCommand(item.id, (body: InstructionsRaw, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/instructions', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <CommandModal<InstructionsRaw>
      title="登记请示（第五条）"
      form={form}
      pending={cmd.isPending}
      error={cmd.error}
      fieldLabels={{ authority: '请示的上级政府或部门', matter: '请示事项' }}
      onClose={onClose}
      submit={(v) => cmd.mutateAsync(v)}
    >
      <Form.Item label="请示的上级政府或部门" name="authority" required rules={[ruleOf(validateInstructions, 'authority')]}>
        <Input />
      </Form.Item>
      <Form.Item label="请示事项" name="matter" required rules={[ruleOf(validateInstructions, 'matter')]} extra="请示未得到答复前，本单位不能起草或发出答复">
        <Input.TextArea rows={4} />
      </Form.Item>
    </CommandModal>
  );
}

type AnswerRaw = { answer: string; on: Dayjs | null };
const answerCheck = (v: AnswerRaw): Problems => validateInstructionsAnswer({ answer: v.answer, on: day(v.on) }, today());

/** The higher authority's answer (批复) to a 请示. */
export function InstructionsAnswerDialog({ item, unitId, requestId, onClose }: DialogProps & { requestId: string }) {
  const [form] = Form.useForm<AnswerRaw>();
  const cmd = useItemCommand(item.id, (body: { answer: string; on: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/instructions/{requestId}/answer', { params: { path: { id: item.id, unitId, requestId }, header }, body })),
  );
  return (
    <CommandModal<AnswerRaw>
      title="记录上级答复"
      form={form}
      pending={cmd.isPending}
      error={cmd.error}
      fieldLabels={{ answer: '上级答复意见', on: '收到答复日期' }}
      onClose={onClose}
      initialValues={{ on: dayjs() }}
      submit={(v) => cmd.mutateAsync({ answer: v.answer, on: day(v.on)! })}
    >
      <Form.Item label="上级答复意见" name="answer" required rules={[ruleOf(answerCheck, 'answer')]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item label="收到答复日期" name="on" required rules={[ruleOf(answerCheck, 'on')]}>
        <DatePicker format="YYYY年M月D日" />
      </Form.Item>
    </CommandModal>
  );
}

/** 会办意见: the co-unit's opinion to the lead unit. */
export function CoOpinionDialog({ item, unitId, onClose }: DialogProps) {
  const [form] = Form.useForm<{ opinion: string }>();
  const cmd = useItemCommand(item.id, (body: { opinion: string }, header) =>
    call(api.POST('/api/proposals/{id}/units/{unitId}/co-opinion', { params: { path: { id: item.id, unitId }, header }, body })),
  );
  return (
    <CommandModal<{ opinion: string }>
      title="提交会办意见"
      form={form}
      pending={cmd.isPending}
      error={cmd.error}
      fieldLabels={{ opinion: '会办意见' }}
      onClose={onClose}
      submit={(v) => cmd.mutateAsync(v)}
    >
      <Form.Item label="会办意见" name="opinion" required rules={[ruleOf(validateCoOpinion, 'opinion')]} extra="送主办单位，作为其答复的参考">
        <Input.TextArea rows={5} />
      </Form.Item>
    </CommandModal>
  );
}
