/**
 * The Art. 16 figures (GET /api/stats/kpis) and the items behind any number (GET
 * /api/stats/kpis/items). The API documents no answer schema for these, so their shape is written
 * here (libs/stats/domain kpis.ts: KpiReport, DrillDownItem).
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, call, session } from '../../api/client';
import type { operations } from '../../api/schema';

export const KPI_NAMES = ['on_time', 'face_to_face', 'key_satisfaction', 'satisfaction', 'solved'] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export const KPI_LABELS: Record<KpiName, string> = {
  on_time: '按时答复率',
  face_to_face: '见面沟通率',
  key_satisfaction: '重点建议提案及建议案满意率',
  satisfaction: '满意率',
  solved: '解决率（A类）',
};
export type Chamber = 'npc' | 'cppcc';

export interface Figure {
  numerator: number;
  denominator: number;
  pending: number;
  rate: number | null;
  target: number;
  met: boolean | null;
}
export type Figures = Record<KpiName, Figure>;

export interface KpiReport {
  year: number;
  asOf: string | null;
  at: string;
  overall: Figures;
  openPromises: number;
  byChamber: { chamber: Chamber; figures: Figures; openPromises: number }[];
  byUnit: { unitId: string; figures: Figures; openPromises: number }[];
  byPortfolio: { leaderInCharge: string | null; figures: Figures; openPromises: number }[];
  labels: Record<KpiName, string>;
}

export interface KpiQuery {
  year: number;
  chamber?: Chamber;
  unitId?: string;
  asOf?: string;
}

export interface DrillDownItem {
  proposalId: string;
  number: string;
  title: string;
  kind: string;
  unitId: string;
  leaderInCharge: string | null;
  outcome: string;
}
export interface DrillDownPage {
  total: number;
  page: number;
  pageSize: number;
  items: DrillDownItem[];
}
/** numerator, denominator, pending, or one outcome of the figure. */
export type OutcomeFilter = NonNullable<NonNullable<operations['StatsController_items']['parameters']['query']>['outcome']>;
export interface DrillDownQuery extends KpiQuery {
  kpi: KpiName;
  outcome?: OutcomeFilter;
  page?: number;
  pageSize?: number;
}

/** Drop what is not asked for (the API refuses empty parameters). */
const defined = <T extends object>(q: T): T => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as T;

const fetchKpis = (q: KpiQuery) => call(api.GET('/api/stats/kpis', { params: { query: defined(q) } })) as Promise<unknown> as Promise<KpiReport>;

export function useKpis(q: KpiQuery, opts: { refetchInterval?: number } = {}) {
  return useQuery({ queryKey: ['kpis', q], enabled: !!session.token(), queryFn: () => fetchKpis(q), placeholderData: keepPreviousData, ...opts });
}

/** The figures as they stood at the end of each day given (e.g. each month's last day). */
export function useKpisAsOf(q: Omit<KpiQuery, 'asOf'>, days: string[]) {
  return useQueries({
    queries: days.map((asOf) => ({ queryKey: ['kpis', { ...q, asOf }], enabled: !!session.token(), queryFn: () => fetchKpis({ ...q, asOf }), staleTime: 60_000 })),
  });
}

export function useKpiItems(q: DrillDownQuery | null) {
  return useQuery({
    queryKey: ['kpis', 'items', q],
    enabled: !!q && !!session.token(),
    queryFn: () => call(api.GET('/api/stats/kpis/items', { params: { query: defined(q!) } })) as Promise<unknown> as Promise<DrillDownPage>,
    placeholderData: keepPreviousData,
  });
}

/** 87.5% with one decimal; — when nothing is decided. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/** The last day of each month of `year` up to today (Asia/Shanghai): the month-end figures of a year so far. */
export function monthEnds(year: number, today: string): string[] {
  const days: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    const first = `${year}-${String(m).padStart(2, '0')}-01`;
    if (first > today) break;
    days.push(last < today ? last : today);
  }
  return days;
}
