import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DISCLOSURE_MODES, PROPOSAL_KINDS, REPLY_CATEGORIES, type DisclosureMode } from '@jyta/proposal-domain';
import { UNIT_CODE } from '../../common/validators';

/** 办理结果公开 (Art. 20): full text, a summary, or withheld with a reason. */
export class ChooseDisclosureDto {
  @ApiProperty({ enum: DISCLOSURE_MODES, description: 'full 全文公开（隐去代表委员姓名、联系方式和抄送范围）/ summary 摘要公开 / withheld 不予公开（须说明理由，理由公开）' })
  @IsDefined({ message: 'mode 为必填项' })
  @IsIn(DISCLOSURE_MODES as unknown as string[], { message: 'mode 须为 full / summary / withheld' })
  mode: DisclosureMode;

  @ApiPropertyOptional({ description: 'mode=summary 时必填：公开的摘要' })
  @IsOptional()
  @IsString({ message: 'summary 须为字符串' })
  @MaxLength(10_000, { message: 'summary 不能超过 10000 字' })
  summary?: string;

  @ApiPropertyOptional({ description: 'mode=withheld 时必填：不予公开的理由（如涉及国家秘密），理由本身公开' })
  @IsOptional()
  @IsString({ message: 'reason 须为字符串' })
  @MaxLength(2_000, { message: 'reason 不能超过 2000 字' })
  reason?: string;
}

/** Filters of the public list of disclosed replies. */
export class PublicRepliesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '届次年份' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 须为整数年份' })
  @Min(2000, { message: 'year 不能早于 2000' })
  @Max(2100, { message: 'year 不能晚于 2100' })
  year?: number;

  @ApiPropertyOptional({ enum: PROPOSAL_KINDS })
  @IsOptional()
  @IsIn(PROPOSAL_KINDS as string[], { message: `kind 须为 ${PROPOSAL_KINDS.join(' / ')}` })
  kind?: string;

  @ApiPropertyOptional({ example: 'rsj', description: '答复单位' })
  @IsOptional()
  @IsString({ message: 'unitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string;

  @ApiPropertyOptional({ enum: REPLY_CATEGORIES })
  @IsOptional()
  @IsIn(REPLY_CATEGORIES as unknown as string[], { message: 'category 须为 A、B、C 或 D' })
  category?: string;

  @ApiPropertyOptional({ description: '主题' })
  @IsOptional()
  @IsString({ message: 'topic 须为字符串' })
  @MaxLength(100, { message: 'topic 不能超过 100 字' })
  topic?: string;

  @ApiPropertyOptional({ description: '按标题、编号或公开文本模糊查询' })
  @IsOptional()
  @IsString({ message: 'q 须为字符串' })
  @MaxLength(100, { message: 'q 不能超过 100 字' })
  q?: string;

}
