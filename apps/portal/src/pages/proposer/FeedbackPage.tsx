import { App, Button, Card, Checkbox, Form, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call, idempotencyKey } from '../../api/client';
import { useFeedbackForm } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, FEEDBACK_CONTACT, SATISFACTION, T, label, options } from '../../glossary';
import { formatDate } from '../../format';

type Values = {
  attitude: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  result: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  contact: 'face_to_face' | 'phone' | 'letter' | 'visit' | 'none';
  comments?: string;
  sendBack?: boolean;
};

/** 征求意见表 (Art. 14): opened from the proposer's notice; the link itself is the proposer's proof. */
export default function FeedbackPage() {
  const { token } = useParams();
  const form = useFeedbackForm(token);
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.POST('/api/feedback/{token}', {
          params: { path: { token: token! }, header: { 'Idempotency-Key': idempotencyKey() } as never },
          body: { ...v, sendBack: !!v.sendBack },
        }),
      );
      message.success('征求意见表已提交');
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Link to="/">
      <Button>{T.backHome}</Button>
    </Link>
  );
  return (
    <div style={{ maxWidth: 860, margin: '24px auto', padding: '0 16px' }}>
      <Card title="征求意见表">
        {form.isLoading && <Spin description={T.loading} />}
        {form.error ? <ErrorAlert error={form.error} /> : null}
        {form.data && (
          <>
            <Typography.Title level={4}>
              {form.data.proposal.number} {form.data.proposal.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              第 {form.data.reply.round} 次答复 · {label(CATEGORY, form.data.reply.category)} · 函复于 {formatDate(form.data.reply.sentAt)}
              {form.data.feedbackDueAt ? ` · 请于 ${formatDate(form.data.feedbackDueAt)} 前反馈` : ''}
            </Typography.Paragraph>
            <Card size="small" title="答复内容" style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{form.data.reply.body}</Typography.Paragraph>
            </Card>
            {done || form.data.answered ? (
              <Result status="success" title="感谢您的反馈" subTitle="您的意见已送达承办单位和建议提案处。" extra={back} />
            ) : !form.data.open ? (
              <Result status="info" title="此征求意见表已关闭" extra={back} />
            ) : (
              <>
                <ErrorAlert error={error} fieldLabels={{ attitude: '对办理态度', result: '对办理结果', contact: '沟通方式', comments: '意见和建议' }} />
                <Form<Values> layout="vertical" onFinish={submit}>
                  <Form.Item label="对办理态度" name="attitude" rules={[{ required: true, message: '请选择对办理态度的评价' }]}>
                    <Radio.Group options={options(SATISFACTION)} />
                  </Form.Item>
                  <Form.Item label="对办理结果" name="result" rules={[{ required: true, message: '请选择对办理结果的评价' }]}>
                    <Radio.Group options={options(SATISFACTION)} />
                  </Form.Item>
                  <Form.Item label="承办单位与您沟通的方式" name="contact" rules={[{ required: true, message: '请选择沟通方式' }]}>
                    <Radio.Group options={options(FEEDBACK_CONTACT)} />
                  </Form.Item>
                  <Form.Item label="意见和建议" name="comments">
                    <Input.TextArea rows={4} />
                  </Form.Item>
                  <Form.Item name="sendBack" valuePropName="checked">
                    <Checkbox>不满意，退回重新办理</Checkbox>
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    提交征求意见表
                  </Button>
                </Form>
              </>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
