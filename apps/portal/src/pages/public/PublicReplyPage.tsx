import { Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { usePublicReply } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CATEGORY, DISCLOSURE, KIND, T, label } from '../../glossary';
import { formatDate } from '../../format';
import { PublicShell } from './PublicRepliesPage';

/** One disclosed reply (Art. 20): the redacted letter, the summary, or the reason it is withheld. */
export default function PublicReplyPage() {
  const { replyId } = useParams();
  const q = usePublicReply(replyId);
  const r = q.data;
  return (
    <PublicShell>
      {q.isLoading && <Spin description={T.loading} style={{ display: 'block', marginTop: 80 }} />}
      {q.error instanceof ApiError && q.error.status === 404 ? (
        <Result status="404" title="未找到该办理复文" subTitle={q.error.message} extra={<Link to="/public">返回公开列表</Link>} />
      ) : (
        <ErrorAlert error={q.error} />
      )}
      {r && (
        <Card
          title={
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
              {r.title}
            </Typography.Title>
          }
          extra={<Link to="/public">返回列表</Link>}
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'number', label: '编号', children: r.proposalNumber },
              { key: 'kind', label: '类别', children: label(KIND, r.kind) },
              { key: 'unit', label: '答复单位', children: <span data-testid="public-unit">{r.unitName}</span> },
              { key: 'category', label: '答复类别', children: label(CATEGORY, r.category) },
              { key: 'topic', label: '主题', children: r.topic || '—' },
              { key: 'published', label: '公开日期', children: formatDate(r.publishedAt) },
              { key: 'mode', label: '公开方式', children: <Tag color="blue">{label(DISCLOSURE, r.mode)}</Tag> },
            ]}
          />
          {r.mode === 'withheld' ? (
            <Typography.Paragraph style={{ marginTop: 16 }}>不予公开，理由：{r.reason}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph data-testid="public-text" style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>
              {r.text}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </PublicShell>
  );
}
