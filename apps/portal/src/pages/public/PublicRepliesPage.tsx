import { Button, Card, Form, Input, InputNumber, Layout, List, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { usePublicReplies, usePublicUnits, type PublicQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, DISCLOSURE, KIND, T, label, options } from '../../glossary';
import { formatDate } from '../../format';

/** 办理结果公开 (Art. 20): no login, only what the units chose to disclose, nothing personal. */
export default function PublicRepliesPage() {
  const [params, setParams] = useSearchParams();
  const q: PublicQuery = {
    page: Number(params.get('page') ?? 1),
    pageSize: 10,
    ...(params.get('year') ? { year: Number(params.get('year')) } : {}),
    ...(params.get('kind') ? { kind: params.get('kind') as PublicQuery['kind'] } : {}),
    ...(params.get('unitId') ? { unitId: params.get('unitId')! } : {}),
    ...(params.get('category') ? { category: params.get('category') as PublicQuery['category'] } : {}),
    ...(params.get('topic') ? { topic: params.get('topic')! } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
  };
  const list = usePublicReplies(q);
  const units = usePublicUnits();
  return (
    <PublicShell>
        <Card>
          <Form
            layout="inline"
            initialValues={Object.fromEntries(params)}
            onFinish={(v: Record<string, unknown>) => setParams(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '').map(([k, x]) => [k, String(x)])))}
            style={{ marginBottom: 16, rowGap: 8 }}
          >
            <Form.Item label="年份" name="year">
              <InputNumber min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item label="类别" name="kind">
              <Select allowClear style={{ width: 150 }} options={options(KIND)} />
            </Form.Item>
            <Form.Item label="答复单位" name="unitId">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 180 }}
                loading={units.isLoading}
                options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
              />
            </Form.Item>
            <Form.Item label="答复类别" name="category">
              <Select allowClear style={{ width: 220 }} options={options(CATEGORY)} />
            </Form.Item>
            <Form.Item label="主题" name="topic">
              <Input allowClear style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label="关键词" name="q">
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {T.search}
            </Button>
          </Form>
          <ErrorAlert error={list.error} />
          <List
            loading={list.isFetching}
            locale={{ emptyText: '暂无公开的办理结果' }}
            dataSource={list.data?.items ?? []}
            pagination={{
              current: q.page,
              pageSize: 10,
              total: list.data?.total ?? 0,
              onChange: (page) => setParams({ ...Object.fromEntries(params), page: String(page) }),
            }}
            renderItem={(r) => (
              <List.Item key={r.replyId} data-testid="public-reply">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Link to={`/public/replies/${r.replyId}`}>
                      <Typography.Text strong>
                        {r.proposalNumber} {r.title}
                      </Typography.Text>
                    </Link>
                    <Tag>{label(KIND, r.kind)}</Tag>
                    <Tag color="blue">{label(DISCLOSURE, r.mode)}</Tag>
                  </Space>
                  <Typography.Text type="secondary">
                    答复单位：{r.unitName} · {label(CATEGORY, r.category)} · 公开于 {formatDate(r.publishedAt)}
                  </Typography.Text>
                  {r.mode === 'withheld' ? (
                    <Typography.Paragraph>不予公开，理由：{r.reason}</Typography.Paragraph>
                  ) : (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true, symbol: '展开' }}>
                      {r.text}
                    </Typography.Paragraph>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
    </PublicShell>
  );
}

/** The public site's frame: its title and the staff login link, nothing else. */
export function PublicShell({ children }: { children: React.ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 16 }}>
        <Link to="/public">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
            建议提案办理结果公开
          </Typography.Title>
        </Link>
        <Link to="/login" style={{ color: '#fff' }}>
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, margin: '0 auto', width: '100%' }}>{children}</Layout.Content>
    </Layout>
  );
}
