import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useFigures, useUnitNames } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHAMBER, ITEM_STATUS, label } from '../../glossary';
import { formatDateTime } from '../../format';
import { KpiCard } from '../kpi/KpiCard';

/** How often the open dashboard asks again: a change anywhere shows within 5 seconds. */
export const DASHBOARD_REFRESH_MS = 2_000;

const EMPTY = { total: 0, byStatus: {} as Record<string, number>, overdue: 0, due7: 0, due30: 0, units: [] };

/** 办理情况: read-only figures of the user's own chamber, following changes live (polling). */
export default function DashboardPage() {
  const me = useCurrentUser();
  const year = new Date().getFullYear();
  const list = useFigures({ year }, { refetchInterval: DASHBOARD_REFRESH_MS });
  const unitName = useUnitNames();
  const f = list.data ?? EMPTY;
  const chamber = me.chamber ? label(CHAMBER, me.chamber) : '全市';
  const drill = (q: Record<string, string>) => `/items?${new URLSearchParams({ year: String(year), ...q })}`;
  const option = useMemo(
    () => ({
      tooltip: {},
      xAxis: { type: 'category' as const, data: Object.keys(f.byStatus).map((s) => label(ITEM_STATUS, s)) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [{ type: 'bar' as const, data: Object.values(f.byStatus), itemStyle: { color: '#b71c1c' } }],
    }),
    [f],
  );
  return (
    <Card title={`${chamber}${year}年建议提案办理情况`} extra={<Typography.Text type="secondary">更新于 {list.dataUpdatedAt ? formatDateTime(new Date(list.dataUpdatedAt).toISOString()) : '—'}</Typography.Text>}>
      <ErrorAlert error={list.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Link to={drill({})}>
            <Statistic title="总件数" value={list.data?.total ?? 0} data-testid="stat-total" />
          </Link>
        </Col>
        <Col xs={12} md={4}>
          <Link to={drill({ status: 'registered' })}>
            <Statistic title="待交办" value={f.byStatus.registered ?? 0} data-testid="stat-registered" />
          </Link>
        </Col>
        <Col xs={12} md={4}>
          <Link to={drill({ status: 'assigned' })}>
            <Statistic title="已交办" value={f.byStatus.assigned ?? 0} data-testid="stat-assigned" />
          </Link>
        </Col>
        <Col xs={12} md={4}>
          <Link to={drill({ overdue: 'true' })}>
            <Statistic title="超期" value={f.overdue} styles={{ content: { color: f.overdue ? '#cf1322' : undefined } }} data-testid="stat-overdue" />
          </Link>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="7 日内到期" value={f.due7} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="30 日内到期" value={f.due30} />
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 24 }}>
        <Col xs={24} lg={10}>
          <Chart option={option} label="各阶段件数" />
        </Col>
        <Col xs={24} lg={14}>
          <Table
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={f.units}
            columns={[
              { title: '承办单位', dataIndex: 'unitId', render: (u) => <Link to={drill({ unitId: u })}>{unitName(u)}</Link> },
              { title: '交办件数', dataIndex: 'assigned' },
              { title: '在办', dataIndex: 'active' },
              { title: '超期', dataIndex: 'overdue', render: (n, r) => (n ? <Link to={drill({ unitId: r.unitId, overdue: 'true' })}>{n}</Link> : 0) },
            ]}
          />
        </Col>
      </Row>
      {/* The chamber's Art. 16 figures (the office sees all; admin is no reader of the figures). */}
      {me.role !== 'admin' && <KpiCard year={year} chamber={me.chamber ?? undefined} refetchInterval={DASHBOARD_REFRESH_MS} />}
    </Card>
  );
}
