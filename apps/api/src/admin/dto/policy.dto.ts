import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, Max, Min, registerDecorator, ValidateIf, ValidateNested, type ValidationOptions } from 'class-validator';
import { MAX_REMINDERS, obligationPeriodProblem, periodProblem, reminderListProblem, reminderPeriodProblem } from '../checks';
import { evaluationWeightsProblem } from '@jyta/stats-domain';

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

/** A reminder interval: days or seconds, more than zero (reminderPeriodProblem). */
export function IsReminderInterval(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isReminderInterval',
      target: object.constructor,
      propertyName,
      options: { message: (args) => `${propertyName}：${reminderPeriodProblem(args.value, true) ?? '无效的间隔'}`, ...options },
      validator: { validate: (v: unknown) => reminderPeriodProblem(v, true) === undefined },
    });
}

/** A list of reminder lead times (reminderListProblem). */
export function IsReminderList(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isReminderList',
      target: object.constructor,
      propertyName,
      options: { message: (args) => `${propertyName}：${reminderListProblem(args.value) ?? '无效的提醒设置'}`, ...options },
      validator: { validate: (v: unknown) => reminderListProblem(v) === undefined },
    });
}

/** A period of the obligations (obligationPeriodProblem): escalation interval, promise follow-up period and report time. */
export function IsObligationPeriod(field: 'supervisionReminderEvery' | 'promiseFollowUpEvery' | 'promiseReportWithin', options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isObligationPeriod',
      target: object.constructor,
      propertyName,
      options: { message: (args) => `${propertyName}：${obligationPeriodProblem(field, args.value) ?? '无效的期间'}`, ...options },
      validator: { validate: (v: unknown) => obligationPeriodProblem(field, v) === undefined },
    });
}

/** 年终考核 weights (evaluationWeightsProblem of @jyta/stats-domain): one non-negative number per figure, not all 0. */
export function IsEvaluationWeights(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isEvaluationWeights',
      target: object.constructor,
      propertyName,
      options: { message: (args) => `${propertyName}：${evaluationWeightsProblem(args.value) ?? '无效的权重'}`, ...options },
      validator: { validate: (v: unknown) => evaluationWeightsProblem(v) === undefined },
    });
}

/** 年终考核 (Art. 21): each Art. 16 figure's weight in the ranking. */
export class EvaluationWeightsDto {
  @ApiProperty({ example: 30, minimum: 0, description: '按时答复率' }) on_time: number;
  @ApiProperty({ example: 20, minimum: 0, description: '见面沟通率' }) face_to_face: number;
  @ApiProperty({ example: 15, minimum: 0, description: '重点建议提案及建议案满意率' }) key_satisfaction: number;
  @ApiProperty({ example: 25, minimum: 0, description: '满意率' }) satisfaction: number;
  @ApiProperty({ example: 10, minimum: 0, description: '解决率（A类）' }) solved: number;
}

/** 督办台账 (SPEC §4.3): the day of each month progress reports are due. */
export class ProgressReportDaysDto {
  @ApiProperty({ example: 22, minimum: 1, maximum: 31, description: '会办单位向主办单位报送进展的日期（每月几日；小月取月末）' })
  @IsDefined({ message: 'co 为必填项' })
  @IsInt({ message: 'co 须为 1–31 的整数' })
  @Min(1, { message: 'co 须为 1–31 的整数' })
  @Max(31, { message: 'co 须为 1–31 的整数' })
  co: number;

  @ApiProperty({ example: 25, minimum: 1, maximum: 31, description: '主办、单独或分别办理的单位向建议提案处报送进展的日期（每月几日）' })
  @IsDefined({ message: 'lead 为必填项' })
  @IsInt({ message: 'lead 须为 1–31 的整数' })
  @Min(1, { message: 'lead 须为 1–31 的整数' })
  @Max(31, { message: 'lead 须为 1–31 的整数' })
  lead: number;
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

