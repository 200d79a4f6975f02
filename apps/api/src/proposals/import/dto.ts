import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsDateOnly, UNIT_CODE, UUID } from '../../common/validators';
import { AssignProposalDto } from '../dto/assignment.dto';

/** Items one bulk assignment may carry. */
export const MAX_BULK_ASSIGNMENTS = 1000;

// ---- import ----------------------------------------------------------------------------------

export class ImportedItemDto {
  @ApiProperty({ example: 2, description: '表格行号（表头为第 1 行）' }) row: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-建议-0001' }) number: string;
  @ApiPropertyOptional({ description: '请求带 assignment 且该行在其中时：是否已交办' }) assigned?: boolean;
}

export class ImportResultDto {
  @ApiProperty({ example: 500, description: '登记的件数（= 数据行数）' }) imported: number;
  @ApiProperty({ type: ImportedItemDto, isArray: true, description: '按行号排序' }) items: ImportedItemDto[];
  @ApiProperty({ type: String, isArray: true, example: ['序号'], description: '未识别而忽略的列' }) ignoredColumns: string[];
  @ApiPropertyOptional({ example: 500, description: '请求带 assignment 时：同时交办的件数' }) assigned?: number;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: '表格行号（表头为第 1 行）' }) row: number;
  @ApiProperty({ example: '类别', description: '列（表头原文）' }) column: string;
  @ApiProperty({ example: 'kind', description: '登记字段，如 kind、proposers.1.phone' }) field: string;
  @ApiProperty({ example: '类别“请愿”无效，须为 人大代表建议 / 政协委员提案 / 政协建议案' }) message: string;
}

// ---- bulk assignment -------------------------------------------------------------------------

/** One item of a bulk 交办: the single assignment's fields (same rules) without the shared date. */
export class BulkAssignmentItemDto extends OmitType(AssignProposalDto, ['assignedOn'] as const) {
  @ApiProperty({ format: 'uuid', description: '建议提案 id' })
  @IsDefined({ message: 'proposalId 为必填项' })
  @Matches(UUID, { message: 'proposalId 须为 UUID' })
  proposalId: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['cjj'],
    description:
      '改派（分别办理）：该件有退转待改派的部分时，leadUnitIds 为接手的单位，与此处的已退转单位一一对应；' +
      '不填则按退转先后对应全部待改派的部分。mode 须为 separate。',
  })
  @IsOptional()
  @IsArray({ message: 'fromUnitIds 须为单位代码数组' })
  @ArrayMaxSize(50, { message: 'fromUnitIds 过多' })
  @Matches(UNIT_CODE, { each: true, message: 'fromUnitIds 中的单位代码格式无效' })
  fromUnitIds?: string[];
}

/** 交办会 (Art. 6): many items assigned at once, all received on the same day. */
export class BulkAssignmentDto {
  @ApiProperty({ example: '2026-03-01', description: '接办之日 YYYY-MM-DD（交办会日期），适用于全部条目' })
  @IsDefined({ message: 'assignedOn 为必填项' })
  @IsDateOnly({ message: 'assignedOn 须为有效日期，格式 YYYY-MM-DD' })
  assignedOn: string;

  @ApiProperty({ type: BulkAssignmentItemDto, isArray: true, minItems: 1, maxItems: MAX_BULK_ASSIGNMENTS })
  @IsDefined({ message: 'items 为必填项' })
  @IsArray({ message: 'items 须为数组' })
  @ArrayMinSize(1, { message: 'items 至少需要一项' })
  @ArrayMaxSize(MAX_BULK_ASSIGNMENTS, { message: `一次最多交办 ${MAX_BULK_ASSIGNMENTS} 件` })
  @ValidateNested({ each: true })
  @Type(() => BulkAssignmentItemDto)
  items: BulkAssignmentItemDto[];
}

export class BulkAssignmentResultDto {
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ example: 200, description: '200 已交办；409 等：该件被拒绝（其余条目不受影响）' }) status: number;
  @ApiPropertyOptional({ example: '2026-建议-0001' }) number?: string;
  @ApiPropertyOptional({ example: 'ALREADY_ASSIGNED' }) code?: string;
  @ApiPropertyOptional({ example: '该件已交办；只有全部主办单位退转后才能重新交办' }) message?: string;
}

export class BulkAssignmentResponseDto {
  @ApiProperty({ example: 498, description: '成功交办的件数' }) assigned: number;
  @ApiProperty({ type: BulkAssignmentResultDto, isArray: true, description: '与请求 items 顺序一致' }) results: BulkAssignmentResultDto[];
}

export class BulkItemErrorDto {
  @ApiProperty({ example: 3, description: 'items 中的下标（从 0 起）' }) index: number;
  @ApiPropertyOptional({ format: 'uuid' }) proposalId?: string;
  @ApiProperty({ example: 'leadUnitIds.0' }) field: string;
  @ApiProperty({ example: '未知单位 xyz' }) message: string;
}
