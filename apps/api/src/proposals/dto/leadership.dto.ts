import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** 提请阅批 (Art. 6): which vice mayor the office puts the major item before. */
export class SubmitMajorItemDto {
  @ApiProperty({ example: 'vice-mayor-1', description: '分管副市长（用户名）' })
  @IsDefined({ message: 'viceMayor 为必填项' })
  @IsString({ message: 'viceMayor 须为字符串' })
  @Matches(/\S/, { message: 'viceMayor 不能为空' })
  @MaxLength(100, { message: 'viceMayor 不能超过 100 字' })
  viceMayor: string;

  @ApiPropertyOptional({ example: '涉及全市轨道交通线网调整，属重大事项', description: '提请说明' })
  @IsOptional()
  @IsString({ message: 'note 须为字符串' })
  @MaxLength(2000, { message: 'note 不能超过 2000 字' })
  note?: string;
}

/** 阅批 (Art. 6): the vice mayor's instructions (批示), if any. */
export class ApproveMajorItemDto {
  @ApiPropertyOptional({ example: '请市交通局牵头，会同市发展改革委年内拿出方案', description: '批示' })
  @IsOptional()
  @IsString({ message: 'instructions 须为字符串' })
  @MaxLength(5000, { message: 'instructions 不能超过 5000 字' })
  instructions?: string;
}

/** 阅示 (Art. 9): the vice mayor's comment on a satisfied reply, if any. */
export class ReadReplyDto {
  @ApiPropertyOptional({ example: '已阅，继续跟踪落实', description: '阅示意见' })
  @IsOptional()
  @IsString({ message: 'comment 须为字符串' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 字' })
  comment?: string;
}
