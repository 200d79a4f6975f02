import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { IdempotencyKey } from '../common/api-docs';
import { ErrorDto } from '../common/error.dto';
import { CalendarAdminService } from './admin.service';
import { CalendarOverviewDto, CalendarYearDto, CalendarYearSavedDto, PutCalendarYearDto } from './dto/calendar.dto';
import { YearPipe } from './year.pipe';

const YearParam = () => ApiParam({ name: 'year', example: 2027, description: '年份（四位数字）' });

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE：仅系统管理员（admin）可用' })
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED：details.fields 指明无效的字段（如 year、days.0.date）' })
@Controller('admin/calendar')
export class CalendarAdminController {
  constructor(private readonly calendar: CalendarAdminService) {}

  @Get()
  @ApiOperation({
    summary: '节假日日历概况',
    description: '已录入的年份（来源、更新时间），以及 2024 年至明年之间尚未录入的年份（status = missing，如“2027年节假日安排尚未录入”）。',
  })
  @ApiOkResponse({ type: CalendarOverviewDto })
  overview(): Promise<CalendarOverviewDto> {
    return this.calendar.overview();
  }

  @Get(':year')
  @YearParam()
  @ApiOperation({ summary: '某年的节假日与调休上班日', description: '未录入的年份 covered = false，days 为空。' })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param('year', YearPipe) year: number): Promise<CalendarYearDto> {
    return this.calendar.year(year);
  }

  @Put(':year')
  @YearParam()
  @ApiOperation({
    summary: '录入或修订某年的节假日安排（整体替换）',
    description:
      '以提交的 days 整体替换该年数据，并将该年标记为已录入。校验：日期须在该年内、不得重复；' +
      'workday（调休上班）须在周六或周日；holiday 通常在工作日，落在周末的会在 warnings 中提示。' +
      '保存后，期限涉及该年的在办件（未归档、已交办）按修改后的日历重新计算期限（第七条、第十九条，SPEC §5）：' +
      '每件以其登记时的政策、自接办之日起重新计算尚未届满的退转期限和答复期限，有变化的记录 DeadlinesRecomputed 事件' +
      '（写明原因“节假日安排调整：<年> 年（管理员 <账号>）”），计时随之调整。已届满的期限（已关闭的退转期限、已过的答复期限）不变，' +
      '按新日历会提前到已过去时刻的期限也不变。重新计算作为后台操作进行（operationId，GET /api/operations/{id} 查看进度；' +
      '工作进程或 API 崩溃后从中断处继续，每件只重新计算一次；带相同 Idempotency-Key 重试时不会再次执行）：' +
      '若在响应前完成，状态 200，recomputeRunningItems 给出重新计算的件数、有变化的件数和失败的件（一件失败不影响其他件）；否则状态 202，recomputeRunningItems 为 null。' +
      '此后交办的件按新数据计算。',
  })
  @IdempotencyKey()
  @ApiOkResponse({ type: CalendarYearSavedDto, description: '已保存，在办件的期限已重新计算完毕' })
  @ApiAcceptedResponse({ type: CalendarYearSavedDto, description: '已保存，在办件的期限正在后台重新计算（recomputeRunningItems 为 null）' })
  async replace(
    @Param('year', YearPipe) year: number,
    @Body() dto: PutCalendarYearDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<CalendarYearSavedDto> {
    const saved = await this.calendar.replaceYear(year, dto, user, meta);
    if (!saved.recomputeRunningItems) res.status(202);
    return saved;
  }
}
