import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_PROMISE_REPORT } from '@jyta/proposal-domain';

/** 承诺事项跟踪: the unit's report on what its category B reply promised. */
export class PromiseProgressDto {
  @ApiProperty({ example: '一期工程已完工，二期已列入 2027 年计划。', description: '承诺事项的办理进展' })
  @IsDefined({ message: 'text 为必填项' })
  @IsString({ message: 'text 须为字符串' })
  @Matches(/\S/, { message: '请填写承诺事项的办理进展' })
  @MaxLength(MAX_PROMISE_REPORT, { message: `text 不能超过 ${MAX_PROMISE_REPORT} 字` })
  text: string;

  @ApiProperty({ example: false, description: 'true：承诺事项已办结（此后不再催报）' })
  @IsDefined({ message: 'done 为必填项' })
  @IsBoolean({ message: 'done 须为 true 或 false' })
  done: boolean;
}
