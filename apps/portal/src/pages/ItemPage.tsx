import { App, Button, Card, Descriptions, Empty, List, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError, call, type Detail, type Reply, type UnitAssignment } from '../api/client';
import { useEvents, useItem, useItemCommand, useLeaderName } from '../api/queries';
import { useCurrentUser } from '../components/AppLayout';
import { DeadlineTag } from '../components/DeadlineTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { EventTimeline } from '../components/EventTimeline';
import { Forbidden, NotFound } from '../components/Forbidden';
import { CATEGORY, CONTACT_METHOD, DISCLOSURE, ITEM_STATUS, KIND, LEVEL, REPLY_STATUS, REVIEW_STAGE, SATISFACTION, T, UNIT_ROLE, UNIT_STATUS, label } from '../glossary';
import { formatDate, formatDateTime, formatMonth } from '../format';
import { canReview, ReviewButtons } from './leader/ReviewButtons';
import { AssignDialog } from './office/AssignDialog';
import { DisclosureDialog, DraftDialog, UnitActions } from './unit/UnitActions';

type Review = { stage: string; approve: boolean; comment?: string; at?: string };

function ReplyCard({ item, reply }: { item: Detail; reply: Reply }) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'redraft' | 'disclosure' | null>(null);
  const send = useItemCommand(item.id, (_: void, header) =>
    call(api.POST('/api/proposals/{id}/replies/{replyId}/send', { params: { path: { id: item.id, replyId: reply.id }, header }, body: {} })),
  );
  const mine = me.role === 'unit_handler' && me.unitId === reply.unitId;
  const reviews = reply.reviews as unknown as Review[];
  const feedback = reply.feedback as unknown as { attitude: string; result: string; comments?: string; sendBack?: boolean } | null;
  const disclosure = reply.disclosure as unknown as { mode: string } | null;
  const reading = reply.reading as unknown as { by?: string; comment?: string; at?: string } | null;
  const leaderName = useLeaderName();
  const unitName = item.assignments.find((u) => u.unitId === reply.unitId)?.unitName ?? '承办单位';
  const isLatest = item.replies.filter((r) => r.unitId === reply.unitId).at(-1)?.id === reply.id;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="reply"
      title={
        <Space wrap>
          <span>
            {unitName} · 第 {reply.round} 稿
          </span>
          <Tag color="blue">{label(REPLY_STATUS, reply.status)}</Tag>
          {reply.currentStage && reply.status === 'in_review' && <Tag>{label(REVIEW_STAGE, reply.currentStage)}</Tag>}
          <Tag>{label(CATEGORY, reply.category)}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reply.body}</Typography.Paragraph>
      {reply.cc.length > 0 && <Typography.Paragraph type="secondary">抄送：{reply.cc.join('、')}</Typography.Paragraph>}
      {reviews.length > 0 && (
        <List
          size="small"
          header="审查意见"
          dataSource={reviews}
          renderItem={(r) => (
            <List.Item>
              {label(REVIEW_STAGE, r.stage)}：{r.approve ? '通过' : '退回修改'}
              {r.comment ? `，${r.comment}` : ''}
              {r.at ? <Typography.Text type="secondary">（{formatDateTime(r.at)}）</Typography.Text> : null}
            </List.Item>
          )}
        />
      )}
      {reply.sentAt && <Typography.Paragraph>函复时间：{formatDateTime(reply.sentAt)}</Typography.Paragraph>}
      {feedback && (
        <Typography.Paragraph>
          征求意见：办理态度{label(SATISFACTION, feedback.attitude)}，办理结果{label(SATISFACTION, feedback.result)}
          {feedback.sendBack ? '，退回重新办理' : ''}
          {feedback.comments ? `。意见：${feedback.comments}` : ''}
        </Typography.Paragraph>
      )}
      {disclosure && <Typography.Paragraph>公开方式：{label(DISCLOSURE, disclosure.mode)}</Typography.Paragraph>}
      {reading && (
        <Typography.Paragraph data-testid="reading">
          分管副市长{reading.by ? ` ${leaderName(reading.by)} ` : ''}已阅示{reading.at ? `（${formatDateTime(reading.at)}）` : ''}
          {reading.comment ? `：${reading.comment}` : ''}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {canReview(me, item, reply) && <ReviewButtons item={item} reply={reply} />}
        {mine && reply.status === 'approved' && (
          <Button type="primary" loading={send.isPending} onClick={() => send.mutateAsync().then(() => message.success('答复已发出'), (e) => message.error((e as Error).message))}>
            发出答复
          </Button>
        )}
        {mine && reply.status === 'returned_for_revision' && isLatest && <Button onClick={() => setDialog('redraft')}>重新起草</Button>}
        {mine && ['sent', 'closed'].includes(reply.status) && !disclosure && <Button onClick={() => setDialog('disclosure')}>选择公开方式</Button>}
        {me.role === 'proposer' && reply.feedbackToken && reply.status === 'sent' && !feedback && (
          <Link to={`/feedback/${reply.feedbackToken}`}>
            <Button type="primary">填写征求意见表</Button>
          </Link>
        )}
      </Space>
      {dialog === 'redraft' && <DraftDialog item={item} unitId={reply.unitId} previous={reply} onClose={() => setDialog(null)} />}
      {dialog === 'disclosure' && <DisclosureDialog item={item} reply={reply} onClose={() => setDialog(null)} />}
    </Card>
  );
}

