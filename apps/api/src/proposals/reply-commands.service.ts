import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { currentStage, findReply, STAGE_LABEL, type Reply, type ReviewStage } from '@jyta/proposal-domain';
import { findFeedbackForm } from '@jyta/proposal-registry';
import { AppException, invalidField, notYourItem, notYourUnit } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import type { AuthUser } from '../auth/auth-user';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { ChooseDisclosureDto } from './dto/disclosure.dto';
import type { PromiseProgressDto } from './dto/promise.dto';
import type { CompileGovernmentDocumentDto, DraftReplyDto, FeedbackDto, ReviewReplyDto, SendReplyDto } from './dto/reply.dto';
import { ProposalCommands, REGISTRATION_ID_NAMESPACE } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';

/**
 * Which review stage a role may decide (Art. 9, 18). The vice mayor approves a joint reply or
 * opinion, and signs a provincial/national item's government document: whichever the reply waits for.
 */
function stageOfRole(role: AuthUser['role'], reply: Reply): ReviewStage | undefined {
  switch (role) {
    case 'unit_leader':
    case 'office':
    case 'office_reviewer':
      return role;
    case 'vice_mayor':
      return currentStage(reply) === 'vice_mayor_signature' ? 'vice_mayor_signature' : 'vice_mayor';
    default:
      return undefined;
  }
}

const replyNotFound = (replyId: string) => new AppException(404, 'REPLY_NOT_FOUND', `答复 ${replyId} 不存在`);
const tokenNotFound = () => new AppException(404, 'FEEDBACK_TOKEN_NOT_FOUND', '征求意见表链接无效');

/** 答复 and 反馈 through the item's workflow, with the checks of who may act that the domain cannot know. */
@Injectable()
export class ReplyCommands {
  constructor(
    private readonly infra: Infrastructure,
    private readonly queries: ProposalQueries,
    private readonly commands: ProposalCommands,
  ) {}

  async draft(id: string, dto: DraftReplyDto, user: AuthUser, meta: CommandMeta) {
    if (user.unitId !== dto.unitId) throw notYourUnit(dto.unitId);
    const item = await this.queries.load(id);
    if (!item.state.units.some((u) => u.unitId === dto.unitId)) throw notYourItem();
    // Same Idempotency-Key, same reply id: a retried draft is one draft.
    const replyId = meta.idempotencyKey ? uuidv5(`reply:${user.id}:${meta.idempotencyKey}`, REGISTRATION_ID_NAMESPACE) : randomUUID();
    const detail = await this.commands.send(
      id,
      { type: 'DraftReply', data: { replyId, unitId: dto.unitId, category: dto.category, body: dto.body, ...(dto.cc ? { cc: dto.cc } : {}) } },
      user,
      meta,
      dto.unitId,
    );
    return { replyId, ...detail };
  }

  async review(id: string, replyId: string, dto: ReviewReplyDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const reply = findReply(item.state, replyId);
    if (!reply) throw replyNotFound(replyId);
    const stage = stageOfRole(user.role, reply);
    if (!stage) throw new AppException(403, 'FORBIDDEN_ROLE', '当前角色无权执行此操作');
    if (stage === 'unit_leader' && user.unitId !== reply.unitId) throw notYourUnit(reply.unitId);
    // The vice mayor in charge, when the assignment named one — for approving and for signing (Art. 9, 10).
    const inCharge = item.state.assignment?.leaderInCharge;
    if ((stage === 'vice_mayor' || stage === 'vice_mayor_signature') && inCharge && inCharge !== user.username) {
      throw new AppException(403, 'NOT_IN_CHARGE', `此件由 ${inCharge} 分管，应由其${stage === 'vice_mayor' ? '审核' : '审核签发'}`);
    }
    const waiting = currentStage(reply);
    if (waiting && waiting !== stage) {
      throw new AppException(409, 'WRONG_REVIEW_STAGE', `该答复正等待「${STAGE_LABEL[waiting]}」`, { stage: waiting });
    }
    return this.commands.send(
      id,
      { type: 'ReviewReply', data: { replyId, stage, approve: dto.approve, ...(dto.comment !== undefined ? { comment: dto.comment } : {}) } },
      user,
      meta,
      replyId,
    );
  }

