import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHAMBERS } from '../stats/stats.dto';

export const FORMATS = ['json', 'docx'] as const;

export class QuarterlyQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year: number;

  @ApiProperty({ minimum: 1, maximum: 4 })
  @Type(() => Number)
  @IsInt({ message: 'quarter 须为 1–4' })
  @Min(1, { message: 'quarter 须为 1–4' })
  @Max(4, { message: 'quarter 须为 1–4' })
  quarter: number;

  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'json 数据；docx 可打印的通报（Word/WPS）' })
  @IsOptional()
  @IsIn(FORMATS as unknown as string[], { message: 'format 须为 json 或 docx' })
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({ enum: CHAMBERS })
  @IsOptional()
  @IsIn(CHAMBERS as unknown as string[], { message: 'chamber 须为 npc 或 cppcc' })
  chamber?: (typeof CHAMBERS)[number];
}

export class EvaluationQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year: number;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'format 须为 json 或 xlsx' })
  format?: 'json' | 'xlsx';
}

/** The session year as the evaluation asks for it (same validation), with the chamber and the format. */
export class AnnualQueryDto extends PickType(EvaluationQueryDto, ['year'] as const) {
  @ApiProperty({ enum: CHAMBERS, description: 'npc：向市人大常委会的书面报告；cppcc：向市政协的书面通报' })
  @IsIn(CHAMBERS as unknown as string[], { message: 'chamber 须为 npc 或 cppcc' })
  chamber: (typeof CHAMBERS)[number];

  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'json 数据；docx 报告代拟稿（GB/T 9704 版式）' })
  @IsOptional()
  @IsIn(FORMATS as unknown as string[], { message: 'format 须为 json 或 docx' })
  format?: (typeof FORMATS)[number];
}

export class GovernmentDocumentQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: '第几稿（被退回后重新整理的每一稿均保留）；缺省为最新一稿' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'round 须为正整数' })
  @Min(1, { message: 'round 须为正整数' })
  round?: number;
}