  @ApiPropertyOptional({ example: 'P30D', description: `征求意见表反馈期限（第十一条，自函复之日起算），届满未反馈记为“逾期未反馈”。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  feedbackPeriod?: string;

  @ApiPropertyOptional({ example: 'P1M', description: `重新办理答复期限：代表委员退回后，承办单位重新答复的期限（自退回之日起算，第十条、第十九条）。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  rehandlingPeriod?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['P30D', 'P7D'],
    description: `催办：答复期限届满前多久提醒承办单位（可多次，最多 ${MAX_REMINDERS} 次；空数组表示不提醒）。只能以日（P7D）或秒（PT30S，仅非生产环境）计。`,
  })
  @Given()
  @IsReminderList()
  replyReminders?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['P3D'],
    description: `催办：退转期限届满前多久提醒（最多 ${MAX_REMINDERS} 次；空数组表示不提醒）。只能以日或秒计。`,
  })
  @Given()
  @IsReminderList()
  returnWindowReminders?: string[];

  @ApiPropertyOptional({ example: 'P7D', description: '超期未答复时每隔多久催办一次（第十九条）。只能以日（P7D）或秒（仅非生产环境）计，须大于零。' })
  @Given()
  @IsReminderInterval()
  overdueReminderEvery?: string;

  @ApiPropertyOptional({ example: 'P30D', description: `会办意见期限：主办单位答复期限届满前多久（SPEC §4.2）；不少于主办单位期限的一半。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  coUnitOpinionLeadTime?: string;

  @ApiPropertyOptional({ type: ProgressReportDaysDto, description: '督办台账：每月报送办理进展的日期（SPEC §4.3），两项须一并提交' })
  @Given()
  @IsObject({ message: 'progressReportDays 须为对象 {co, lead}' })
  @ValidateNested()
  @Type(() => ProgressReportDaysDto)
  progressReportDays?: ProgressReportDaysDto;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['P7D', 'P3D'],
    description: `催办升级：答复期限届满前多久同时提醒承办单位分管领导（最多 ${MAX_REMINDERS} 次；空数组表示不提醒）。只能以日或秒计。`,
  })
  @Given()
  @IsReminderList()
  leaderReminders?: string[];

  @ApiPropertyOptional({ example: 'P7D', description: '催办升级：超期且未说明延期时，立即并每隔多久通报人大选任联工委/政协提案委和建议提案处。只能以日或秒计，须大于零。' })
  @Given()
  @IsObligationPeriod('supervisionReminderEvery')
  supervisionReminderEvery?: string;

  @ApiPropertyOptional({ example: 'P3M', description: `承诺事项跟踪：B类答复发出后每隔多久请答复单位报告进展，直至办结。须大于零。${PERIOD_HELP}` })
  @Given()
  @IsObligationPeriod('promiseFollowUpEvery')
  promiseFollowUpEvery?: string;

  @ApiPropertyOptional({ example: 'P15D', description: '承诺事项跟踪：每次请报后多久内报送。只能以日或秒计，须大于零。' })
  @Given()
  @IsObligationPeriod('promiseReportWithin')
  promiseReportWithin?: string;

  @ApiPropertyOptional({ example: 'P1M', description: `总结工作（第十二条）：当年承办 2 件以上的单位，最后一件办结后多久内报送办理工作总结。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  unitSummaryPeriod?: string;

  @ApiPropertyOptional({ example: 'P7D', description: `总结工作：报送期限届满前多久提醒。${PERIOD_HELP}` })
  @Given()
  @IsPolicyPeriod()
  unitSummaryReminderBefore?: string;

  @ApiPropertyOptional({
    type: EvaluationWeightsDto,
    description: '年终考核（第二十一条）各指标权重：五项均须提交，均为不小于 0 的数且不全为 0；为相对权重，按原值保存，考核时除以其总和（归一），故 30/20/15/25/10 与 0.3/0.2/0.15/0.25/0.1 结果相同',
  })
  @Given()
  @IsEvaluationWeights()
  evaluationWeights?: EvaluationWeightsDto;
}

export class PolicyLabelsDto {
  @ApiProperty({ example: '15日' }) returnWindow: string;
  @ApiProperty({ example: '3个月' }) replyPeriod: string;
  @ApiProperty({ example: '1个月' }) urgentReplyPeriod: string;
  @ApiProperty({ example: '30日' }) feedbackPeriod: string;
  @ApiProperty({ example: '1个月' }) rehandlingPeriod: string;
  @ApiProperty({ type: String, isArray: true, example: ['30日', '7日'] }) replyReminders: string[];
  @ApiProperty({ type: String, isArray: true, example: ['3日'] }) returnWindowReminders: string[];
  @ApiProperty({ example: '7日' }) overdueReminderEvery: string;
  @ApiProperty({ example: '30日' }) coUnitOpinionLeadTime: string;
  @ApiProperty({ type: String, isArray: true, example: ['7日', '3日'] }) leaderReminders: string[];
  @ApiProperty({ example: '7日' }) supervisionReminderEvery: string;
  @ApiProperty({ example: '3个月' }) promiseFollowUpEvery: string;
  @ApiProperty({ example: '15日' }) promiseReportWithin: string;
  @ApiProperty({ example: '1个月' }) unitSummaryPeriod: string;
  @ApiProperty({ example: '7日' }) unitSummaryReminderBefore: string;
}

export class PolicyDto {
  @ApiProperty({ example: 2, description: '政策版本号；内置默认值为版本 1' }) version: number;
  @ApiProperty({ example: 'P15D', description: '退转期限' }) returnWindow: string;
  @ApiProperty({ example: 'P3M', description: '答复期限' }) replyPeriod: string;
  @ApiProperty({ example: 'P1M', description: '紧急件答复期限' }) urgentReplyPeriod: string;
  @ApiProperty({ example: 'P30D', description: '征求意见表反馈期限' }) feedbackPeriod: string;
  @ApiProperty({ example: 'P1M', description: '重新办理答复期限（自代表委员退回之日起）' }) rehandlingPeriod: string;
  @ApiProperty({ type: String, isArray: true, example: ['P30D', 'P7D'], description: '答复期限届满前催办' }) replyReminders: string[];
  @ApiProperty({ type: String, isArray: true, example: ['P3D'], description: '退转期限届满前提醒' }) returnWindowReminders: string[];
  @ApiProperty({ example: 'P7D', description: '超期后每隔多久催办' }) overdueReminderEvery: string;
  @ApiProperty({ example: 'P30D', description: '会办意见期限（主办单位答复期限前）' }) coUnitOpinionLeadTime: string;
  @ApiProperty({ type: ProgressReportDaysDto, description: '督办台账每月报送日' }) progressReportDays: ProgressReportDaysDto;
  @ApiProperty({ type: String, isArray: true, example: ['P7D', 'P3D'], description: '答复期限届满前提醒分管领导' }) leaderReminders: string[];
  @ApiProperty({ example: 'P7D', description: '超期未说明时通报联络机构和建议提案处的间隔' }) supervisionReminderEvery: string;
  @ApiProperty({ example: 'P3M', description: 'B类答复承诺事项请报周期' }) promiseFollowUpEvery: string;
  @ApiProperty({ example: 'P15D', description: '承诺事项每次报送期限' }) promiseReportWithin: string;
  @ApiProperty({ example: 'P1M', description: '年度办理工作总结报送期限（最后一件办结后）' }) unitSummaryPeriod: string;
  @ApiProperty({ example: 'P7D', description: '年度办理工作总结到期前提醒' }) unitSummaryReminderBefore: string;
  @ApiProperty({ type: EvaluationWeightsDto, description: '年终考核各指标权重（相对权重，考核时按总和归一；默认 30/20/15/25/10）' }) evaluationWeights: EvaluationWeightsDto;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '发布时间；内置默认值为 null' })
  createdAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin', description: '发布人账号；内置默认值为 null' })
  createdBy: string | null;
  @ApiProperty({ type: PolicyLabelsDto, description: '各期间的中文写法' }) labels: PolicyLabelsDto;
}