  /**
   * 函复 (Art. 10): the unit sends its approved reply — for a provincial/national item, its opinion
   * to the proposer; the office sends a provincial/national item's signed government document.
   */
  async send(id: string, replyId: string, dto: SendReplyDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const reply = findReply(item.state, replyId);
    if (!reply) throw replyNotFound(replyId);
    if (user.role === 'office') {
      return this.commands.send(
        id,
        { type: 'SendGovernmentDocument', data: { replyId, ...(dto.documentNumber !== undefined ? { documentNumber: dto.documentNumber } : {}) } },
        user,
        meta,
        replyId,
      );
    }
    if (user.unitId !== reply.unitId) throw notYourUnit(reply.unitId);
    if (dto.documentNumber !== undefined) throw invalidField('documentNumber', '文号仅由建议提案处发出正式文件时填写');
    return this.commands.send(id, { type: 'SendReply', data: { replyId } }, user, meta, replyId);
  }

  /** 整理形成政府正式文件 (Art. 9, 10): the office, once the proposer accepted the opinion (or gave no feedback). */
  async compileDocument(id: string, replyId: string, dto: CompileGovernmentDocumentDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    if (!findReply(item.state, replyId)) throw replyNotFound(replyId);
    return this.commands.send(
      id,
      {
        type: 'CompileGovernmentDocument',
        data: {
          replyId,
          body: dto.body,
          ...(dto.documentNumber !== undefined ? { documentNumber: dto.documentNumber } : {}),
          ...(dto.title !== undefined ? { title: dto.title } : {}),
        },
      },
      user,
      meta,
      replyId,
    );
  }

  /** 办理结果公开 (Art. 20): the reply's unit chooses; the office may review the choice. */
  async chooseDisclosure(id: string, replyId: string, dto: ChooseDisclosureDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const reply = findReply(item.state, replyId);
    if (!reply) throw replyNotFound(replyId);
    if (user.role !== 'office' && user.unitId !== reply.unitId) throw notYourUnit(reply.unitId);
    return this.commands.send(
      id,
      {
        type: 'ChooseDisclosure',
        data: {
          replyId,
          mode: dto.mode,
          ...(dto.summary !== undefined ? { summary: dto.summary } : {}),
          ...(dto.reason !== undefined ? { reason: dto.reason } : {}),
        },
      },
      user,
      meta,
      replyId,
    );
  }

  /** 承诺事项跟踪: the reply's own unit reports on its category B promise (after archiving too). */
  async reportPromiseProgress(id: string, replyId: string, dto: PromiseProgressDto, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    const reply = findReply(item.state, replyId);
    if (!reply) throw replyNotFound(replyId);
    if (user.unitId !== reply.unitId) throw notYourUnit(reply.unitId);
    return this.commands.send(id, { type: 'ReportPromiseProgress', data: { unitId: reply.unitId, replyId, text: dto.text, done: dto.done } }, user, meta, replyId);
  }

  /** What the proposer sees behind the link: the item, the reply, whether the form is still open. */
  async feedbackForm(token: string) {
    const t = await findFeedbackForm(this.infra.pool, token);
    if (!t) throw tokenNotFound();
    const item = await this.queries.load(t.proposalId);
    const reply = findReply(item.state, t.replyId);
    if (!reply) throw tokenNotFound();
    return {
      proposal: { id: item.id, number: item.state.details!.number, title: item.state.details!.title },
      reply: { id: reply.replyId, unitId: reply.unitId, round: reply.round, category: reply.category, body: reply.body, sentAt: reply.sentAt },
      open: reply.status === 'sent' && item.state.status !== 'archived',
      feedbackDueAt: reply.feedbackDueAt,
      answered: !!reply.feedback,
    };
  }

  async submitFeedback(token: string, dto: FeedbackDto, meta: CommandMeta) {
    const t = await findFeedbackForm(this.infra.pool, token);
    if (!t) throw tokenNotFound();
    // The token is the proposer's proof (Art. 14: no unit may fill in feedback); one answer per form.
    const actor = { userId: `feedback-token:${t.replyId}`, username: t.recipient.channel === 'account' ? t.recipient.username : undefined, role: 'proposer', unitId: null };
    const detail = await this.commands.sendAs(
      t.proposalId,
      {
        type: 'SubmitFeedback',
        data: {
          replyId: t.replyId,
          attitude: dto.attitude,
          result: dto.result,
          contact: dto.contact,
          ...(dto.comments !== undefined ? { comments: dto.comments } : {}),
          sendBack: !!dto.sendBack,
        },
      },
      actor,
      meta,
      meta.idempotencyKey ? `SubmitFeedback:${t.replyId}:${meta.idempotencyKey}` : randomUUID(),
    );
    return { accepted: true, proposalStatus: detail.status };
  }
}

