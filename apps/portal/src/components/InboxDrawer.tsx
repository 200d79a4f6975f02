import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, call, type InboxItem, type Schemas } from '../api/client';
import { keys } from '../api/queries';
import { T } from '../glossary';
import { formatDateTime } from '../format';

/** 站内信: the user's notices; opening one marks it read and goes to the item (or the feedback form). */
export function InboxDrawer({ open, onClose, page }: { open: boolean; onClose: () => void; page?: Schemas['InboxPageDto'] }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.inbox });

  const openNotice = async (n: InboxItem) => {
    if (!n.readAt) await call(api.POST('/api/me/inbox/{id}/read', { params: { path: { id: n.id } } })).catch(() => undefined);
    void refresh();
    onClose();
    // The reply's notice to its proposer carries the feedback form (征求意见表).
    if (n.feedbackToken) navigate(`/feedback/${n.feedbackToken}`);
    else if (n.proposalId) navigate(`/items/${n.proposalId}`);
  };

  return (
    <Drawer
      title={T.inbox}
      open={open}
      onClose={onClose}
      size={420}
      extra={
        <Button
          size="small"
          onClick={async () => {
            await call(api.POST('/api/me/inbox/read-all')).catch(() => undefined);
            void refresh();
          }}
        >
          {T.markAllRead}
        </Button>
      }
    >
      {!page?.items.length ? (
        <Empty description={T.noNotices} />
      ) : (
        <List
          dataSource={page.items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void openNotice(n)} data-testid="notice">
              <List.Item.Meta
                title={
                  <span>
                    {!n.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                    {n.title}
                  </span>
                }
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
