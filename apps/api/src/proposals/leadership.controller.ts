import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { IdempotencyKey } from '../common/api-docs';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe } from '../common/params';
import { ApproveMajorItemDto, ReadReplyDto, SubmitMajorItemDto } from './dto/leadership.dto';
import { ProposalDetailDto } from './dto/responses.dto';
import { LeadershipCommands } from './leadership.service';

@ApiTags('leadership 阅批·阅示')
@ApiBearerAuth()
@Controller('proposals/:id')
export class LeadershipController {
  constructor(private readonly leadership: LeadershipCommands) {}

  @Post('major-approval/submission')
  @HttpCode(200)
  @IdempotencyKey()
  @Roles('office')
  @ApiOperation({ summary: '提请阅批（第六条）', description: '涉及改革、开放和经济发展全局以及群众生活重大事项的，提请政府分管领导阅批后交办。' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'NOT_MAJOR_ITEM / ALREADY_ASSIGNED / ALREADY_DECIDED' })
  submit(@Param('id', ProposalIdPipe) id: string, @Body() dto: SubmitMajorItemDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta) {
    return this.leadership.submitMajorItem(id, dto, user, meta);
  }

  @Post('major-approval')
  @HttpCode(200)
  @IdempotencyKey()
  @Roles('vice_mayor')
  @ApiOperation({ summary: '阅批（第六条）', description: '提请的分管副市长阅批，可附批示；阅批后方可交办。' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_IN_CHARGE：提请的是另一位副市长' })
  @ApiConflictResponse({ type: ErrorDto, description: 'NOT_SUBMITTED_FOR_APPROVAL / ALREADY_DECIDED' })
  approve(@Param('id', ProposalIdPipe) id: string, @Body() dto: ApproveMajorItemDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta) {
    return this.leadership.approveMajorItem(id, dto, user, meta);
  }

  @Post('replies/:replyId/reading')
  @HttpCode(200)
  @IdempotencyKey()
  @Roles('vice_mayor')
  @ApiOperation({ summary: '阅示（第九条）', description: '政府组成部门办结且代表委员满意（含基本满意）的答复，报分管副市长阅示；归档后仍可阅示。' })
  @ApiOkResponse({ type: ProposalDetailDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'NOT_IN_CHARGE：非分管副市长' })
  @ApiConflictResponse({ type: ErrorDto, description: 'NOT_SATISFIED / NOT_A_DEPARTMENT / ALREADY_READ' })
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
