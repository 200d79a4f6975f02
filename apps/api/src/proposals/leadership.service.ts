import { Injectable } from '@nestjs/common';
import { findReply } from '@jyta/proposal-domain';
import { AppException, invalidField } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import type { AuthUser } from '../auth/auth-user';
import { DirectoryService } from '../directory/directory.service';
import type { ApproveMajorItemDto, ReadReplyDto, SubmitMajorItemDto } from './dto/leadership.dto';
import { ProposalCommands } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';

/** 阅批 (Art. 6) and 阅示 (Art. 9): who may act is the API's check; what may happen is the domain's. */
@Injectable()
export class LeadershipCommands {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly commands: ProposalCommands,
    private readonly directory: DirectoryService,
  ) {}

  async submitMajorItem(id: string, dto: SubmitMajorItemDto, user: AuthUser, meta: CommandMeta) {
    await this.queries.load(id);
    const viceMayor = dto.viceMayor.trim();
    if (!(await this.directory.isViceMayor(viceMayor))) {
      throw invalidField('viceMayor', `${viceMayor} 不是分管副市长的用户名`);
    }
    return this.commands.send(id, { type: 'SubmitMajorItemForApproval', data: { viceMayor, ...(dto.note !== undefined ? { note: dto.note } : {}) } }, user, meta);
  }

  async approveMajorItem(id: string, dto: ApproveMajorItemDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const to = item.state.majorApproval?.viceMayor;
    // Only the leader it was put before reads and approves it.
    if (to && to !== user.username) throw new AppException(403, 'NOT_IN_CHARGE', `此件已提请 ${to} 阅批，应由其阅批`);
    return this.commands.send(id, { type: 'ApproveMajorItem', data: { ...(dto.instructions !== undefined ? { instructions: dto.instructions } : {}) } }, user, meta);
  }

  /** 阅示: satisfied replies of government departments (政府组成部门), by the vice mayor in charge. */
  async readReply(id: string, replyId: string, dto: ReadReplyDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const reply = findReply(item.state, replyId);
    if (!reply) throw new AppException(404, 'REPLY_NOT_FOUND', `答复 ${replyId} 不存在`);
    const inCharge = item.state.assignment?.leaderInCharge;
    if (inCharge && inCharge !== user.username) throw new AppException(403, 'NOT_IN_CHARGE', `此件由 ${inCharge} 分管，应由其阅示`);
    if ((await this.directory.unitKind(reply.unitId)) !== 'department') {
      throw new AppException(409, 'NOT_A_DEPARTMENT', '只有政府组成部门办结的满意件报分管副市长阅示（第九条）', { unitId: reply.unitId });
    }
    return this.commands.send(
      id,
      { type: 'ReadSatisfiedReply', data: { replyId, by: user.username, ...(dto.comment !== undefined ? { comment: dto.comment } : {}) } },
      user,
      meta,
      replyId,
    );
  }
}
