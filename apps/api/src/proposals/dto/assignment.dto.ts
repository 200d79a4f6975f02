import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ASSIGNMENT_MODES } from '@jyta/proposal-domain';
import { IsDateOnly, IsStringRecord, UNIT_CODE } from '../../common/validators';

/** 交办 (Art. 6). */
export class AssignProposalDto {
  @ApiProperty({ enum: ASSIGNMENT_MODES, description: 'single 单一办理 / lead 主办+会办 / separate 分别办理' })
  @IsDefined({ message: 'mode 为必填项' })
  @IsIn(ASSIGNMENT_MODES as string[], { message: `mode 须为 ${ASSIGNMENT_MODES.join(' / ')}` })
  mode: (typeof ASSIGNMENT_MODES)[number];

  @ApiProperty({ type: String, isArray: true, example: ['cjj'], description: '主办（单一 / 分别办理时为全部）单位代码' })
  @IsDefined({ message: 'leadUnitIds 为必填项' })
  @IsArray({ message: 'leadUnitIds 须为单位代码数组' })
  @ArrayMinSize(1, { message: '至少需要一个承办单位' })
  @ArrayMaxSize(50, { message: '承办单位过多' })
  @Matches(UNIT_CODE, { each: true, message: 'leadUnitIds 中的单位代码格式无效' })
  leadUnitIds: string[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['zfbzj'], description: '会办单位代码（仅 lead 模式）' })
  @IsOptional()
  @IsArray({ message: 'coUnitIds 须为单位代码数组' })
  @ArrayMaxSize(50, { message: '会办单位过多' })
  @Matches(UNIT_CODE, { each: true, message: 'coUnitIds 中的单位代码格式无效' })
  coUnitIds?: string[];

  @ApiProperty({ example: '2026-03-01', description: '接办之日 YYYY-MM-DD（通常为交办会日期），各项期限自次日起算' })
  @IsDefined({ message: 'assignedOn 为必填项' })
  @IsDateOnly({ message: 'assignedOn 须为有效日期，格式 YYYY-MM-DD' })
  assignedOn: string;

  @ApiPropertyOptional({ example: 'vice-mayor-1', description: '分管市领导' })
  @IsOptional()
  @IsString({ message: 'leaderInCharge 须为字符串' })
  @MaxLength(100, { message: 'leaderInCharge 不能超过 100 字' })
  leaderInCharge?: string;

  @ApiPropertyOptional({ example: '二处', description: '办公厅责任处室' })
  @IsOptional()
  @IsString({ message: 'division 须为字符串' })
  @MaxLength(100, { message: 'division 不能超过 100 字' })
  division?: string;

  @ApiPropertyOptional({ example: { cjj: '某某（办公室主任）' }, description: '各单位责任人：单位代码 → 姓名' })
  @IsOptional()
  @IsStringRecord({ message: 'responsiblePersons 须为对象（单位代码 → 责任人姓名）' })
  responsiblePersons?: Record<string, string>;
}

/** 改派 (Art. 6, 7): a returned unit's part of a 分别办理 item, to another unit with fresh deadlines. */
export class ReassignPartDto {
  @ApiProperty({ example: 'sjj', description: '接手该部分的单位代码（不能是已承办或已退转本件某一部分的单位）' })
  @IsDefined({ message: 'toUnitId 为必填项' })
  @IsString({ message: 'toUnitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'toUnitId 单位代码格式无效' })
  toUnitId: string;

  @ApiProperty({ example: '2026-03-20', description: '新单位的接办之日 YYYY-MM-DD（不早于同意退转之日、不晚于今天），退转期限和答复期限自次日重新起算' })
  @IsDefined({ message: 'assignedOn 为必填项' })
  @IsDateOnly({ message: 'assignedOn 须为有效日期，格式 YYYY-MM-DD' })
  assignedOn: string;

  @ApiPropertyOptional({ example: '某某（办公室主任）', description: '新单位的责任人' })
  @IsOptional()
  @IsString({ message: 'responsiblePerson 须为字符串' })
  @MaxLength(100, { message: 'responsiblePerson 不能超过 100 字' })
  responsiblePerson?: string;
}
