import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, call, type Detail, type Me, type Reply } from '../../api/client';
import { useItemCommand } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';

/** May `me` review `reply` at its current stage? (the API decides; this only hides buttons that would be refused) */
export function canReview(me: Me, item: Detail, reply: Reply): boolean {
  if (reply.status !== 'in_review' || !reply.currentStage) return false;
  switch (reply.currentStage) {
    case 'unit_leader':
      return me.role === 'unit_leader' && me.unitId === reply.unitId;
    case 'office':
      return me.role === 'office';
    case 'vice_mayor':
      return me.role === 'vice_mayor' && (!item.assignment?.leaderInCharge || item.assignment.leaderInCharge === me.username);
    default:
      return false;
  }
}

/** 通过 / 退回修改（须写明意见） */
export function ReviewButtons({ item, reply, approveText = '审查通过' }: { item: Detail; reply: Reply; approveText?: string }) {
  const { message } = App.useApp();
  const [back, setBack] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const review = useItemCommand(item.id, (body: { approve: boolean; comment?: string }, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/review', { params: { path: { id: item.id, replyId: reply.id }, header }, body })),
  );
  return (
    <Space>
      <Button
        type="primary"
        loading={review.isPending && !back}
        onClick={() => review.mutateAsync({ approve: true }).then(() => message.success('已通过'), (e) => message.error((e as Error).message))}
      >
        {approveText}
      </Button>
      <Button danger onClick={() => setBack(true)}>
        退回修改
      </Button>
      <Modal
        open={back}
        title="退回修改"
        okText="退回"
        cancelText="取消"
        confirmLoading={review.isPending}
        onCancel={() => setBack(false)}
        onOk={() =>
          form
            .validateFields()
            .then((v) => review.mutateAsync({ approve: false, comment: v.comment }))
            .then(() => setBack(false), () => undefined)
        }
      >
        <ErrorAlert error={review.error} fieldLabels={{ comment: '审查意见' }} />
        <Form form={form} layout="vertical">
          <Form.Item label="审查意见" name="comment" rules={[{ required: true, message: '退回须写明意见' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
