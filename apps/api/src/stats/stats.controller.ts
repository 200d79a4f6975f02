import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { ErrorDto } from '../common/error.dto';
import { KpiItemsQueryDto, KpiQueryDto, PublicStatsQueryDto } from './stats.dto';
import { StatsService } from './stats.service';

const RULES = '计数规则见 docs/kpis.md：以“件×答复单位”为一个计数单元；每轮答复按其自身期限判定是否按时；逾期未反馈不计为满意；满意＝满意＋基本满意。';

@ApiTags('stats 办理统计（第十六条）')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED（details.fields 指明字段）' })
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER' })
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('kpis')
  @Roles('office', 'npc_liaison', 'cppcc_liaison', 'vice_mayor', 'unit_leader', 'unit_handler')
  @ApiOperation({
    summary: '考核指标：按时答复率、见面沟通率、重点件及建议案满意率、满意率、解决率',
    description:
      `总体、分口（人大/政协）、分单位、分分管副市长，每项给出分子、分母、比率、目标和是否达标；asOf 给出截至该日末的数字。` +
      `范围按角色限定：办公厅看全部，联络机构看本口，承办单位看本单位，副市长看分管。openPromises：B类答复（正在解决或列入计划）的承诺尚未兑现的件数（仅供参考，无目标）。${RULES}`,
  })
  kpis(@Query() q: KpiQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.kpis(user, q);
  }

  @Get('kpis/items')
  @Roles('office', 'npc_liaison', 'cppcc_liaison', 'vice_mayor', 'unit_leader', 'unit_handler')
  @ApiOperation({ summary: '指标明细：某一数字背后的件', description: `按指标和结果（分子、分母、未决或某一结果）列出件和答复单位，按编号排序。${RULES}` })
  items(@Query() q: KpiItemsQueryDto, @CurrentUser() user: AuthUser) {
    return this.stats.items(user, q);
  }
}

/** SPEC §7: each unit's overall handling figures on the public site. */
@ApiTags('public 办理结果公开')
@Controller('public')
export class PublicStatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('stats')
  @Public()
  @ApiOperation({ summary: '各承办单位办理情况统计（公开）', description: '只有数字（分子、分母、比率、目标），不含任何个人信息。' })
  figures(@Query() q: PublicStatsQueryDto) {
    return this.stats.publicStats(q.year);
  }
}