/** The unit's latest reply went out and was not sent back: its reply deadline no longer runs. */
function replied(item: Detail, unitId: string): boolean {
  const latest = item.replies.filter((r) => r.unitId === unitId).at(-1);
  return !!latest && (latest.status === 'sent' || (latest.status === 'closed' && !latest.sentBack));
}

/** A due instant (24:00 of the last day, Shanghai) → that last day, as people read a deadline. */
const lastDayOf = (dueAt: string) => new Date(Date.parse(dueAt) - 1).toISOString();

function hasHandlingRecords(u: UnitAssignment): boolean {
  return u.contacts.length + u.coUnitOpinions.length + u.instructionRequests.length + u.progressReports.length + u.returnRequests.length > 0 || !!u.explanation;
}

/** What the unit recorded while handling: contacts, 会办意见, 请示, monthly progress, 延期说明, return requests. */
function HandlingRecords({ unit: u }: { unit: UnitAssignment }) {
  const lists: { key: string; header: string; rows: React.ReactNode[] }[] = [
    { key: 'contacts', header: '与代表委员的沟通', rows: u.contacts.map((c) => `${formatDate(c.on)} · ${label(CONTACT_METHOD, c.method)} · ${c.summary}`) },
    { key: 'co', header: '会办意见', rows: u.coUnitOpinions.map((o) => `${formatDate(o.submittedAt)}${o.late ? '（逾期）' : ''} · ${o.opinion}`) },
    {
      key: 'instructions',
      header: '请示（第五条）',
      rows: u.instructionRequests.map(
        (r) =>
          `${formatDate(r.requestedAt)} 向${r.authority}请示：${r.matter}。${r.answer ? `${formatDate(r.answer.on)} 答复：${r.answer.answer}` : '尚未答复'}`,
      ),
    },
    {
      key: 'progress',
      header: '月度办理进度',
      rows: [
        ...u.progressReports.map((p) => `${formatMonth(p.month)}${p.late ? '（逾期报送）' : ''} · ${p.progress}`),
        ...u.progressReportsMissed.map((m) => `${formatMonth(m.month)} · 未按时报送`),
      ],
    },
    {
      key: 'explanation',
      header: '延期说明（第十九条）',
      rows: u.explanation ? [`困难：${u.explanation.reasons}；措施：${u.explanation.measures}；预计 ${formatDate(u.explanation.expectedOn)} 办结`] : [],
    },
    {
      key: 'returns',
      header: '退转申请',
      rows: u.returnRequests.map(
        (r) => `${formatDate(r.requestedAt)} · ${r.reason}${r.decision ? `（${r.decision.approve ? '同意' : '不同意'}${r.decision.comment ? `：${r.decision.comment}` : ''}）` : '（待处理）'}`,
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`records-${u.unitId}`}>
      {u.nextProgressReport && (
        <Typography.Text type="secondary">
          下次报送进度：{formatMonth(u.nextProgressReport.month)}，{formatDate(lastDayOf(u.nextProgressReport.dueAt))} 前
        </Typography.Text>
      )}
      {lists
        .filter((l) => l.rows.length)
        .map((l) => (
          <List key={l.key} size="small" header={l.header} dataSource={l.rows} renderItem={(r) => <List.Item>{r}</List.Item>} />
        ))}
    </Space>
  );
}

function UnitsTable({ item }: { item: Detail }) {
  const me = useCurrentUser();
  return (
    <Table<UnitAssignment>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={item.assignments}
      scroll={{ x: 900 }}
      expandable={{
        rowExpandable: (u) => hasHandlingRecords(u),
        defaultExpandAllRows: me.role === 'unit_handler' || me.role === 'unit_leader',
        expandedRowRender: (u) => <HandlingRecords unit={u} />,
      }}
      columns={[
        { title: '承办单位', dataIndex: 'unitName' },
        { title: '方式', dataIndex: 'role', render: (v) => label(UNIT_ROLE, v) },
        { title: '状态', dataIndex: 'status', render: (v, u) => (u.status === 'assigned' ? label(UNIT_STATUS, v) : u.signedAt ? `${label(UNIT_STATUS, v)}（已签收）` : label(UNIT_STATUS, v)) },
        { title: '退转期限', render: (_, u) => <DeadlineTag lastDay={u.returnWindowLastDay} explanation={u.returnWindowExplanation} done={u.returnWindowClosed || u.status === 'returned'} /> },
        {
          title: '答复期限',
          render: (_, u) => (
            <DeadlineTag
              lastDay={u.replyDueLastDay}
              explanation={u.replyDueExplanation}
              done={u.status === 'returned' || item.status === 'archived' || replied(item, u.unitId)}
            />
          ),
        },
        {
          title: '操作',
          render: (_, u) => (me.role === 'unit_handler' && me.unitId === u.unitId ? <UnitActions item={item} unit={u} /> : null),
        },
      ]}
    />
  );
}

export default function ItemPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const me = useCurrentUser();
  const item = useItem(id);
  const events = useEvents(item.data ? id : undefined);
  const leaderName = useLeaderName();
  const [assigning, setAssigning] = useState(false);

  if (item.error instanceof ApiError && item.error.status === 403) return <Forbidden message={`${item.error.message}。${T.forbiddenHint}`} />;
  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) return <NotFound />;
  if (item.error) return <ErrorAlert error={item.error} />;
  if (!item.data) return <Spin description={T.loading} style={{ display: 'block', marginTop: 80 }} />;
  const d = item.data;
  const canAssign =
    (me.role === 'office' || me.role === 'admin') &&
    (d.status === 'registered' || d.status === 'awaiting_reassignment') &&
    (!d.major || !!(d.majorApproval as { approvedAt?: string } | null)?.approvedAt);
  const showPersonal = me.role !== 'npc_liaison' && me.role !== 'cppcc_liaison';
  const major = d.majorApproval as { viceMayor?: string; submittedAt?: string; note?: string; approvedAt?: string; instructions?: string } | null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{d.number}</span>
            <span>{d.title}</span>
          </Space>
        }
        extra={
          canAssign && (
            <Button type="primary" onClick={() => setAssigning(true)}>
              交办
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: '类别', children: label(KIND, d.kind) },
            { key: 'level', label: '级别', children: label(LEVEL, d.level) },
            { key: 'status', label: '状态', children: <Tag color="geekblue">{label(ITEM_STATUS, d.status)}</Tag> },
            { key: 'year', label: '届次年份', children: `${d.sessionYear}年` },
            { key: 'registered', label: '登记日期', children: formatDate(d.registeredAt) },
            { key: 'topic', label: '主题', children: d.topic || '—' },
            ...(d.assignment?.leaderInCharge ? [{ key: 'leader', label: '分管市领导', children: leaderName(d.assignment.leaderInCharge) }] : []),
            ...(major
              ? [
                  {
                    key: 'major',
                    label: '重大事项阅批',
                    children: major.approvedAt
                      ? `${leaderName(major.viceMayor)} 已于${formatDate(major.approvedAt)}阅批${major.instructions ? `，批示：${major.instructions}` : ''}`
                      : `已提请${leaderName(major.viceMayor)}阅批（${formatDate(major.submittedAt)}）`,
                  },
                ]
              : []),
            ...(showPersonal ? [{ key: 'proposers', label: '提出人', children: d.proposers.map((p) => p.name).join('、') }] : []),
            {
              key: 'flags',
              label: '标记',
              children: (
                <Space size={2}>
                  {d.key && <Tag color="gold">重点</Tag>}
                  {d.major && <Tag color="purple">重大事项</Tag>}
                  {d.urgent && <Tag color="volcano">急需办理</Tag>}
                  {!d.key && !d.major && !d.urgent && '—'}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {d.content}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={params.get('tab') ?? 'units'}
          items={[
            {
              key: 'units',
              label: '承办单位与期限',
              children: d.assignments.length ? <UnitsTable item={d} /> : <Empty description="尚未交办" />,
            },
            {
              key: 'replies',
              label: `答复（${d.replies.length}）`,
              children: d.replies.length ? [...d.replies].reverse().map((r) => <ReplyCard key={r.id} item={d} reply={r} />) : <Empty description="尚无答复" />,
            },
            { key: 'history', label: T.history, children: events.data ? <EventTimeline events={events.data} /> : <Spin /> },
          ]}
        />
      </Card>
      {assigning && <AssignDialog itemId={d.id} urgent={d.urgent} open onClose={() => setAssigning(false)} />}
    </Space>
  );
}
