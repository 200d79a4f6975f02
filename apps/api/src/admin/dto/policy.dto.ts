import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { periodProblem } from '../checks';

/** A policy period: 'P15D', 'P3M', 'P10WD', 'PT30S' (parsePeriod), at most about a year. */
export function IsPolicyPeriod(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPolicyPeriod',
      target: object.constructor,
      propertyName,
      options: {
        message: (args) => `${propertyName}：${periodProblem(args.value) ?? '无效的期间'}`,
        ...options,
      },
      validator: { validate: (v: unknown) => periodProblem(v) === undefined },
    });
}

/** Present means set (null is refused, not "unchanged"). */
const Given = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

const PERIOD_HELP = 'ISO 8601 风格期间：P15D＝15日，P3M＝3个月，P10WD＝10个工作日，PT30S＝30秒（仅非生产环境，供测试）';

/** PUT /api/admin/policy: any subset of the durations; fields left out keep their value. */
export class UpdatePolicyDto {
  @ApiPropertyOptional({ example: 'P15D', description: `退转期限（第七条，自接办之日次日起算）。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  returnWindow?: string;

  @ApiPropertyOptional({ example: 'P3M', description: `答复期限（自交办之日起）。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  replyPeriod?: string;

  @ApiPropertyOptional({ example: 'P1M', description: `紧急件答复期限。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  urgentReplyPeriod?: string;
}

export class PolicyLabelsDto {
  @ApiProperty({ example: '15日' }) returnWindow: string;
  @ApiProperty({ example: '3个月' }) replyPeriod: string;
  @ApiProperty({ example: '1个月' }) urgentReplyPeriod: string;
}

export class PolicyDto {
  @ApiProperty({ example: 2, description: '政策版本号；内置默认值为版本 1' }) version: number;
  @ApiProperty({ example: 'P15D', description: '退转期限' }) returnWindow: string;
  @ApiProperty({ example: 'P3M', description: '答复期限' }) replyPeriod: string;
  @ApiProperty({ example: 'P1M', description: '紧急件答复期限' }) urgentReplyPeriod: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '发布时间；内置默认值为 null' })
  createdAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin', description: '发布人账号；内置默认值为 null' })
  createdBy: string | null;
  @ApiProperty({ type: PolicyLabelsDto, description: '各期间的中文写法' }) labels: PolicyLabelsDto;
}
