import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ProjectionRunner } from '@jyta/event-store';
import { countCases, countCurrent, drillDownCases, selectCases, statsProjection, type CaseSelection } from '@jyta/stats-data-access';
import {
  drillDownItem,
  endOfShanghaiDay,
  kpiReportFromGroups,
  kpiReportFromLevels,
  KPI_LABELS,
  OUTCOMES,
  type CaseRecord,
  type DrillDownItem,
  type Figures,
  type KpiName,
  type KpiReport,
  type OutcomeFilter,
} from '@jyta/stats-domain';
import type { AuthUser } from '../auth/auth-user';
import { AppException, forbiddenRole, invalidField, notYourUnit } from '../common/app-exception';
import { CHAMBER_KINDS } from '../proposals/access';
import { Infrastructure } from '../infrastructure/infrastructure';

export const notYourChamber = () => new AppException(403, 'NOT_YOUR_CHAMBER', '只能查看本口（人大代表建议或政协提案）的统计');

const KINDS = { npc: ['npc_suggestion'], cppcc: ['cppcc_proposal', 'cppcc_recommendation'] } as const;
type Chamber = keyof typeof KINDS;
/** How long a read waits for the `stats_cases` projection to take in what was committed before it. */
const CATCH_UP_MS = 3000;

/** The `stats_cases` projection, run next to the read model (as NotificationsRunner is). */
@Injectable()
export class StatsRunner implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('StatsRunner');
  readonly runner: ProjectionRunner;

  constructor(private readonly infra: Infrastructure) {
    this.runner = new ProjectionRunner(infra.pool, infra.store, statsProjection, {
      pollMs: 1000,
      // Nobody waits for it after each command: under load one batch per 200 ms, not one per append.
      settleMs: 200,
      onError: (err) => this.logger.error({ err }, 'projection stats_cases failed; retrying'),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.infra.init();
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop().catch((err) => this.logger.warn({ err }, 'stopping the stats projection failed'));
  }

  /** The figures include every event committed before the request (bounded wait; a lagging projection is logged, not an error). */
  async caughtUp(): Promise<void> {
    try {
      await this.runner.waitFor(await this.infra.store.headPosition(), CATCH_UP_MS);
    } catch (err) {
      this.logger.warn({ err }, 'stats projection is lagging behind');
    }
  }
}

export interface KpiQuery {
  year: number;
  chamber?: Chamber;
  unitId?: string;
  asOf?: string;
}

/** What the caller may see of the figures: the whole, their chamber, their unit, their portfolio. */
export function statsScope(user: AuthUser, q: Pick<KpiQuery, 'chamber' | 'unitId'>): Omit<CaseSelection, 'year' | 'at'> {
  const asked: Omit<CaseSelection, 'year' | 'at'> = {
    ...(q.chamber ? { kinds: KINDS[q.chamber] } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
  };
  switch (user.role) {
    case 'office':
      return asked;
    case 'npc_liaison':
    case 'cppcc_liaison': {
      const own = user.role === 'npc_liaison' ? 'npc' : 'cppcc';
      if (q.chamber && q.chamber !== own) throw notYourChamber();
      return { ...asked, kinds: CHAMBER_KINDS[user.role] };
    }
    case 'unit_handler':
    case 'unit_leader':
      if (!user.unitId) throw forbiddenRole();
      if (q.unitId && q.unitId !== user.unitId) throw notYourUnit(q.unitId);
      return { ...asked, unitId: user.unitId };
    case 'vice_mayor':
      return { ...asked, leaderInCharge: user.username };
    default:
      throw forbiddenRole();
  }
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiToday = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/** The instant the figures stand at: the end of the day `asOf` (Asia/Shanghai) or the instant `asOf`, not in the future; or now. */
export function standingAt(asOf: string | undefined, now = Date.now()): string {
  if (!asOf) return new Date(now).toISOString();
  const end = asOf.includes('T') ? new Date(Date.parse(asOf)).toISOString() : endOfShanghaiDay(asOf);
  if (!end || Number.isNaN(Date.parse(end))) throw invalidField('asOf', 'asOf 须为日期 YYYY-MM-DD 或带时区的时刻');
  if (asOf.includes('T') ? Date.parse(end) > now : asOf > shanghaiToday(now)) throw invalidField('asOf', 'asOf 不能晚于现在：只能查看已经记录的数字');
  // Today's figures "as of today" are those of now: the day has not ended yet.
  return Date.parse(end) > now ? new Date(now).toISOString() : end;
}

export type KpiAnswer = KpiReport & { labels: Record<KpiName, string>; scope: Omit<CaseSelection, 'year' | 'at'> };

@Injectable()
export class StatsService {
  constructor(
    private readonly infra: Infrastructure,
    private readonly stats: StatsRunner,
  ) {}

  /** The cases the caller may see, of a year, as they stood at `asOf` (or now), and that moment. */
  async scopedCases(user: AuthUser, q: KpiQuery): Promise<{ cases: CaseRecord[]; at: string; scope: Omit<CaseSelection, 'year' | 'at'> }> {
    const scope = statsScope(user, q);
    const at = standingAt(q.asOf);
    await this.stats.caughtUp();
    const cases = await selectCases(this.infra.pool, { year: q.year, ...scope, ...(q.asOf ? { at } : {}) });
    return { cases, at, scope };
  }

  /** The figures in one grouped query: now from the counters (countCurrent), as of a day from the versions (countCases); the drill-down reads the cases themselves. */
  async kpis(user: AuthUser, q: KpiQuery): Promise<KpiAnswer> {
    const scope = statsScope(user, q);
    const at = standingAt(q.asOf);
    await this.stats.caughtUp();
    const opts = { year: q.year, at, asOf: q.asOf ?? null };
    const report = q.asOf
      ? kpiReportFromGroups(await countCases(this.infra.pool, { year: q.year, ...scope, at }, true), opts)
      : kpiReportFromLevels(await countCurrent(this.infra.pool, { year: q.year, ...scope, at }), opts);
    return { ...report, labels: KPI_LABELS, scope };
  }

  async items(
    user: AuthUser,
    q: KpiQuery & { kpi: KpiName; outcome?: string; page?: number; pageSize?: number },
  ): Promise<{ year: number; asOf: string | null; at: string; kpi: KpiName; outcome: string | null; total: number; page: number; pageSize: number; items: DrillDownItem[] }> {
    if (q.outcome && !['numerator', 'denominator', ...OUTCOMES[q.kpi]].includes(q.outcome)) {
      throw invalidField('outcome', `指标 ${q.kpi} 的 outcome 须为 numerator / denominator / ${OUTCOMES[q.kpi].join(' / ')}`);
    }
    const scope = statsScope(user, q);
    const at = standingAt(q.asOf);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    await this.stats.caughtUp();
    const found = await drillDownCases(this.infra.pool, { year: q.year, ...scope, at }, !!q.asOf, {
      kpi: q.kpi,
      ...(q.outcome ? { outcome: q.outcome as OutcomeFilter } : {}),
      page,
      pageSize,
    });
    return {
      year: q.year,
      asOf: q.asOf ?? null,
      at,
      kpi: q.kpi,
      outcome: q.outcome ?? null,
      total: found.total,
      page,
      pageSize,
      items: found.records.map((r) => drillDownItem(r, at, q.kpi)).filter((x): x is DrillDownItem => !!x),
    };
  }

  /** SPEC §7: each unit's overall figures for the public — counts and rates only, nothing about people. */
  async publicStats(year: number): Promise<{ year: number; at: string; overall: Figures; units: { unitId: string; figures: Figures }[] }> {
    await this.stats.caughtUp();
    const at = new Date().toISOString();
    const r = kpiReportFromLevels(await countCurrent(this.infra.pool, { year, at }), { year, at });
    return { year, at, overall: r.overall, units: r.byUnit };
  }
}
