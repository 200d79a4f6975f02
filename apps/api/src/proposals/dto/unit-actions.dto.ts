import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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
