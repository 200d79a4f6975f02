import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe } from '../common/params';
import { ChooseDisclosureDto } from './dto/disclosure.dto';
import { PromiseProgressDto } from './dto/promise.dto';
import {
  CompileGovernmentDocumentDto,
  DraftReplyDto,
  FeedbackDto,
  ReviewReplyDto,
  SendReplyDto,
} from './dto/reply.dto';
import { FeedbackRateLimitGuard } from './feedback-rate-limit';
import { ItemCommand } from './item-command';
import { ReplyCommands } from './reply-commands.service';

@ApiTags('replies 答复')
@ApiBearerAuth()
@Controller('proposals/:id/replies')
export class RepliesController {
  constructor(private readonly replies: ReplyCommands) {}

  @Post()
  @ItemCommand({
    roles: ['unit_handler'],
    summary: '起草答复（第九、十条）',
    description: '签收后由主办或分别办理单位起草；送单位分管领导审查。省级、全国件（省政府办公厅交办）起草的是办理和答复意见，先送代表委员征求意见，满意后由建议提案处整理成市政府正式文件。',
    conflicts: 'NOT_SIGNED / NOT_ANSWERING_UNIT / REPLY_IN_PROGRESS / ARCHIVED',
    created: true,
  })
  draft(@Param('id', ProposalIdPipe) id: string, @Body() dto: DraftReplyDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta) {
    return this.replies.draft(id, dto, user, meta);
  }

  @Post(':replyId/review')
  @ItemCommand({
    roles: ['unit_leader', 'vice_mayor', 'office', 'office_reviewer'],
    summary: '审查答复（第九、十八条）',
    description:
      '本级件：单位分管领导 → （多单位办理时）分管副市长 → 建议提案处质量审查。省级、全国件的办理和答复意见：单位分管领导 → （多单位办理时）分管副市长；' +
      '其市政府正式文件：办公厅相关处室（office_reviewer）审查 → 分管副市长审核签发。环节由角色确定；任何一级可退回（须写明意见），每轮均保留。分管副市长须为交办时指定的分管领导。',
    conflicts: 'WRONG_REVIEW_STAGE / NOT_IN_REVIEW',
  })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_YOUR_UNIT / NOT_IN_CHARGE' })
  review(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: ReviewReplyDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.replies.review(id, replyId, dto, user, meta);
  }

  @Post(':replyId/send')
  @ItemCommand({
    roles: ['unit_handler', 'office'],
    summary: '函复（第十条）',
    description:
      '承办单位：审查通过后发出，附征求意见表；抄送按第十条。省级、全国件由承办单位将办理和答复意见先送代表委员征求意见。' +
      '建议提案处：发出已签发的市政府正式文件（省级、全国件），抄报省人大选任联工委、省政府办公厅、省政协提案委；本单位办结，全部办结后归档。',
    conflicts: 'REPLY_NOT_APPROVED / DOCUMENT_NOT_SIGNED / NOT_PROVINCIAL',
  })
  send(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: SendReplyDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.replies.send(id, replyId, dto ?? {}, user, meta);
  }

  @Post(':replyId/government-document')
  @ItemCommand({
    roles: ['office'],
    summary: '整理形成市政府正式文件（第九、十条）',
    description:
      '省级、全国件：代表委员对办理和答复意见满意（或基本满意）后——逾期未反馈的亦须答复——由建议提案处整理成正式文件，送办公厅相关处室审查、分管副市长审核签发；被退回的重新整理，每轮均保留。',
    conflicts: 'NOT_PROVINCIAL / NOT_AWAITING_DOCUMENT / ARCHIVED',
    created: true,
  })
  compileDocument(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: CompileGovernmentDocumentDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.replies.compileDocument(id, replyId, dto, user, meta);
  }

  @Post(':replyId/disclosure')
  @ItemCommand({
    roles: ['unit_handler', 'office'],
    summary: '选择公开方式（第二十条）',
    description: '“谁办理、谁答复、谁公开”：答复发出后由答复单位选择全文公开、摘要公开或不予公开（须说明理由）；建议提案处可复核改选。以最后一次为准，每次均保留；归档后仍可选择。',
    conflicts: 'REPLY_NOT_SENT',
  })
  disclosure(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: ChooseDisclosureDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.replies.chooseDisclosure(id, replyId, dto, user, meta);
  }

  @Post(':replyId/promise-progress')
  @ItemCommand({
    roles: ['unit_handler', 'unit_leader'],
    summary: '报告B类答复承诺事项的办理进展',
    description:
      'B类答复（正在解决或已列入计划逐步解决）是承诺：答复发出后系统按政策周期（默认每 3 个月）请答复单位报告进展，直至报告办结（done=true）。归档后仍须报告。',
    conflicts: 'NOT_A_PROMISE / PROMISE_FULFILLED',
  })
  promiseProgress(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: PromiseProgressDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.replies.reportPromiseProgress(id, replyId, dto, user, meta);
  }
}

/**
 * The 征求意见表 behind the proposer's link: whoever holds the token is the proposer (Art. 11, 14).
 * Rate-limited per client address; the access log shows the path as /api/feedback/[redacted].
 */
@ApiTags('feedback 征求意见表')
@Controller('feedback')
@UseGuards(FeedbackRateLimitGuard)
@ApiTooManyRequestsResponse({ type: ErrorDto, description: 'TOO_MANY_REQUESTS（按来源地址限流，见 Retry-After）' })
export class FeedbackController {
  constructor(private readonly replies: ReplyCommands) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: '查看征求意见表（代表委员持链接）' })
  form(@Param('token') token: string) {
    return this.replies.feedbackForm(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '提交征求意见表', description: '每张表只能提交一次；sendBack=true 退回重新办理。任何单位都不能代填（杜绝“被满意”）。' })
  @ApiConflictResponse({ type: ErrorDto, description: 'FEEDBACK_NOT_OPEN / ARCHIVED' })
  submit(@Param('token') token: string, @Body() dto: FeedbackDto, @Meta() meta: CommandMeta) {
    return this.replies.submitFeedback(token, dto, meta);
  }
}
