import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CONTACT_METHODS, type ContactMethod } from '@jyta/proposal-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 退转申请 (Art. 7): written reasons. */
export class ReturnRequestDto {
  @ApiProperty({ example: '该事项不属于本单位职责，建议交市城建局办理。', description: '退转理由（公函）' })
  @IsDefined({ message: '退转理由为必填项' })
  @IsString({ message: '退转理由须为字符串' })
  @Matches(/\S/, { message: '退转须以公函形式说明理由，理由不能为空' })
  @MaxLength(5000, { message: '退转理由不能超过 5000 字' })
  reason: string;
}

/** 退转决定 by the office. */
export class ReturnDecisionDto {
  @ApiProperty({ description: 'true 同意退转 / false 不同意（单位继续办理）' })
  @IsDefined({ message: 'approve 为必填项' })
  @IsBoolean({ message: 'approve 须为 true 或 false' })
  approve: boolean;

  @ApiPropertyOptional({ example: '同意退转' })
  @IsOptional()
  @IsString({ message: 'comment 须为字符串' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 字' })
  comment?: string;
}

/** 与代表委员沟通 (Art. 14): one contact with the proposer. */
export class ContactDto {
  @ApiProperty({ enum: CONTACT_METHODS, description: 'face_to_face 面商 / phone 电话 / letter 书面 / visit 座谈走访' })
  @IsDefined({ message: 'method 为必填项' })
  @IsIn(CONTACT_METHODS as unknown as string[], { message: `method 须为 ${CONTACT_METHODS.join(' / ')}` })
  method: ContactMethod;

  @ApiProperty({ example: '2026-11-20', description: '沟通日期 YYYY-MM-DD' })
  @IsDefined({ message: 'on 为必填项' })
  @IsString({ message: 'on 须为 YYYY-MM-DD 日期' })
  @Matches(DATE, { message: 'on 须为 YYYY-MM-DD 日期' })
  on: string;

  @ApiProperty({ example: '到代表所在社区面商，介绍加装电梯补贴政策，听取意见。' })
  @IsDefined({ message: '请填写沟通情况' })
  @IsString({ message: 'summary 须为字符串' })
  @Matches(/\S/, { message: '请填写沟通情况' })
  @MaxLength(5000, { message: 'summary 不能超过 5000 字' })
  summary: string;
}

/** 延期说明 (Art. 19): difficulties, measures and the expected date, before the reply deadline. */
export class ExplanationDto {
  @ApiProperty({ example: '涉及多部门协调，所需资金尚未落实。', description: '办理中遇到的困难' })
  @IsDefined({ message: '请说明办理中遇到的困难' })
  @IsString({ message: 'reasons 须为字符串' })
  @Matches(/\S/, { message: '请说明办理中遇到的困难' })
  @MaxLength(5000, { message: 'reasons 不能超过 5000 字' })
  reasons: string;

  @ApiProperty({ example: '已列入明年工作计划，正在协调财政资金。', description: '已采取的措施' })
  @IsDefined({ message: '请说明已采取的措施' })
  @IsString({ message: 'measures 须为字符串' })
  @Matches(/\S/, { message: '请说明已采取的措施' })
  @MaxLength(5000, { message: 'measures 不能超过 5000 字' })
  measures: string;

  @ApiProperty({ example: '2027-06-30', description: '预计办结日期 YYYY-MM-DD' })
  @IsDefined({ message: 'expectedOn 为必填项' })
  @IsString({ message: 'expectedOn 须为 YYYY-MM-DD 日期' })
  @Matches(DATE, { message: 'expectedOn 须为 YYYY-MM-DD 日期' })
  expectedOn: string;
}

/** 指定征求意见表填写人 by the office (Art. 11, 14): a proposer of the item, by place in its list. */
export class FeedbackRecipientDto {
  @ApiProperty({ example: 1, minimum: 0, description: '本件提出人的序号（0 为领衔人，按登记顺序）；只能指定本件的提出人' })
  @IsDefined({ message: 'proposerIndex 为必填项' })
  @IsInt({ message: 'proposerIndex 须为整数' })
  @Min(0, { message: 'proposerIndex 不能小于 0' })
  @Max(999, { message: 'proposerIndex 过大' })
  proposerIndex: number;
}
