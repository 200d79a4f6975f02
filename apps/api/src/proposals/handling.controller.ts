import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe, UnitIdPipe } from '../common/params';
import { CoUnitOpinionDto, InstructionsAnswerDto, InstructionsRequestDto, ProgressReportDto } from './dto/handling.dto';
import { ItemCommand } from './item-command';
import { ProposalDetailDto } from './dto/responses.dto';
import { HandlingCommands } from './handling-commands.service';

/** 会办意见, 请示, 督办台账: by the unit's handlers, for their own unit only; everyone who may read the item sees them in its detail. */
@ApiTags('handling 会办·请示·督办台账')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: '建议提案 id' })
@ApiParam({ name: 'unitId', example: 'wjw', description: '单位代码（只能是本单位）' })
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE / NOT_YOUR_UNIT（只能以本单位名义办理） / NOT_YOUR_ITEM' })
@Controller('proposals/:id/units/:unitId')
export class HandlingController {
  constructor(private readonly handling: HandlingCommands) {}

  @Post('co-opinion')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '提交会办意见',
    description:
      '主办+会办方式下，会办单位签收后将会办意见送主办单位，期限为主办单位答复期限前 30 日（政策可调）。' +
      '提交后本单位的会办任务完成（不再按月报送进度），仍可补充意见；逾期提交照收，标记为逾期。',
    conflicts: 'NOT_CO_UNIT / NOT_SIGNED / NOT_ASSIGNED_TO_UNIT / ARCHIVED',
  })
  coOpinion(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: CoUnitOpinionDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.handling.coUnitOpinion(id, unitId, dto, user, meta);
  }

  @Post('instructions')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '登记请示（第五条）',
    description:
      '涉及上级政府及其部门职权范围的事项，应逐级请示后再答复，不得越权答复。请示未得到答复前，本单位不能起草或发出答复；' +
      '会办单位的请示未答复时，主办单位的答复同样等待。返回 requestId。',
    conflicts: 'NOT_ASSIGNED_TO_UNIT / ARCHIVED',
    created: true,
    answers: '详情，另含 requestId',
  })
  requestInstructions(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: InstructionsRequestDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.handling.requestInstructions(id, unitId, dto, user, meta);
  }

  @Post('instructions/:requestId/answer')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '记录上级对请示的答复（第五条）',
    description: '记录批复内容和日期；该单位的所有请示均已答复后方可起草答复。',
    conflicts: 'INSTRUCTIONS_ALREADY_ANSWERED / NOT_ASSIGNED_TO_UNIT / ARCHIVED',
  })
  @ApiParam({ name: 'requestId', description: '请示编号（登记请示时返回）' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'INSTRUCTIONS_REQUEST_NOT_FOUND' })
  recordInstructions(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Param('requestId') requestId: string,
    @Body() dto: InstructionsAnswerDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.handling.recordInstructions(id, unitId, requestId, dto, user, meta);
  }

  @Post('progress-reports')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '报送月度办理进度（督办台账）',
    description:
      '办理期间按月报送：会办单位每月 22 日前报主办单位，主办（单独、分别办理）单位每月 25 日前报建议提案处（政策可调，遇节假日不顺延）。' +
      '自接办次月起报送；逾期未报由系统记入督办台账（不影响办理），逾期报送照收并标记。',
    conflicts: 'PROGRESS_ALREADY_REPORTED / NOT_HANDLING / NOT_SIGNED / NOT_ASSIGNED_TO_UNIT / ARCHIVED',
  })
  progressReport(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ProgressReportDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.handling.progressReport(id, unitId, dto, user, meta);
  }
}
