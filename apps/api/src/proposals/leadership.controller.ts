import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe } from '../common/params';
import { ApproveMajorItemDto, ReadReplyDto, SubmitMajorItemDto } from './dto/leadership.dto';
import { ItemCommand } from './item-command';
import { LeadershipCommands } from './leadership.service';

@ApiTags('leadership 阅批·阅示')
@ApiBearerAuth()
@Controller('proposals/:id')
export class LeadershipController {
  constructor(private readonly leadership: LeadershipCommands) {}

  @Post('major-approval/submission')
  @ItemCommand({
    roles: ['office'],
    summary: '提请阅批（第六条）',
    description: '涉及改革、开放和经济发展全局以及群众生活重大事项的，提请政府分管领导阅批后交办。',
    conflicts: 'NOT_MAJOR_ITEM / ALREADY_ASSIGNED / ALREADY_DECIDED',
  })
  submit(@Param('id', ProposalIdPipe) id: string, @Body() dto: SubmitMajorItemDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta) {
    return this.leadership.submitMajorItem(id, dto, user, meta);
  }

  @Post('major-approval')
  @ItemCommand({
    roles: ['vice_mayor'],
    summary: '阅批（第六条）',
    description: '提请的分管副市长阅批，可附批示；阅批后方可交办。',
    conflicts: 'NOT_SUBMITTED_FOR_APPROVAL / ALREADY_DECIDED',
  })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_IN_CHARGE：提请的是另一位副市长' })
  approve(@Param('id', ProposalIdPipe) id: string, @Body() dto: ApproveMajorItemDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta) {
    return this.leadership.approveMajorItem(id, dto, user, meta);
  }

  @Post('replies/:replyId/reading')
  @ItemCommand({
    roles: ['vice_mayor'],
    summary: '阅示（第九条）',
    description: '政府组成部门办结且代表委员满意（含基本满意）的答复，报分管副市长阅示；归档后仍可阅示。',
    conflicts: 'NOT_SATISFIED / NOT_A_DEPARTMENT / ALREADY_READ',
  })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_IN_CHARGE：非分管副市长' })
  read(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Body() dto: ReadReplyDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ) {
    return this.leadership.readReply(id, replyId, dto, user, meta);
  }
}
