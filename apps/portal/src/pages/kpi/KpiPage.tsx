import { Button, Card, Col, DatePicker, Drawer, Empty, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useUnits, useUnitNames } from '../../api/queries';
import { useCurrentUser } from '../../components/AppLayout';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHAMBER, label } from '../../glossary';
import { formatDateTime, shanghaiDay } from '../../format';
import { KPI_LABELS, KPI_NAMES, monthEnds, percent, useKpiItems, useKpis, useKpisAsOf, type Chamber, type DrillDownQuery, type Figure, type Figures, type KpiName, type KpiQuery, type OutcomeFilter } from './kpiApi';


const OUTCOME_LABELS: Record<string, string> = {
  numerator: '分子',
  denominator: '分母',
  pending: '未决',
  on_time: '按时',
  late: '逾期',
  face_to_face: '见面沟通',
  other: '未见面',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  no_feedback: '逾期未反馈',
  A: 'A类',
  B: 'B类',
  C: 'C类',
  D: 'D类',
};

const MISSED = '#cf1322';

/** A number that opens the items behind it. */
function Drill({ n, onOpen, testId }: { n: number; onOpen: () => void; testId?: string }) {
  if (!n) return <span data-testid={testId}>0</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpen} data-testid={testId}>
      {n}
    </Button>
  );
}

/** The rate, red with 未达标 where the target is missed. */
export function Rate({ f, testId }: { f: Figure; testId?: string }) {
  return (
    <span data-testid={testId} style={{ color: f.met === false ? MISSED : undefined, fontWeight: f.met === false ? 600 : undefined }}>
      {percent(f.rate)}
      {f.met === false ? ' 未达标' : ''}
    </span>
  );
}

