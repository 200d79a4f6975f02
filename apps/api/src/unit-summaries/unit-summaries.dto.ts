import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_UNIT_SUMMARY } from '@jyta/proposal-domain';

/** 总结工作 (Art. 12): the unit leader submits the year's summary. */
export class SubmitUnitSummaryDto {
  @ApiProperty({ example: '本单位 2026 年共承办建议提案 12 件，均已按期办结……', description: '年度办理工作复查和总结（书面报告）' })
  @IsDefined({ message: 'text 为必填项' })
  @IsString({ message: 'text 须为字符串' })
  @Matches(/\S/, { message: '请填写办理工作总结' })
  @MaxLength(MAX_UNIT_SUMMARY, { message: `text 不能超过 ${MAX_UNIT_SUMMARY} 字` })
  text: string;
}

export class UnitSummaryQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '年度（届次年份）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year?: number;
}

export class UnitSummaryDto {
  @ApiProperty({ example: 'rsj' }) unitId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: ['not_owed', 'owed', 'submitted'], description: 'owed 应报送 / submitted 已报送' }) status: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '该年度承办件数' }) items: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '最后一件办结时间' }) lastDoneAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '报送期限' }) dueAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) remindedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '逾期未报送的记录时间' }) overdueAt: string | null;
  @ApiProperty({ description: '应报送且已过期限' }) overdue: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) text: string | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: '逾期后报送' }) late: boolean | null;
}
