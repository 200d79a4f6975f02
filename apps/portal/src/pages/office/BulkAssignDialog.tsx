import { Alert, Form, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, idempotencyKey, type ListItem } from '../../api/client';
import { invalidateItem } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Mode } from './assignment';
import { bulkAssignmentBody, validateBulk, type BulkErrors } from './bulk-assignment';
import { AssignmentFields } from './AssignmentFields';

interface FormValues {
  mode?: Mode;
  leadUnitIds?: string[];
  coUnitIds?: string[];
  assignedOn?: Dayjs;
  leaderInCharge?: string;
  division?: string;
}

const FIELD_LABELS = { assignedOn: '接办之日', items: '所选的件', mode: '办理方式', leadUnitIds: '承办单位', coUnitIds: '会办单位' };

type Result = { proposalId: string; status: number; number?: string; code?: string; message?: string };

/**
 * 批量交办: the same units and 接办之日 for every selected row; then a result per item (one refused
 * item does not stop the others).
 */
export function BulkAssignDialog({ items, onClose }: { items: ListItem[]; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) ?? {};
  const [errors, setErrors] = useState<BulkErrors>({});
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (body: ReturnType<typeof bulkAssignmentBody>) =>
      call(api.POST('/api/proposals/assignments', { params: { header: { 'Idempotency-Key': idempotencyKey() } }, body })),
    onSuccess: () => invalidateItem(qc),
  });
  const results: Result[] | undefined = run.data?.results;

  const submit = async () => {
    const v = form.getFieldsValue();
    const plain = { ...v, assignedOn: v.assignedOn?.format('YYYY-MM-DD') };
    const e = validateBulk(items, plain);
    setErrors(e);
    if (Object.keys(e).length) return;
    await run.mutateAsync(bulkAssignmentBody(items, { ...plain, mode: plain.mode!, assignedOn: plain.assignedOn! }));
  };
  const status = (k: keyof BulkErrors) => (errors[k] ? { validateStatus: 'error' as const, help: errors[k] } : {});
  const byId = new Map(items.map((i) => [i.id, i]));

  return (
    <Modal
      title={`批量交办（${items.length} 件）`}
      open
      onCancel={() => onClose(!!results)}
      onOk={() => (results ? onClose(true) : void submit().catch(() => undefined))}
      okText={results ? '完成' : '确认交办'}
      cancelText="关闭"
      confirmLoading={run.isPending}
      width={820}
      destroyOnHidden
    >
      {results ? (
        <>
          <Alert
            type={run.data!.assigned === results.length ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`已交办 ${run.data!.assigned} 件，未交办 ${results.length - run.data!.assigned} 件`}
          />
          <Table<Result>
            data-testid="bulk-results"
            rowKey="proposalId"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={results}
            columns={[
              { title: '编号', width: 140, render: (_, r) => r.number ?? byId.get(r.proposalId)?.number ?? '—' },
              { title: '标题', ellipsis: true, render: (_, r) => byId.get(r.proposalId)?.title ?? '—' },
              {
                title: '结果',
                width: 300,
                render: (_, r) =>
                  r.status === 200 ? (
                    <Tag color="green">已交办</Tag>
                  ) : (
                    <Space size={4}>
                      <Tag color="red">未交办</Tag>
                      <Typography.Text type="danger">{r.message ?? '交办未成功'}</Typography.Text>
                    </Space>
                  ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <ErrorAlert error={run.error} fieldLabels={FIELD_LABELS} />
          {errors.items && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.items} />}
          <Form form={form} layout="vertical" initialValues={{ mode: 'single', assignedOn: dayjs() }}>
            <AssignmentFields values={values} status={status} assignedOnLabel="接办之日（交办会日期）" />
          </Form>
          <Typography.Paragraph type="secondary">
            所选各件：{items.map((i) => i.number).join('、')}。各件按同一接办之日起算期限，某件不能交办不影响其余各件。
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
