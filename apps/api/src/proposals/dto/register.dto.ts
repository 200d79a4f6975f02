import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PROPOSAL_KINDS, PROPOSAL_LEVELS, SESSION_PERIODS } from '@jyta/proposal-domain';

const NOT_BLANK = /\S/;

export class ProposerDto {
  @ApiProperty({ example: '测试代表甲', description: '提出人姓名（联名时每人一条）' })
  @IsDefined({ message: '提出人姓名为必填项' })
  @IsString({ message: '提出人姓名须为字符串' })
  @Matches(NOT_BLANK, { message: '提出人姓名不能为空' })
  @MaxLength(100, { message: '提出人姓名不能超过 100 字' })
  name: string;

  @ApiPropertyOptional({ example: '金水区代表团', description: '代表团 / 界别' })
  @IsOptional()
  @IsString({ message: '代表团或界别须为字符串' })
  @MaxLength(100, { message: '代表团或界别不能超过 100 字' })
  delegation?: string;

  @ApiPropertyOptional({ example: '13800000000', description: '联系电话（个人信息，不公开）' })
  @IsOptional()
  @IsString({ message: '联系电话须为字符串' })
  @MaxLength(50, { message: '联系电话不能超过 50 字' })
  phone?: string;

  @ApiPropertyOptional({ example: 'daibiao@example.cn', description: '电子邮箱（个人信息，不公开）；无账号、无电话时征求意见表链接发送至此' })
  @IsOptional()
  @IsString({ message: '电子邮箱须为字符串' })
  @MaxLength(200, { message: '电子邮箱不能超过 200 字' })
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: '电子邮箱格式不正确' })
  email?: string;

  @ApiPropertyOptional({ description: '通讯地址（个人信息，不公开）' })
  @IsOptional()
  @IsString({ message: '通讯地址须为字符串' })
  @MaxLength(200, { message: '通讯地址不能超过 200 字' })
  address?: string;

  @ApiPropertyOptional({ example: 'deputy-1', description: '关联的代表 / 委员账号' })
  @IsOptional()
  @IsString({ message: '账号须为字符串' })
  @MaxLength(100, { message: '账号不能超过 100 字' })
  username?: string;
}

/** 登记 (SPEC §10 register). */
export class RegisterProposalDto {
  @ApiProperty({ enum: PROPOSAL_KINDS, description: '人大代表建议 / 政协委员提案 / 政协建议案' })
  @IsDefined({ message: 'kind 为必填项' })
  @IsIn(PROPOSAL_KINDS as string[], { message: `kind 须为 ${PROPOSAL_KINDS.join(' / ')}` })
  kind: (typeof PROPOSAL_KINDS)[number];

  @ApiProperty({ enum: PROPOSAL_LEVELS, description: '本级 / 省级交办 / 全国交办' })
  @IsDefined({ message: 'level 为必填项' })
  @IsIn(PROPOSAL_LEVELS as string[], { message: `level 须为 ${PROPOSAL_LEVELS.join(' / ')}` })
  level: (typeof PROPOSAL_LEVELS)[number];

  @ApiProperty({ example: 2026, description: '届次年份' })
  @IsDefined({ message: 'sessionYear 为必填项' })
  @IsInt({ message: 'sessionYear 须为整数年份' })
  @Min(2000, { message: 'sessionYear 不能早于 2000' })
  @Max(2100, { message: 'sessionYear 不能晚于 2100' })
  sessionYear: number;

  @ApiProperty({ enum: SESSION_PERIODS, description: '会议期间 plenary / 闭会期间 interim' })
  @IsDefined({ message: 'period 为必填项' })
  @IsIn(SESSION_PERIODS as string[], { message: `period 须为 ${SESSION_PERIODS.join(' / ')}` })
  period: (typeof SESSION_PERIODS)[number];

  @ApiProperty({ example: '关于推进老旧小区加装电梯的建议' })
  @IsDefined({ message: '标题为必填项' })
  @IsString({ message: '标题须为字符串' })
  @Matches(NOT_BLANK, { message: '标题不能为空' })
  @MaxLength(200, { message: '标题不能超过 200 字' })
  title: string;

  @ApiProperty({ description: '正文' })
  @IsDefined({ message: '正文为必填项' })
  @IsString({ message: '正文须为字符串' })
  @Matches(NOT_BLANK, { message: '正文不能为空' })
  @MaxLength(50_000, { message: '正文不能超过 50000 字' })
  content: string;

  @ApiPropertyOptional({ example: '城乡建设', description: '类别 / 主题' })
  @IsOptional()
  @IsString({ message: '类别须为字符串' })
  @MaxLength(50, { message: '类别不能超过 50 字' })
  topic?: string;

  @ApiProperty({ type: ProposerDto, isArray: true, minItems: 1 })
  @IsDefined({ message: '提出人为必填项' })
  @IsArray({ message: '提出人须为数组' })
  @ArrayMinSize(1, { message: '至少需要一位提出人' })
  @ArrayMaxSize(200, { message: '提出人不能超过 200 位' })
  @ValidateNested({ each: true })
  @Type(() => ProposerDto)
  proposers: ProposerDto[];

  @ApiPropertyOptional({ description: '重点建议 / 重点提案' })
  @IsOptional()
  @IsBoolean({ message: 'key 须为 true 或 false' })
  key?: boolean;

  @ApiPropertyOptional({ description: '关系全局或群众生活的重大事项（须分管领导阅批后交办）' })
  @IsOptional()
  @IsBoolean({ message: 'major 须为 true 或 false' })
  major?: boolean;

  @ApiPropertyOptional({ description: '急需办理（缩短答复期限）' })
  @IsOptional()
  @IsBoolean({ message: 'urgent 须为 true 或 false' })
  urgent?: boolean;
}
