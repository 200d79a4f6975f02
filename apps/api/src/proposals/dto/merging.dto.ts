/** 并案办理: the office's merge and split requests, and how the detail shows them. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsString, Matches } from 'class-validator';
import { UUID } from '../../common/validators';

/** 并案: the items to merge into the main item (the one in the path). */
export class MergeProposalsDto {
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: '并入主件的建议提案 id（均须未交办、同属人大或政协、本级）' })
  @IsDefined({ message: 'itemIds 为必填项' })
  @IsArray({ message: 'itemIds 须为建议提案 id 数组' })
  @ArrayMinSize(1, { message: '请至少指定一件并入主件的建议提案' })
  @ArrayMaxSize(50, { message: '一次并案不能超过 50 件' })
  @ArrayUnique({ message: 'itemIds 中有重复的建议提案' })
  @IsString({ each: true, message: 'itemIds 中的 id 须为 UUID' })
  @Matches(UUID, { each: true, message: 'itemIds 中的 id 须为 UUID' })
  itemIds: string[];
}

/** 拆分: the merged item to handle on its own again. */
export class SplitProposalDto {
  @ApiProperty({ format: 'uuid', description: '要从主件拆分出来的建议提案 id' })
  @IsDefined({ message: 'itemId 为必填项' })
  @IsString({ message: 'itemId 须为 UUID' })
  @Matches(UUID, { message: 'itemId 须为 UUID' })
  itemId: string;
}

/** On the main item: an item merged into it. */
export class MergedItemViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-建议-0002' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, isArray: true, description: '提出人姓名' }) proposerNames: string[];
  @ApiProperty({ enum: ['merged', 'done', 'split'], description: 'merged 随主件办理 / done 已办结 / split 已拆分单独办理' }) status: string;
  @ApiProperty({ description: '已退回答复，等待承办单位再次答复' }) awaitingReply: boolean;
  @ApiProperty({ format: 'date-time' }) mergedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) doneAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) splitAt: string | null;
}

/** On a merged item: the main item it follows. */
export class MergedIntoViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-建议-0001' }) number: string;
  @ApiProperty({ format: 'date-time' }) mergedAt: string;
}

/** What a reply has to do with 并案办理. */
export class ReplyMergingViewDto {
  @ApiPropertyOptional({ type: Object, nullable: true, description: '并案件：本答复是主件答复的副本（proposalId 主件 id、number 主件编号、replyId 主件答复 id）' })
  from: { proposalId: string; number: string; replyId: string } | null;
  @ApiProperty({ type: String, isArray: true, description: '主件：本答复已送达的并案件 id' }) copiedTo: string[];
  @ApiProperty({ description: '主件：本轮仅为并案件重新办理，主件提出人已反馈，不再征求其意见' }) forMergedItemsOnly: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '并案件：被其后的答复副本取代而未反馈' }) supersededAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: '并案件：拆分时关闭而未反馈' }) splitAt: string | null;
}
