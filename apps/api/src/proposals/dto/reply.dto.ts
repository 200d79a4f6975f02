import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONTACT_METHODS, REPLY_CATEGORIES, SATISFACTION, type ContactMethod, type ReplyCategory, type Satisfaction } from '@jyta/proposal-domain';

/** 答复草稿 (Art. 9, 10). */
export class DraftReplyDto {
  @ApiProperty({ example: 'cjj', description: '起草答复的单位（主办或分别办理单位）' })
  @IsDefined({ message: 'unitId 为必填项' })
  @IsString({ message: 'unitId 须为单位代码' })
  unitId: string;

  @ApiProperty({ enum: REPLY_CATEGORIES, description: 'A 已解决或基本解决 / B 正在解决或已列入计划 / C 不能解决 / D 留作参考（第十条）' })
  @IsDefined({ message: 'category 为必填项' })
  @IsIn(REPLY_CATEGORIES as unknown as string[], { message: 'category 须为 A、B、C 或 D' })
  category: ReplyCategory;

  @ApiProperty({ example: '您提出的关于……的提案收悉，现答复如下：……' })
  @IsDefined({ message: '答复正文为必填项' })
  @IsString({ message: 'body 须为字符串' })
  @Matches(/\S/, { message: '答复正文不能为空' })
  @MaxLength(50_000, { message: '答复正文不能超过 50000 字' })
  body: string;

  @ApiPropertyOptional({ type: [String], description: '抄送；不填按第十条确定（分管副市长、人大选任联工委或政协提案委、建议提案处）' })
  @IsOptional()
  @IsArray({ message: 'cc 须为数组' })
  @ArrayMaxSize(20, { message: 'cc 最多 20 项' })
  @IsString({ each: true, message: 'cc 的每一项须为字符串' })
  cc?: string[];
}

/** 审查 (Art. 9, 18): the stage follows from the reviewer's role. */
export class ReviewReplyDto {
  @ApiProperty({ description: 'true 通过 / false 退回修改（须写明意见）' })
  @IsDefined({ message: 'approve 为必填项' })
  @IsBoolean({ message: 'approve 须为 true 或 false' })
  approve: boolean;

  @ApiPropertyOptional({ example: '请补充办理时间表' })
  @IsOptional()
  @IsString({ message: 'comment 须为字符串' })
  @MaxLength(5000, { message: 'comment 不能超过 5000 字' })
  comment?: string;
}

const SATISFACTION_VALUES = SATISFACTION as unknown as string[];

/** 征求意见表 (Art. 11). */
export class FeedbackDto {
  @ApiProperty({ enum: SATISFACTION, description: '对办理态度：满意 / 基本满意 / 不满意' })
  @IsDefined({ message: 'attitude 为必填项' })
  @IsIn(SATISFACTION_VALUES, { message: 'attitude 须为 satisfied / basically_satisfied / dissatisfied' })
  attitude: Satisfaction;

  @ApiProperty({ enum: SATISFACTION, description: '对办理结果：满意 / 基本满意 / 不满意' })
  @IsDefined({ message: 'result 为必填项' })
  @IsIn(SATISFACTION_VALUES, { message: 'result 须为 satisfied / basically_satisfied / dissatisfied' })
  result: Satisfaction;

  @ApiProperty({ enum: [...CONTACT_METHODS, 'none'], description: '承办单位是否、如何与您沟通' })
  @IsDefined({ message: 'contact 为必填项' })
  @IsIn([...CONTACT_METHODS, 'none'], { message: `contact 须为 ${CONTACT_METHODS.join(' / ')} 或 none` })
  contact: ContactMethod | 'none';

  @ApiPropertyOptional({ example: '希望加快进度' })
  @IsOptional()
  @IsString({ message: 'comments 须为字符串' })
  @MaxLength(5000, { message: 'comments 不能超过 5000 字' })
  comments?: string;

  @ApiPropertyOptional({ description: 'true：不满意或情况变化，退回重新办理（第十条）' })
  @IsOptional()
  @IsBoolean({ message: 'sendBack 须为 true 或 false' })
  sendBack?: boolean;
}

/** 整理形成政府正式文件 (Art. 9, 10): the office compiles a provincial/national item's accepted opinion. */
export class CompileGovernmentDocumentDto {
  @ApiPropertyOptional({ example: '郑政文〔2026〕12号', description: '文号；可在发出时再填' })
  @IsOptional()
  @IsString({ message: 'documentNumber 须为字符串' })
  @Matches(/\S/, { message: '文号不能为空' })
  @MaxLength(100, { message: '文号不能超过 100 字' })
  documentNumber?: string;

  @ApiPropertyOptional({ example: '市人民政府关于省十四届人大三次会议第0031号建议的答复', description: '不填则按件名生成' })
  @IsOptional()
  @IsString({ message: 'title 须为字符串' })
  @Matches(/\S/, { message: '文件标题不能为空' })
  @MaxLength(500, { message: '文件标题不能超过 500 字' })
  title?: string;

  @ApiProperty({ example: '省人大代表某某：您提出的关于……的建议收悉，现答复如下：……' })
  @IsDefined({ message: '正式文件正文为必填项' })
  @IsString({ message: 'body 须为字符串' })
  @Matches(/\S/, { message: '正式文件正文不能为空' })
  @MaxLength(50_000, { message: '正式文件正文不能超过 50000 字' })
  body: string;
}

/** 函复 (Art. 10): the unit sends its approved reply or opinion; the office sends a signed government document. */
export class SendReplyDto {
  @ApiPropertyOptional({ example: '郑政文〔2026〕12号', description: '仅建议提案处发出正式文件时：文号（整理时未填的须在此填写）' })
  @IsOptional()
  @IsString({ message: 'documentNumber 须为字符串' })
  @Matches(/\S/, { message: '文号不能为空' })
  @MaxLength(100, { message: '文号不能超过 100 字' })
  documentNumber?: string;
}
