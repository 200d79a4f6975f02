import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../common/validators';

const NOT_BLANK = /\S/;
export const DAY_KINDS = ['holiday', 'workday'] as const;

export class CalendarDayDto {
  @ApiProperty({ example: '2027-01-01', description: '日期 YYYY-MM-DD，须在所提交的年份内' })
  @IsDefined({ message: 'date 为必填项' })
  @IsDateOnly({ message: 'date 须为有效日期，格式 YYYY-MM-DD' })
  date: string;

  @ApiProperty({ enum: DAY_KINDS, description: 'holiday 法定节假日 / 休息日（通常在工作日）；workday 调休上班日（须在周六或周日）' })
  @IsDefined({ message: 'kind 为必填项' })
  @IsIn(DAY_KINDS as unknown as string[], { message: 'kind 须为 holiday 或 workday' })
  kind: (typeof DAY_KINDS)[number];

  @ApiProperty({ example: '元旦', description: '节日名称，如 春节、国庆节调休上班' })
  @IsDefined({ message: 'name 为必填项' })
  @IsString({ message: 'name 须为字符串' })
  @Matches(NOT_BLANK, { message: 'name 不能为空' })
  @MaxLength(50, { message: 'name 不能超过 50 字' })
  name: string;
}

/** PUT /api/admin/calendar/:year: the whole year's exceptions (replaces what is stored). */
export class PutCalendarYearDto {
  @ApiProperty({
    type: CalendarDayDto,
    isArray: true,
    description: '该年全部与星期几不符的日子：法定节假日（holiday）和调休上班的周末（workday）。整体替换该年原有数据。',
  })
  @IsDefined({ message: 'days 为必填项' })
  @IsArray({ message: 'days 须为数组' })
  @ArrayMinSize(1, { message: 'days 至少一条（每年至少有元旦等法定节假日）' })
  @ArrayMaxSize(366, { message: 'days 不能超过 366 条' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];

  @ApiPropertyOptional({ example: '国办发明电〔2026〕X号', description: '数据来源（如国务院办公厅通知文号）；缺省为 admin:<账号>' })
  @IsOptional()
  @IsString({ message: 'source 须为字符串' })
  @Matches(NOT_BLANK, { message: 'source 不能为空' })
  @MaxLength(200, { message: 'source 不能超过 200 字' })
  source?: string;
}

export class CalendarYearSummaryDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ description: '是否已录入；未录入的年份计算期限时按普通周末暂算并标注' }) covered: boolean;
  @ApiProperty({ enum: ['covered', 'missing'] }) status: 'covered' | 'missing';
  @ApiProperty({ nullable: true, type: String, example: 'lunar-javascript' }) source: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ description: '节假日与调休上班日条数' }) dayCount: number;
  @ApiPropertyOptional({ example: '2027年节假日安排尚未录入' }) message?: string;
}

export class CalendarOverviewDto {
  @ApiProperty({ type: CalendarYearSummaryDto, isArray: true, description: '已录入的年份，以及 2024 至明年中尚未录入的年份，按年份排序' })
  years: CalendarYearSummaryDto[];
  @ApiProperty({ type: Number, isArray: true, example: [2027], description: '2024 至明年中尚未录入的年份' })
  missingYears: number[];
}

export class CalendarDayViewDto {
  @ApiProperty({ example: '2027-01-01' }) date: string;
  @ApiProperty({ enum: DAY_KINDS }) kind: string;
  @ApiProperty({ example: '元旦' }) name: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty() covered: boolean;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty({ type: CalendarDayViewDto, isArray: true }) days: CalendarDayViewDto[];
}

export class CalendarWarningDto {
  @ApiProperty({ example: 'days.3.date' }) field: string;
  @ApiProperty() message: string;
}

export class RecomputeFailureDto {
  @ApiProperty({ format: 'uuid', description: '件的 id' }) id: string;
  @ApiProperty({ example: '2026-建议-0042' }) number: string;
  @ApiProperty({ example: 'COMMAND_TIMEOUT', description: '错误代码（同错误响应的 code）' }) code: string;
  @ApiProperty({ example: '操作仍在处理中，暂未得到结果' }) message: string;
}

export class RecomputeReportDto {
  @ApiProperty({ example: 12, description: '期限涉及该年的在办件数（均已发送 RecomputeDeadlines）' }) items: number;
  @ApiProperty({ example: 3, description: '其中期限有变化（记录了 DeadlinesRecomputed 事件）的件数' }) changed: number;
  @ApiProperty({ type: RecomputeFailureDto, isArray: true, description: '未能重新计算的件；可再次保存该年以重试（无变化的件不会重复记录）' })
  failed: RecomputeFailureDto[];
}

export class CalendarYearSavedDto extends CalendarYearDto {
  @ApiProperty({ type: CalendarWarningDto, isArray: true, description: '已接受但值得核对的条目（如落在周末的节假日）' })
  warnings: CalendarWarningDto[];
  @ApiProperty({ example: 'recompute-deadlines-6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11', description: '重新计算在办件期限的后台操作 id（GET /api/operations/{id}）' })
  operationId: string;
  @ApiProperty({
    type: RecomputeReportDto,
    nullable: true,
    description:
      '在办件按修改后的日历重新计算期限的结果（SPEC §5）：已届满的期限不变，其余尚未届满的期限随新日历移动。' +
      '重新计算在后台进行；若在响应前完成（状态 200）给出结果，否则为 null（状态 202），进度见 operationId',
  })
  recomputeRunningItems: RecomputeReportDto | null;
  @ApiProperty({ example: '已保存 2027 年节假日安排，此后交办的件按新日历计算。期限涉及该年的在办件 12 件已按新日历重新计算，其中 3 件期限有变化。' })
  message: string;
}
