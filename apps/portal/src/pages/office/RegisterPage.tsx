import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call, idempotencyKey, type Schemas } from '../../api/client';
import { invalidateItem } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KIND, LEVEL, PERIOD, options } from '../../glossary';

export const REGISTER_FIELDS: Record<string, string> = {
  kind: '类别',
  level: '级别',
  sessionYear: '届次年份',
  period: '提出时间',
  title: '标题',
  content: '正文',
  topic: '主题',
  proposers: '提出人',
};

type Values = Schemas['RegisterProposalDto'] & { flags?: ('key' | 'major' | 'urgent')[] };

export default function RegisterPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ flags = [], ...v }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body: Schemas['RegisterProposalDto'] = {
        ...v,
        proposers: v.proposers.map((p) => Object.fromEntries(Object.entries(p).filter(([, x]) => x !== undefined && x !== '')) as Schemas['ProposerDto']),
        key: flags.includes('key'),
        major: flags.includes('major'),
        urgent: flags.includes('urgent'),
      };
      const item = await call(api.POST('/api/proposals', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } }));
      invalidateItem(qc);
      message.success(`已登记，编号 ${item.number}`);
      navigate(`/items/${item.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="登记建议提案">
      <ErrorAlert error={error} fieldLabels={REGISTER_FIELDS} />
      <Form<Values>
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'npc_suggestion', level: 'municipal', period: 'plenary', sessionYear: new Date().getFullYear(), proposers: [{}] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
              <Select options={options(KIND)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="级别" name="level" rules={[{ required: true }]}>
              <Select options={options(LEVEL)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="届次年份" name="sessionYear" rules={[{ required: true, message: '请填写届次年份' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="提出时间" name="period" rules={[{ required: true }]}>
              <Select options={options(PERIOD)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="正文" name="content" rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="主题" name="topic">
              <Input placeholder="如：城乡建设" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="标记" name="flags">
              <Checkbox.Group
                options={[
                  { value: 'key', label: '重点' },
                  { value: 'major', label: '重大事项（须分管领导阅批后交办）' },
                  { value: 'urgent', label: '急需办理' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="proposers">
          {(fields, { add, remove }) => (
            <Card size="small" title="提出人（联名可添加多人）" style={{ marginBottom: 16 }}>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item label="姓名" name={[f.name, 'name']} rules={[{ required: true, message: '请填写提出人姓名' }]}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item label="代表团 / 界别" name={[f.name, 'delegation']}>
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item label="联系电话" name={[f.name, 'phone']}>
                    <Input style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item label="账号" name={[f.name, 'username']}>
                    <Input style={{ width: 130 }} placeholder="如 deputy-1" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button aria-label={`删除第 ${i + 1} 位提出人`} type="text" icon={<MinusCircleOutlined />} style={{ marginTop: 30 }} onClick={() => remove(f.name)} />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加联名提出人
              </Button>
            </Card>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记
        </Button>
      </Form>
    </Card>
  );
}