/** 考核指标 (Art. 16): the five figures of a year, per unit and per month, each number opening the items behind it. */
export default function KpiPage() {
  const me = useCurrentUser();
  const today = shanghaiDay(new Date());
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [chamber, setChamber] = useState<Chamber | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [chartKpi, setChartKpi] = useState<KpiName>('on_time');
  const [drill, setDrill] = useState<DrillDownQuery | null>(null);
  const units = useUnits();
  const unitName = useUnitNames();
  // What the API lets each role choose (docs/kpis.md, Who sees what): a liaison its chamber, a unit its own unit.
  const ownChamber = me.role === 'npc_liaison' ? 'npc' : me.role === 'cppcc_liaison' ? 'cppcc' : undefined;
  const ownUnit = me.role === 'unit_handler' || me.role === 'unit_leader' ? (me.unitId ?? undefined) : undefined;
  const q: KpiQuery = { year, chamber: ownChamber ?? chamber, unitId: ownUnit ?? unitId, asOf };
  const report = useKpis(q);
  const r = report.data;
  const open = (kpi: KpiName, outcome: OutcomeFilter, over: Partial<KpiQuery> = {}) => setDrill({ ...q, ...over, kpi, outcome, page: 1, pageSize: 20 });

  const months = useMemo(() => monthEnds(year, asOf ?? today), [year, asOf, today]);
  const monthly = useKpisAsOf({ year, chamber: q.chamber, unitId: q.unitId }, months);
  const monthOption = useMemo(
    () => ({
      tooltip: {},
      xAxis: { type: 'category' as const, data: months.map((d) => `${Number(d.slice(5, 7))}月`) },
      yAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar' as const,
          name: KPI_LABELS[chartKpi],
          data: monthly.map((m) => {
            const f = m.data?.overall[chartKpi];
            return { value: f?.rate === null || !f ? null : Math.round(f.rate * 1000) / 10, itemStyle: { color: f?.met === false ? MISSED : '#1677ff' } };
          }),
        },
      ],
    }),
    [months, monthly, chartKpi],
  );
  const unitOption = useMemo(
    () => ({
      tooltip: {},
      grid: { bottom: 60 },
      xAxis: { type: 'category' as const, data: (r?.byUnit ?? []).map((u) => unitName(u.unitId)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' as const, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar' as const,
          name: KPI_LABELS[chartKpi],
          data: (r?.byUnit ?? []).map((u) => {
            const f = u.figures[chartKpi];
            return { value: f.rate === null ? null : Math.round(f.rate * 1000) / 10, itemStyle: { color: f.met === false ? MISSED : '#1677ff' } };
          }),
        },
      ],
    }),
    [r, chartKpi, unitName],
  );

  const rows = KPI_NAMES.map((kpi) => ({ kpi, f: r?.overall[kpi] }));
  return (
    <Card
      title="考核指标（第十六条）"
      extra={<Typography.Text type="secondary">{r ? `截至 ${formatDateTime(r.at)}` : ''}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <span>年度</span>
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="kpi-year" />
        {!ownChamber && (
          <Select
            aria-label="口别"
            style={{ width: 180 }}
            allowClear
            placeholder="全部（人大、政协）"
            value={chamber}
            onChange={(v) => setChamber(v)}
            options={(['npc', 'cppcc'] as const).map((c) => ({ value: c, label: label(CHAMBER, c) }))}
          />
        )}
        {!ownUnit && (
          <Select
            aria-label="承办单位"
            style={{ width: 200 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部承办单位"
            value={unitId}
            onChange={(v) => setUnitId(v)}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
        <span>截至</span>
        <DatePicker
          aria-label="截至日期"
          allowClear
          placeholder="现在"
          value={asOf ? dayjs(asOf) : null}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
        />
      </Space>
      <ErrorAlert error={report.error} />
      <Table
        size="small"
        rowKey="kpi"
        pagination={false}
        loading={report.isLoading}
        dataSource={rows}
        data-testid="kpi-table"
        columns={[
          { title: '指标', dataIndex: 'kpi', render: (k: KpiName) => KPI_LABELS[k] },
          { title: '分子', render: (_, { kpi, f }) => f && <Drill n={f.numerator} onOpen={() => open(kpi, 'numerator')} testId={`kpi-${kpi}-numerator`} /> },
          { title: '分母', render: (_, { kpi, f }) => f && <Drill n={f.denominator} onOpen={() => open(kpi, 'denominator')} testId={`kpi-${kpi}-denominator`} /> },
          { title: '未决', render: (_, { kpi, f }) => f && <Drill n={f.pending} onOpen={() => open(kpi, 'pending')} testId={`kpi-${kpi}-pending`} /> },
          { title: '比率', render: (_, { kpi, f }) => f && <Rate f={f} testId={`kpi-${kpi}-rate`} /> },
          { title: '目标', render: (_, { f }) => f && `${f.target === 1 ? '100' : (f.target * 100).toFixed(1)}%` },
          { title: '达标', render: (_, { f }) => (f?.met === null || !f ? '—' : f.met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="kpi-open-promises">
        待兑现承诺（B类答复尚未兑现，仅供参考，无目标）：{r?.openPromises ?? 0} 件
      </Typography.Paragraph>
      <Space style={{ margin: '16px 0 8px' }}>
        <span>图表指标</span>
        <Select aria-label="图表指标" style={{ width: 240 }} value={chartKpi} onChange={setChartKpi} options={KPI_NAMES.map((k) => ({ value: k, label: KPI_LABELS[k] }))} />
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>各承办单位</Typography.Title>
          {r?.byUnit.length ? <Chart option={unitOption} label={`各承办单位${KPI_LABELS[chartKpi]}`} height={300} /> : <Empty />}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>各月末</Typography.Title>
          {months.length ? <Chart option={monthOption} label={`各月末${KPI_LABELS[chartKpi]}`} height={300} /> : <Empty />}
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        分单位
      </Typography.Title>
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={r?.byUnit ?? []}
        data-testid="kpi-units"
        columns={[
          { title: '承办单位', dataIndex: 'unitId', render: (u: string) => unitName(u) },
          ...KPI_NAMES.map((kpi) => ({
            title: KPI_LABELS[kpi],
            key: kpi,
            render: (_: unknown, u: { unitId: string; figures: Figures }) => {
              const f = u.figures[kpi];
              return (
                <Space size={4}>
                  <Rate f={f} />
                  <span>
                    (<Drill n={f.numerator} onOpen={() => open(kpi, 'numerator', { unitId: u.unitId })} />/
                    <Drill n={f.denominator} onOpen={() => open(kpi, 'denominator', { unitId: u.unitId })} />)
                  </span>
                </Space>
              );
            },
          })),
          { title: '待兑现承诺', dataIndex: 'openPromises' },
        ]}
      />
      <DrillDrawer q={drill} onClose={() => setDrill(null)} onPage={(page) => drill && setDrill({ ...drill, page })} unitName={unitName} />
    </Card>
  );
}

/** The items behind a number (GET /api/stats/kpis/items), each opening its item page. */
function DrillDrawer({ q, onClose, onPage, unitName }: { q: DrillDownQuery | null; onClose: () => void; onPage: (p: number) => void; unitName: (c: string) => string }) {
  const items = useKpiItems(q);
  return (
    <Drawer
      open={!!q}
      onClose={onClose}
      size="large"
      title={q ? `${KPI_LABELS[q.kpi]} · ${OUTCOME_LABELS[q.outcome ?? 'denominator'] ?? q.outcome}${q.unitId ? ` · ${unitName(q.unitId)}` : ''}` : ''}
    >
      <ErrorAlert error={items.error} />
      <Table
        size="small"
        rowKey={(i) => `${i.proposalId}/${i.unitId}`}
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        data-testid="kpi-drill"
        pagination={{ current: q?.page ?? 1, pageSize: q?.pageSize ?? 20, total: items.data?.total ?? 0, onChange: onPage, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '编号', dataIndex: 'number', render: (n: string, i) => <Link to={`/items/${i.proposalId}`}>{n}</Link> },
          { title: '标题', dataIndex: 'title' },
          { title: '承办单位', dataIndex: 'unitId', render: (u: string) => unitName(u) },
          { title: '结果', dataIndex: 'outcome', render: (o: string) => OUTCOME_LABELS[o] ?? o },
        ]}
      />
    </Drawer>
  );
}
