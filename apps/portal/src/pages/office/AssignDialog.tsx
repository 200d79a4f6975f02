import { Alert, Descriptions, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useDeadlinePreview, useItemCommand, useUnitNames } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UNIT_ROLE } from '../../glossary';
import { formatDate } from '../../format';
import { AssignmentFields } from './AssignmentFields';
import { assignmentBody, validateAssignment, type AssignmentErrors, type Mode } from './assignment';

interface FormValues {
  mode?: Mode;
  leadUnitIds?: string[];
  coUnitIds?: string[];
  assignedOn?: Dayjs;
  leaderInCharge?: string;
  division?: string;
}

const FIELD_LABELS = { mode: '办理方式', leadUnitIds: '承办单位', coUnitIds: '会办单位', assignedOn: '接办之日', leaderInCharge: '分管市领导' };

type PreviewDeadline = { lastDay: string | null; explanation: string; provisional: boolean };

function previewItem(key: string, title: string, d: PreviewDeadline) {
  return {
    key,
    label: title,
    children: (
      <>
        <Typography.Text strong>{formatDate(d.lastDay)}</Typography.Text>
        {d.provisional && <Typography.Text type="warning">（暂按普通周计算）</Typography.Text>}
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="deadline-explanation">
          {d.explanation}
        </Typography.Paragraph>
      </>
    ),
  };
}

/**
 * 交办: mode, units from the directory, the leader in charge, and — before confirming — each unit's
 * return window and reply deadline with how each date was computed (holidays and 调休 skipped).
 */
export function AssignDialog({ itemId, urgent, open, onClose }: { itemId: string; urgent: boolean; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [errors, setErrors] = useState<AssignmentErrors>({});
  const values = Form.useWatch([], form) ?? {};
  const assignedOn = values.assignedOn ? values.assignedOn.format('YYYY-MM-DD') : undefined;
  const preview = useDeadlinePreview(assignedOn, urgent);
  const unitName = useUnitNames();
  const assign = useItemCommand(itemId, (body: ReturnType<typeof assignmentBody>, header) =>
    call(api.POST('/api/proposals/{id}/assignment', { params: { path: { id: itemId }, header }, body })),
  );

  const units = [
    ...(values.leadUnitIds ?? []).map((u) => ({ unitId: u, role: values.mode === 'separate' ? 'separate' : 'lead' })),
    ...(values.mode === 'lead' ? (values.coUnitIds ?? []).map((u) => ({ unitId: u, role: 'co' })) : []),
  ];

  const submit = async () => {
    const v = form.getFieldsValue();
    const plain = { ...v, assignedOn: v.assignedOn?.format('YYYY-MM-DD') };
    const e = validateAssignment(plain);
    setErrors(e);
    if (Object.keys(e).length) return;
    await assign.mutateAsync(assignmentBody({ ...plain, mode: plain.mode!, assignedOn: plain.assignedOn! }));
    onClose();
  };

  const status = (k: keyof AssignmentErrors) => (errors[k] ? { validateStatus: 'error' as const, help: errors[k] } : {});

  return (
    <Modal
      title="交办"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="确认交办"
      cancelText="取消"
      confirmLoading={assign.isPending}
      width={760}
      destroyOnHidden
    >
      <ErrorAlert error={assign.error} fieldLabels={FIELD_LABELS} />
      <Form form={form} layout="vertical" initialValues={{ mode: 'single', assignedOn: dayjs() }}>
        <AssignmentFields values={values} status={status} assignedOnLabel="接办之日" />
      </Form>
      <Typography.Title level={5}>期限预览</Typography.Title>
      {preview.error ? (
        <ErrorAlert error={preview.error} />
      ) : !preview.data ? (
        <Alert type="info" title="选择接办之日后显示各单位的期限" />
      ) : (
        <div data-testid="deadline-preview">
          <Typography.Paragraph>
            {units.length
              ? `承办单位：${units.map((u) => `${unitName(u.unitId)}（${UNIT_ROLE[u.role as keyof typeof UNIT_ROLE]}）`).join('、')}。各单位自接办之日次日起算，期限相同：`
              : '各单位自接办之日次日起算：'}
          </Typography.Paragraph>
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
            items={[
              previewItem('return', '退转期限', preview.data.returnWindow),
              previewItem('reply', urgent ? '答复期限（急需办理）' : '答复期限', preview.data.replyDue),
              ...(values.mode === 'lead' ? [previewItem('opinion', '会办意见期限', preview.data.opinionDue)] : []),
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
