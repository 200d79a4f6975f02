import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe, UnitIdPipe } from '../common/params';
import { AssignProposalDto, ReassignPartDto } from './dto/assignment.dto';
import { ListProposalsQueryDto } from './dto/list-query.dto';
import { RegisterProposalDto } from './dto/register.dto';
import { ItemCommand } from './item-command';
import { ProposalDetailDto, ProposalEventDto, ProposalFiguresDto, ProposalListPageDto } from './dto/responses.dto';
import { ContactDto, ExplanationDto, FeedbackRecipientDto, ReturnDecisionDto, ReturnRequestDto } from './dto/unit-actions.dto';
import { ProposalCommands } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';
import { IdempotencyKey, IdParam, UnitParam } from '../common/api-docs';

@ApiTags('proposals 建议提案')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED（details.fields 指明字段）/ INVALID_JSON' })
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE / NOT_YOUR_UNIT / NOT_YOUR_ITEM' })
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly commands: ProposalCommands,
  ) {}

  @Post()
  @Roles('office')
  @IdempotencyKey()
  @ApiOperation({ summary: '登记一件建议 / 提案', description: '编号按年度和类别自动分配，如 2026-建议-0001。' })
  @ApiCreatedResponse({ type: ProposalDetailDto })
  register(@Body() dto: RegisterProposalDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<ProposalDetailDto> {
    return this.commands.register(dto, user, meta);
  }

  @Get()
  @ApiOperation({
    summary: '建议提案列表',
    description: '按角色限定范围：办公厅看全部；承办单位只看曾交办本单位的件；联络机构只看本口；代表委员只看本人的件。',
  })
  @ApiOkResponse({ type: ProposalListPageDto })
  list(@Query() query: ListProposalsQueryDto, @CurrentUser() user: AuthUser) {
    return this.queries.list(user, query);
  }

  @Get('figures')
  @ApiOperation({
    summary: '办理情况统计（看板）',
    description: '与列表相同的筛选与范围，在数据库中对范围内全部件计数：各办理阶段、超期、7/30 日内届满，以及各承办单位。分页参数不起作用。',
  })
  @ApiOkResponse({ type: ProposalFiguresDto })
  figures(@Query() query: ListProposalsQueryDto, @CurrentUser() user: AuthUser) {
    return this.queries.figures(user, query);
  }

  @Get(':id')
  @IdParam()
  @ApiOperation({ summary: '建议提案详情（含各单位期限）' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND' })
  detail(@Param('id', ProposalIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<ProposalDetailDto> {
    return this.queries.detail(id, user);
  }

  @Get(':id/events')
  @IdParam()
  @ApiOperation({ summary: '办理履历：该件的全部事件，按版本排序' })
  @ApiOkResponse({ type: ProposalEventDto, isArray: true })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND' })
  events(@Param('id', ProposalIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<ProposalEventDto[]> {
    return this.queries.events(id, user);
  }

  @Post(':id/assignment')
  @ItemCommand({
    roles: ['office'],
    summary: '交办（第六条）',
    description: '期限自接办之日次日起算；退转期限届满后不能退转。',
    conflicts: 'ALREADY_ASSIGNED 等',
  })
  @IdParam()
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND' })
  assign(
    @Param('id', ProposalIdPipe) id: string,
    @Body() dto: AssignProposalDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.assign(id, dto, user, meta);
  }

  @Post(':id/units/:unitId/receipt')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '签收（第十七条）',
    description: '只记录签收时间，不改变任何期限。',
    conflicts: 'ALREADY_SIGNED / NOT_ASSIGNED_TO_UNIT',
  })
  @IdParam()
  @UnitParam()
  receipt(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(id, unitId, { type: 'SignReceipt', data: { unitId } }, user, meta);
  }

  @Post(':id/units/:unitId/return-request')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '申请退转（第七条）',
    description: '须在接办之日起 15 日内（政策可调）以公函说明理由。',
    conflicts: 'RETURN_WINDOW_CLOSED / RETURN_ALREADY_REQUESTED / NOT_ASSIGNED_TO_UNIT',
  })
  @IdParam()
  @UnitParam()
  returnRequest(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ReturnRequestDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(id, unitId, { type: 'RequestReturn', data: { unitId, reason: dto.reason } }, user, meta);
  }

  @Post(':id/units/:unitId/return-decision')
  @ItemCommand({
    roles: ['office'],
    summary: '退转决定',
    description: '同意：该单位退出本件（无主办单位时待重新交办）；不同意：单位继续办理。',
    conflicts: 'NO_RETURN_REQUEST / ALREADY_DECIDED / NOT_ASSIGNED_TO_UNIT',
  })
  @IdParam()
  @UnitParam()
  returnDecision(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ReturnDecisionDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.decideReturn(id, unitId, dto.approve, dto.comment, user, meta);
  }

  @Post(':id/units/:unitId/reassignment')
  @ItemCommand({
    roles: ['office'],
    summary: '改派退转的部分（分别办理，第六条、第七条）',
    description:
      '分别办理中某单位退转已同意后，该单位的部分待改派：交给另一单位办理，新单位的退转期限和答复期限自其接办之日次日重新起算；' +
      '其他单位的部分（期限、答复）不受影响。路径中的 unitId 为已退转的单位。',
    conflicts: 'NO_PART_AWAITING_REASSIGNMENT（该单位没有待改派的部分）/ UNIT_ALREADY_ON_ITEM（新单位已承办或已退转本件某一部分）/ ARCHIVED',
  })
  @IdParam()
  @UnitParam()
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND' })
  reassignPart(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ReassignPartDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.reassignPart(id, unitId, dto, user, meta);
  }

  @Post(':id/feedback-recipient')
  @ItemCommand({
    roles: ['office'],
    summary: '指定征求意见表填写人（第十一、十四条）',
    description:
      '领衔人无账号时，办公室指定本件的一位提出人接收征求意见表（只能是本件提出人，杜绝“被满意”）。待反馈的答复随即向其重新发放：新链接（有账号发至其账号，否则短信或电子邮件），原链接作废。',
    conflicts: 'LEAD_PROPOSER_HAS_ACCOUNT / ARCHIVED',
  })
  @IdParam()
  feedbackRecipient(
    @Param('id', ProposalIdPipe) id: string,
    @Body() dto: FeedbackRecipientDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.designateFeedbackRecipient(id, dto.proposerIndex, user, meta);
  }

  @Post(':id/units/:unitId/contacts')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '记录与代表委员的沟通（第十四、十六条）',
    description: '答复前须与提出人沟通；面商率是考核指标。',
    conflicts: 'NOT_ASSIGNED_TO_UNIT',
  })
  @IdParam()
  @UnitParam()
  contact(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ContactDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(
      id,
      unitId,
      { type: 'RecordContact', data: { unitId, method: dto.method, on: dto.on, summary: dto.summary } },
      user,
      meta,
    );
  }

  @Post(':id/units/:unitId/explanation')
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '延期说明（第十九条）',
    description: '答复期限届满前提交：困难、措施、预计办结日期；提交后逾期为“已说明延期”，否则为超期并追究责任。',
    conflicts: 'REPLY_DEADLINE_PASSED / NOT_ANSWERING_UNIT / NOT_ASSIGNED_TO_UNIT',
  })
  @IdParam()
  @UnitParam()
  explanation(
    @Param('id', ProposalIdPipe) id: string,
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: ExplanationDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(
      id,
      unitId,
      { type: 'FileExplanation', data: { unitId, reasons: dto.reasons, measures: dto.measures, expectedOn: dto.expectedOn } },
      user,
      meta,
    );
  }
}
