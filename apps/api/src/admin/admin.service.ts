import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@jyta/config';
import { calendarYear, calendarYears, replaceYears } from '@jyta/calendar-data-access';
import { periodLabel, parsePeriod } from '@jyta/calendar-domain';
import { policyRecord, policyVersions, publishPolicy, type PolicyRecord } from '@jyta/proposal-registry';
import type { AuthUser } from '../auth/auth-user';
import type { CommandMeta } from '../common/command-meta';
import { validationFailed, type FieldError } from '../common/app-exception';
import { APP_CONFIG, Infrastructure } from '../infrastructure/infrastructure';
import { DEFAULT_POLICY, type Policy } from '@jyta/proposal-domain';
import { DEFAULT_POLICY_EVALUATION_WEIGHTS } from '@jyta/stats-domain';
import { checkCalendarYear, isSecondsPeriod, POLICY_FIELDS, POLICY_PERIOD_FIELDS, POLICY_REMINDER_FIELDS } from './checks';
import { RunningItemsRecompute, type RecomputeStarted } from './recompute-running-items.service';
import type { CalendarOverviewDto, CalendarYearDto, CalendarYearSavedDto, CalendarYearSummaryDto, PutCalendarYearDto } from './dto/calendar.dto';
import type { PolicyDto, UpdatePolicyDto } from './dto/policy.dto';

/** The first year the system keeps holiday data for (the seeded years start here). */
export const FIRST_EXPECTED_YEAR = 2024;

/** The calendar year in Asia/Shanghai (the deadlines' time zone). */
export const shanghaiYear = (now = Date.now()) => new Date(now + 8 * 3600_000).getUTCFullYear();

const label = (s: string) => {
  try {
    return periodLabel(parsePeriod(s));
  } catch {
    return s;
  }
};

export function toPolicyDto(r: PolicyRecord): PolicyDto {
  // Versions stored before a field existed read with its default (as the items themselves do).
  const p = { ...DEFAULT_POLICY, evaluationWeights: DEFAULT_POLICY_EVALUATION_WEIGHTS, ...r.policy } as Required<Policy>;
  return {
    ...p,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    labels: {
      returnWindow: label(p.returnWindow),
      replyPeriod: label(p.replyPeriod),
      urgentReplyPeriod: label(p.urgentReplyPeriod),
      feedbackPeriod: label(p.feedbackPeriod),
      rehandlingPeriod: label(p.rehandlingPeriod),
      replyReminders: p.replyReminders.map(label),
      returnWindowReminders: p.returnWindowReminders.map(label),
      overdueReminderEvery: label(p.overdueReminderEvery),
      coUnitOpinionLeadTime: label(p.coUnitOpinionLeadTime),
      leaderReminders: p.leaderReminders.map(label),
      supervisionReminderEvery: label(p.supervisionReminderEvery),
      promiseFollowUpEvery: label(p.promiseFollowUpEvery),
      promiseReportWithin: label(p.promiseReportWithin),
      unitSummaryPeriod: label(p.unitSummaryPeriod),
      unitSummaryReminderBefore: label(p.unitSummaryReminderBefore),
    },
  };
}

const normalize = (s: string) => s.trim().toUpperCase();

/** The changes a PUT asks for, normalised ('p15d' → 'P15D'); fields left out are not changes. */
export function policyChanges(dto: UpdatePolicyDto): Partial<Omit<Policy, 'version'>> {
  const changes: Partial<Omit<Policy, 'version'>> = {};
  for (const f of POLICY_PERIOD_FIELDS) if (dto[f] !== undefined) changes[f] = normalize(dto[f]!);
  for (const f of POLICY_REMINDER_FIELDS) if (dto[f] !== undefined) changes[f] = dto[f]!.map(normalize);
  if (dto.progressReportDays !== undefined) changes.progressReportDays = { co: dto.progressReportDays.co, lead: dto.progressReportDays.lead };
  // relative weights, kept as given: the evaluation divides by their sum (evaluateUnits)
  if (dto.evaluationWeights !== undefined) {
    const w = dto.evaluationWeights;
    changes.evaluationWeights = { on_time: w.on_time, face_to_face: w.face_to_face, key_satisfaction: w.key_satisfaction, satisfaction: w.satisfaction, solved: w.solved };
  }
  return changes;
}

/** Fields holding a period in seconds (test-only), as `field` or `field.<i>` for lists. */
export function secondsFields(changes: Partial<Omit<Policy, 'version'>>): string[] {
  const fields: string[] = [];
  for (const f of POLICY_PERIOD_FIELDS) if (changes[f] !== undefined && isSecondsPeriod(changes[f]!)) fields.push(f);
  for (const f of POLICY_REMINDER_FIELDS) (changes[f] ?? []).forEach((v, i) => isSecondsPeriod(v) && fields.push(`${f}.${i}`));
  return fields;
}

