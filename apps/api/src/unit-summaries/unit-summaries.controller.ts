import { Body, Controller, Get, HttpCode, Injectable, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowNotFoundError } from '@temporalio/common';
import { listUnitSummaries, type UnitSummaryView } from '@jyta/proposal-read-models';
import { submitUnitSummaryUpdate, unitSummaryWorkflowId } from '@jyta/workflows';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { AppException, notYourUnit } from '../common/app-exception';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { Infrastructure } from '../infrastructure/infrastructure';
import { actorOf } from '../proposals/proposal-commands.service';
import { SubmitUnitSummaryDto, UnitSummaryDto, UnitSummaryQueryDto } from './unit-summaries.dto';

const view = (s: UnitSummaryView): UnitSummaryDto => ({
  unitId: s.unitId,
  year: s.year,
  status: s.status,
  items: s.items ?? null,
  lastDoneAt: s.lastDoneAt ?? null,
  dueAt: s.dueAt ?? null,
  remindedAt: s.remindedAt ?? null,
  overdueAt: s.overdueAt ?? null,
  overdue: s.overdue,
  submittedAt: s.submittedAt ?? null,
  text: s.text ?? null,
  late: s.late ?? null,
});

const notOwed = () => new AppException(409, 'UNIT_SUMMARY_NOT_OWED', '本单位该年度尚无须报送办理工作总结（第十二条：承办 2 件以上且全部办结后报送）');

@Injectable()
export class UnitSummaries {
  constructor(private readonly infra: Infrastructure) {}

  async list(filters: { year?: number; unitId?: string }): Promise<UnitSummaryDto[]> {
    return (await listUnitSummaries(this.infra.pool, filters)).map(view);
  }

  async submit(unitId: string, year: number, text: string, user: AuthUser, meta: CommandMeta): Promise<UnitSummaryDto> {
    if (user.unitId !== unitId) throw notYourUnit(unitId);
    // Nothing owed yet (no stream): answered from the store, without asking Temporal.
    if (!(await this.list({ unitId, year })).length) throw notOwed();
    const handle = this.infra.client.workflow.getHandle(unitSummaryWorkflowId(unitId, year, this.infra.config.temporalTaskQueue));
    try {
      await this.infra.withCommandDeadline(() =>
        handle.executeUpdate(submitUnitSummaryUpdate, {
          args: [{ text, actor: actorOf(user), correlationId: meta.correlationId }],
          ...(meta.idempotencyKey ? { updateId: `unit-summary:${unitId}:${year}:${user.id}:${meta.idempotencyKey}` } : {}),
        }),
      );
    } catch (e) {
      // No workflow: the unit's items of that year are not all done (or fewer than two).
      if (e instanceof WorkflowNotFoundError) throw notOwed();
      throw e;
    }
    const [s] = await this.list({ unitId, year });
    if (!s) throw notOwed();
    return s;
  }
}

/** 总结工作 (Art. 12): each unit's yearly review and summary to the office. */
@ApiTags('unit summaries 办理工作总结')
@ApiBearerAuth()
@Controller()
export class UnitSummariesController {
  constructor(private readonly summaries: UnitSummaries) {}

  @Post('units/:unitId/summaries/:year')
  @HttpCode(200)
  @Roles('unit_leader')
  @ApiOperation({
    summary: '报送年度办理工作总结（第十二条）',
    description: '当年承办 2 件以上的单位，在全部办结后的政策期限（默认 1 个月）内由单位领导报送书面总结；逾期仍可报送并记为逾期。',
  })
  @ApiOkResponse({ type: UnitSummaryDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_YOUR_UNIT' })
  @ApiConflictResponse({ type: ErrorDto, description: 'UNIT_SUMMARY_NOT_OWED / UNIT_SUMMARY_SUBMITTED' })
  submit(
    @Param('unitId') unitId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: SubmitUnitSummaryDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<UnitSummaryDto> {
    return this.summaries.submit(unitId, year, dto.text, user, meta);
  }

  @Get('units/:unitId/summaries')
  @Roles('unit_leader', 'unit_handler', 'office')
  @ApiOperation({ summary: '本单位的年度办理工作总结义务（应报送、已报送）' })
  @ApiOkResponse({ type: UnitSummaryDto, isArray: true })
  ofUnit(@Param('unitId') unitId: string, @Query() q: UnitSummaryQueryDto, @CurrentUser() user: AuthUser): Promise<UnitSummaryDto[]> {
    if (user.role !== 'office' && user.unitId !== unitId) throw notYourUnit(unitId);
    return this.summaries.list({ unitId, year: q.year });
  }

  @Get('unit-summaries')
  @Roles('office', 'npc_liaison', 'cppcc_liaison')
  @ApiOperation({ summary: '各单位年度办理工作总结一览（建议提案处）', description: '应报送、已报送、逾期的单位；用于起草政府系统全年办理工作总结报告。' })
  @ApiOkResponse({ type: UnitSummaryDto, isArray: true })
  all(@Query() q: UnitSummaryQueryDto): Promise<UnitSummaryDto[]> {
    return this.summaries.list({ year: q.year });
  }
}
