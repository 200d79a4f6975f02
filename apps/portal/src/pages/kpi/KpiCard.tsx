import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KPI_LABELS, KPI_NAMES, percent, useKpis, type Chamber } from './kpiApi';

/** A compact card of the five figures (a chamber's, for the liaison dashboard), red where missed, opening the KPI page. */
export function KpiCard({ year, chamber, refetchInterval }: { year: number; chamber?: Chamber; refetchInterval?: number }) {
  const kpis = useKpis({ year, chamber }, { refetchInterval });
  const r = kpis.data;
  return (
    <Card size="small" title="考核指标" extra={<Link to="/kpis">详情</Link>} style={{ marginTop: 24 }} data-testid="kpi-card">
      <ErrorAlert error={kpis.error} />
      <Row gutter={[16, 8]}>
        {KPI_NAMES.map((k) => {
          const f = r?.overall[k];
          return (
            <Col xs={12} md={4} key={k}>
              <Statistic
                title={KPI_LABELS[k]}
                value={f ? percent(f.rate) : '—'}
                suffix={f && f.denominator ? <span style={{ fontSize: 12 }}>{`${f.numerator}/${f.denominator}`}</span> : undefined}
                styles={{ content: { color: f?.met === false ? '#cf1322' : undefined } }}
                data-testid={`kpi-card-${k}`}
              />
            </Col>
          );
        })}
        <Col xs={12} md={4}>
          <Statistic title="待兑现承诺" value={r?.openPromises ?? 0} />
        </Col>
      </Row>
    </Card>
  );
}