@Injectable()
export class PolicyAdminService {
  private readonly logger = new Logger('PolicyAdmin');

  constructor(
    private readonly infra: Infrastructure,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<PolicyDto> {
    return toPolicyDto((await policyRecord(this.infra.pool))!);
  }

  async versions(): Promise<PolicyDto[]> {
    return (await policyVersions(this.infra.pool)).map(toPolicyDto);
  }

  async publish(dto: UpdatePolicyDto, user: AuthUser): Promise<PolicyDto> {
    const changes = policyChanges(dto);
    if (Object.keys(changes).length === 0) {
      throw validationFailed(
        [{ field: 'body', errors: [`至少提供一项：${POLICY_FIELDS.join('、')}`] }],
        `请求体至少须包含 ${POLICY_FIELDS.join('、')} 中的一项`,
      );
    }
    if (this.config.production) {
      const bad: FieldError[] = secondsFields(changes).map((field) => ({ field, errors: [`${field}：以秒计的期间（PT…S）仅供测试，生产环境不可使用`] }));
      if (bad.length) throw validationFailed(bad, bad.map((b) => b.errors[0]).join('；'));
    }
    const published = await publishPolicy(this.infra.pool, changes, user.username);
    this.logger.log(`policy version ${published.version} published by ${user.username}: ${JSON.stringify(changes)}`);
    return toPolicyDto((await policyRecord(this.infra.pool, published.version)) ?? { policy: published, createdAt: null, createdBy: user.username });
  }
}

@Injectable()
export class CalendarAdminService {
  private readonly logger = new Logger('CalendarAdmin');

  constructor(
    private readonly infra: Infrastructure,
    private readonly recompute: RunningItemsRecompute,
  ) {}

  async overview(now = Date.now()): Promise<CalendarOverviewDto> {
    const stored = await calendarYears(this.infra.pool);
    const byYear = new Map<number, CalendarYearSummaryDto>(
      stored.map((y) => [y.year, { year: y.year, covered: true, status: 'covered', source: y.source, updatedAt: y.updatedAt, dayCount: y.dayCount }]),
    );
    const missingYears: number[] = [];
    for (let year = FIRST_EXPECTED_YEAR; year <= shanghaiYear(now) + 1; year++) {
      if (byYear.has(year)) continue;
      missingYears.push(year);
      byYear.set(year, {
        year,
        covered: false,
        status: 'missing',
        source: null,
        updatedAt: null,
        dayCount: 0,
        message: `${year}年节假日安排尚未录入`,
      });
    }
    return { years: [...byYear.values()].sort((a, b) => a.year - b.year), missingYears };
  }

  year(year: number): Promise<CalendarYearDto> {
    return calendarYear(this.infra.pool, year);
  }

  async replaceYear(year: number, dto: PutCalendarYearDto, user: AuthUser, meta: CommandMeta): Promise<CalendarYearSavedDto> {
    const days = dto.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }));
    const { errors, warnings } = checkCalendarYear(year, days);
    if (errors.length) throw validationFailed(errors, `${year} 年节假日数据无效：${errors.map((e) => `${e.field} ${e.errors[0]}`).join('；')}`);
    const source = dto.source?.trim() || `admin:${user.username}`;
    await replaceYears(this.infra.pool, [year], days, source);
    this.logger.log(`holiday calendar ${year} replaced by ${user.username} (${days.length} days, source ${source})`);
    const saved = await calendarYear(this.infra.pool, year);
    // SPEC §5: the running items' deadlines follow the amended calendar (after it is stored, so
    // each item's workflow loads the new data).
    const recomputed = await this.recompute.afterAmendment(year, user, meta);
    return {
      ...saved,
      warnings,
      operationId: recomputed.operationId,
      recomputeRunningItems: recomputed.report,
      message: savedMessage(year, recomputed),
    };
  }
}

/** What the administrator reads after saving a year (Chinese). */
export function savedMessage(year: number, started: RecomputeStarted): string {
  const head = `已保存 ${year} 年节假日安排，此后交办的件按新日历计算。`;
  const r = started.report;
  if (!r) {
    const p = started.progress;
    const sofar = p ? `（共 ${p.total} 件，已完成 ${p.done} 件）` : '';
    return `${head}期限涉及该年的在办件正在后台按新日历重新计算${sofar}，可通过 GET /api/operations/${started.operationId} 查看进度。`;
  }
  if (r.items === 0) return `${head}没有期限涉及该年的在办件。`;
  const failed = r.failed.length ? `；${r.failed.length} 件未能重新计算（${r.failed.map((f) => f.number).join('、')}），可稍后再次保存该年以重试` : '';
  return `${head}期限涉及该年的在办件 ${r.items} 件已按新日历重新计算，其中 ${r.changed} 件期限有变化${failed}。`;
}
