import { Controller, Get, Injectable, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiBadRequestResponse } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional } from 'class-validator';
import { loadCalendar } from '@jyta/calendar-data-access';
import { computeDeadlineReported, parsePeriod, type Deadline } from '@jyta/calendar-domain';
import { DEFAULT_POLICY, withOpinionDues, type AssignedUnit, type Policy } from '@jyta/proposal-domain';
import { policyRecord } from '@jyta/proposal-registry';
import { Roles } from '../auth/decorators';
import { ErrorDto } from '../common/error.dto';
import { IsDateOnly } from '../common/validators';
import { Infrastructure } from '../infrastructure/infrastructure';

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class DeadlinePreviewQueryDto {
  @ApiProperty({ example: '2026-03-01', description: '接办之日 YYYY-MM-DD' })
  @IsDefined({ message: 'assignedOn 为必填项' })
  @IsDateOnly({ message: 'assignedOn 须为有效日期，格式 YYYY-MM-DD' })
  assignedOn: string;

  @ApiPropertyOptional({ description: '急需办理（按缩短的答复期限计算）' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'urgent 须为 true 或 false' })
  urgent?: boolean;
}

export class PreviewDeadlineDto {
  @ApiProperty({ nullable: true, type: String, example: '2026-03-16' }) lastDay: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: '期限计算说明（节假日、调休）' }) explanation: string;
  @ApiProperty({ description: '涉及尚未录入节假日安排的年份，暂按普通周计算' }) provisional: boolean;
}

export class DeadlinePreviewDto {
  @ApiProperty({ example: '2026-03-01' }) assignedOn: string;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ description: '计算所用政策版本' }) policyVersion: number;
  @ApiProperty({ type: PreviewDeadlineDto, description: '退转期限' }) returnWindow: PreviewDeadlineDto;
  @ApiProperty({ type: PreviewDeadlineDto, description: '答复期限' }) replyDue: PreviewDeadlineDto;
  @ApiProperty({ type: PreviewDeadlineDto, description: '会办单位的会办意见期限（主办单位答复期限前，政策可调）' })
  opinionDue: PreviewDeadlineDto;
}

const view = (d: Deadline): PreviewDeadlineDto => ({
  lastDay: d.lastDay,
  dueAt: d.dueAt,
  explanation: d.explanation.text,
  provisional: !!d.provisional,
});

/** The deadlines an assignment would give, computed as the item's AssignProposal will (decider.ts). */
@Injectable()
export class DeadlinePreviewService {
  constructor(private readonly infra: Infrastructure) {}

  async preview(q: DeadlinePreviewQueryDto): Promise<DeadlinePreviewDto> {
    const record = await policyRecord(this.infra.pool);
    const policy: Policy = { ...DEFAULT_POLICY, ...record?.policy };
    const year = Number(q.assignedOn.slice(0, 4));
    const calendar = await loadCalendar(this.infra.pool, year, year + 2);
    const at = new Date().toISOString();
    const urgent = !!q.urgent;
    const count = (period: string) => computeDeadlineReported({ start: q.assignedOn, startInstant: at, period: parsePeriod(period), calendar });
    const unit = (role: 'lead' | 'co'): AssignedUnit => ({
      unitId: role,
      role,
      returnWindow: count(policy.returnWindow),
      replyDue: count(urgent ? policy.urgentReplyPeriod : policy.replyPeriod),
    });
    const [lead, co] = withOpinionDues([unit('lead'), unit('co')], { assignedOn: q.assignedOn, at, policy, calendar });
    return {
      assignedOn: q.assignedOn,
      urgent,
      policyVersion: policy.version,
      returnWindow: view(lead.returnWindow),
      replyDue: view(lead.replyDue),
      opinionDue: view(co.opinionDue!),
    };
  }
}

@ApiTags('calendar 期限')
@ApiBearerAuth()
@Roles('office', 'admin')
@Controller('calendar')
export class DeadlinePreviewController {
  constructor(private readonly service: DeadlinePreviewService) {}

  @Get('preview')
  @ApiOperation({
    summary: '交办前预览期限（只读）',
    description: '按当前政策和节假日日历，计算以 assignedOn 为接办之日的退转期限、答复期限和会办意见期限及其计算说明；不记录任何事件。',
  })
  @ApiOkResponse({ type: DeadlinePreviewDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE：仅建议提案处、系统管理员' })
  preview(@Query() q: DeadlinePreviewQueryDto): Promise<DeadlinePreviewDto> {
    return this.service.preview(q);
  }
}

@Module({ controllers: [DeadlinePreviewController], providers: [DeadlinePreviewService] })
export class DeadlinePreviewModule {}
