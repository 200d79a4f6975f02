import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, registerDecorator } from 'class-validator';
import { KPI_NAMES, OUTCOMES } from '@jyta/stats-domain';
import { PageQueryDto } from '../common/page-query.dto';
import { isDateOnly, UNIT_CODE } from '../common/validators';

/** An instant written in ISO 8601 with its offset, e.g. 2026-06-30T18:00:00+08:00. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `asOf`: a day (its end, Asia/Shanghai) or an instant. */
function IsAsOf() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAsOf',
      target: object.constructor,
      propertyName,
      options: { message: 'asOf 须为日期 YYYY-MM-DD 或带时区的时刻（ISO 8601，如 2026-06-30T18:00:00+08:00）' },
      validator: { validate: (v: unknown) => isDateOnly(v) || (typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v))) },
    });
}

export const CHAMBERS = ['npc', 'cppcc'] as const;
const ALL_OUTCOMES = [...new Set([...Object.values(OUTCOMES).flat(), 'numerator', 'denominator'])];

/** The year's figures; `asOf` is a past (or today's) day, its end in Asia/Shanghai. */
export class KpiQueryDto {
  @ApiProperty({ example: 2026, description: '届次年份' })
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year: number;

  @ApiPropertyOptional({ enum: CHAMBERS, description: 'npc 人大代表建议；cppcc 政协提案及建议案' })
  @IsOptional()
  @IsIn(CHAMBERS as unknown as string[], { message: 'chamber 须为 npc 或 cppcc' })
  chamber?: (typeof CHAMBERS)[number];

  @ApiPropertyOptional({ example: 'rsj', description: '承办单位代码' })
  @IsOptional()
  @IsString({ message: 'unitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: '截至该日 24:00（北京时间）或该时刻已记录的事件计算的数字；缺省为当前' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;
}

/** The cases behind one figure. */
export class KpiItemsQueryDto extends PageQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year: number;

  @ApiProperty({ enum: KPI_NAMES, description: '指标' })
  @IsIn(KPI_NAMES as unknown as string[], { message: `kpi 须为 ${KPI_NAMES.join(' / ')}` })
  kpi: (typeof KPI_NAMES)[number];

  @ApiPropertyOptional({
    enum: ALL_OUTCOMES,
    description: 'numerator 分子 / denominator 分母 / pending 未决，或该指标的某一结果（如 late、no_feedback、A）；缺省为全部',
  })
  @IsOptional()
  @IsIn(ALL_OUTCOMES, { message: `outcome 须为 ${ALL_OUTCOMES.join(' / ')}` })
  outcome?: string;

  @ApiPropertyOptional({ enum: CHAMBERS })
  @IsOptional()
  @IsIn(CHAMBERS as unknown as string[], { message: 'chamber 须为 npc 或 cppcc' })
  chamber?: (typeof CHAMBERS)[number];

  @ApiPropertyOptional({ example: 'rsj' })
  @IsOptional()
  @IsString({ message: 'unitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @IsAsOf()
  asOf?: string;
}

export class PublicStatsQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year: number;
}
