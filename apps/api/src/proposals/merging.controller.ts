import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe } from '../common/params';
import { MergeProposalsDto, SplitProposalDto } from './dto/merging.dto';
import { ItemCommand } from './item-command';
import { OperationAcceptedDto } from '../operations/dto/operation.dto';
import { isAccepted, MergingCommands, type MergingAnswer } from './merging-commands.service';

type StatusSetter = { status(code: number): unknown };
/** 202 when the operation goes on in the background (it did not finish while the request waited). */
const answer = (a: MergingAnswer, res: StatusSetter) => {
  if (isAccepted(a)) res.status(202);
  return a;
};
const StillRunning = () =>
  ApiAcceptedResponse({ type: OperationAcceptedDto, description: '未在等待时间内完成，正在后台继续（崩溃后从中断处继续）；进度见 GET /api/operations/{id}' });

@ApiTags('merging 并案办理')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: '主件 id' })
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED（itemIds / itemId）' })
@ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND（details.itemId 指明哪一件）' })
@Controller('proposals/:id')
export class MergingController {
  constructor(private readonly merging: MergingCommands) {}

  @Post('merge')
  @ItemCommand({
    roles: ['office'],
    summary: '并案办理：将内容相同或相近的件并入主件',
    description:
      '登记交办时决定，所有件均须未交办；人大代表建议只与建议并案，政协提案、建议案只与政协提案、建议案并案。' +
      '主件交办、办理，并案件随主件办理；主件每次答复均送达各并案件，各件提出人分别填写征求意见表（第十、十一条），各自办结归档（第十七条）。' +
      '全部检查通过才执行（全有或全无），拒绝时 details.itemId 指明哪一件。各件的步骤作为后台操作执行：中途某件拒绝时已完成的步骤撤销；' +
      '工作进程或 API 崩溃后从中断处继续；带相同 Idempotency-Key 重试为同一操作。',
    conflicts: 'ALREADY_ASSIGNED / MERGED_INTO_OTHER / HAS_MERGED_ITEMS / MERGE_CHAMBER_MISMATCH / MERGE_NOT_MUNICIPAL / ARCHIVED',
    answers: '主件详情（mergedItems 列出并案件）',
  })
  @StillRunning()
  async merge(
    @Param('id', ProposalIdPipe) id: string,
    @Body() dto: MergeProposalsDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: StatusSetter,
  ): Promise<MergingAnswer> {
    return answer(await this.merging.merge(id, dto, user, meta), res);
  }

  @Post('split')
  @ItemCommand({
    roles: ['office'],
    summary: '拆分：并案件恢复单独办理',
    description: '该件回到“已登记，待交办”，可单独交办；已收到的答复副本均保留。已办结归档的件不能拆分。',
    conflicts: 'NOT_MERGED / MERGED_ITEM_DONE',
    answers: '主件详情',
  })
  @StillRunning()
  async split(
    @Param('id', ProposalIdPipe) id: string,
    @Body() dto: SplitProposalDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: StatusSetter,
  ): Promise<MergingAnswer> {
    return answer(await this.merging.split(id, dto, user, meta), res);
  }
}
