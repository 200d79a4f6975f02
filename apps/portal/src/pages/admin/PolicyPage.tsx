import { App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { formFieldOf, policyChanges, policyFields, policyValueProblem, POLICY_LABELS, type PolicyField } from './policy-form';

const HELP: Record<string, string> = {
  period: '写法：P15D＝15日，P3M＝3个月，P10WD＝10个工作日',
  periods: '可填多项，每项以日计，如 P30D、P7D；清空表示不提醒',
};

function FieldInput({ field, name }: { field: PolicyField; name: (string | number)[] }) {
  const rule = { validator: (_: unknown, v: unknown) => { const p = policyValueProblem(field, v); return p ? Promise.reject(new Error(p)) : Promise.resolve(); } };
  switch (field.kind) {
    case 'periods':
      return (
        <Form.Item label={field.label} name={name} rules={[rule]} extra={HELP.periods}>
          <Select mode="tags" style={{ width: 320 }} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item label={field.label} name={name} rules={[rule]}>
          <InputNumber style={{ width: 140 }} />
        </Form.Item>
      );
    case 'period':
      return (
        <Form.Item label={field.label} name={name} rules={[rule]} extra={HELP.period}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item label={field.label} name={name}>
          <Input style={{ width: 320 }} />
        </Form.Item>
      );
  }
}

/** 办理政策: every field of the current version, editable; publishing makes a new version. */
export default function PolicyPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [nothing, setNothing] = useState(false);
  const policy = useQuery({ queryKey: ['admin-policy'], queryFn: () => call(api.GET('/api/admin/policy')) });
  const current = policy.data as unknown as Record<string, unknown> | undefined;
  const fields = current ? policyFields(current) : [];
  const publish = useMutation({
    mutationFn: (body: Record<string, unknown>) => call(api.PUT('/api/admin/policy', { body: body as never })),
    onSuccess: (p) => {
      qc.setQueryData(['admin-policy'], p);
      form.setFieldsValue(p);
      void message.success(`已发布办理政策第 ${p.version} 版`);
    },
    onError: (e) => {
      // Each field the API names gets its message under the input.
      if (e instanceof ApiError) form.setFields(e.fields.map((f) => ({ name: formFieldOf(f.field, fields), errors: f.errors })));
    },
  });

  if (!current) return <Card title="办理政策">{policy.error ? <ErrorAlert error={policy.error} /> : <Spin />}</Card>;

  return (
    <Card title="办理政策（期限与催办）">
      <Descriptions
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'v', label: '当前版本', children: `第 ${current.version as number} 版` },
          { key: 't', label: '发布时间', children: current.createdAt ? formatDateTime(current.createdAt as string) : '内置默认值' },
        ]}
      />
      <Typography.Paragraph type="secondary">新版本只适用于此后登记的件；在办件继续按其登记时的版本计算期限。</Typography.Paragraph>
      <ErrorAlert error={publish.error} fieldLabels={POLICY_LABELS} />
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '220px' }}
        initialValues={current}
        onValuesChange={() => setNothing(false)}
        onFinish={(values: Record<string, unknown>) => {
          const changes = policyChanges(current, values);
          if (!Object.keys(changes).length) return setNothing(true);
          publish.mutate(changes);
        }}
      >
        {fields.map((f) =>
          f.kind === 'group' ? (
            <Form.Item key={f.name} label={f.label}>
              <Space wrap>
                {f.members!.map((m) => (
                  <FieldInput key={m.name} field={m} name={[f.name, m.name]} />
                ))}
              </Space>
            </Form.Item>
          ) : (
            <FieldInput key={f.name} field={f} name={[f.name]} />
          ),
        )}
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              发布新版本
            </Button>
            <Button onClick={() => form.resetFields()}>恢复当前值</Button>
            {nothing && <Typography.Text type="secondary">没有修改任何一项</Typography.Text>}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
