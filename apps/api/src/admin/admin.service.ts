import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@jyta/config';
import { calendarYear, calendarYears, replaceYears } from '@jyta/calendar-data-access';
import { periodLabel, parsePeriod } from '@jyta/calendar-domain';
import { policyRecord, policyVersions, publishPolicy, type PolicyRecord } from '@jyta/proposal-registry';
import type { AuthUser } from '../auth/auth-user';
import { validationFailed, type FieldError } from '../common/app-exception';
import { APP_CONFIG, Infrastructure } from '../infrastructure/infrastructure';
import { checkCalendarYear, isSecondsPeriod, POLICY_PERIOD_FIELDS } from './checks';
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
  const p = r.policy;
  return {
    ...p,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    labels: { returnWindow: label(p.returnWindow), replyPeriod: label(p.replyPeriod), urgentReplyPeriod: label(p.urgentReplyPeriod) },
  };
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
    const changes: Partial<Record<(typeof POLICY_PERIOD_FIELDS)[number], string>> = {};
    for (const f of POLICY_PERIOD_FIELDS) if (dto[f] !== undefined) changes[f] = dto[f]!.trim().toUpperCase();
    if (Object.keys(changes).length === 0) {
      throw validationFailed(
        [{ field: 'body', errors: [`至少提供一项：${POLICY_PERIOD_FIELDS.join('、')}`] }],
        `请求体至少须包含 ${POLICY_PERIOD_FIELDS.join('、')} 中的一项`,
      );
    }
    if (this.config.production) {
      const bad: FieldError[] = Object.entries(changes)
        .filter(([, v]) => isSecondsPeriod(v))
        .map(([field]) => ({ field, errors: [`${field}：以秒计的期间（PT…S）仅供测试，生产环境不可使用`] }));
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

  constructor(private readonly infra: Infrastructure) {}

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

  async replaceYear(year: number, dto: PutCalendarYearDto, user: AuthUser): Promise<CalendarYearSavedDto> {
    const days = dto.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }));
    const { errors, warnings } = checkCalendarYear(year, days);
    if (errors.length) throw validationFailed(errors, `${year} 年节假日数据无效：${errors.map((e) => `${e.field} ${e.errors[0]}`).join('；')}`);
    const source = dto.source?.trim() || `admin:${user.username}`;
    await replaceYears(this.infra.pool, [year], days, source);
    this.logger.log(`holiday calendar ${year} replaced by ${user.username} (${days.length} days, source ${source})`);
    const saved = await calendarYear(this.infra.pool, year);
    return {
      ...saved,
      warnings,
      recomputeRunningItems: 'not_yet_supported',
      message: `已保存 ${year} 年节假日安排。注意：在办件的期限暂不自动重新计算，此后交办的件按新日历计算。`,
    };
  }
}
