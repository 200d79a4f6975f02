/**
 * Replies (答复), their review chain (Art. 9, 18), sending (Art. 10) and the proposer's feedback
 * (Art. 11), as part of the item's decider. Every round is kept: a reply sent back for revision
 * stays 'returned_for_revision' and the unit drafts a new one; a reply the proposer sends back
 * stays 'closed' with sentBack, and the unit handles the item again and replies in a new round.
 */
import { computeDeadlineReported, parsePeriod, shanghaiDate } from '@jyta/calendar-domain';
import type { DecideContext, DraftReply, ReviewReply, SendReply } from '../../commands';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { DecidedEvent } from '../../events';
import { awaitingReply, findReply, isProvincialItem, opinionStages, sentBackByMergedItem } from '../../shared/queries';
import {
  activeUnits,
  answersForItself,
  currentStage,
  DEFAULT_POLICY,
  findActiveUnit,
  REPLY_CATEGORIES,
  type ProposalState,
  type Reply,
  type ReviewStage,
  type UnitAssignment,
} from '../../shared/model';

const replies = (s: ProposalState) => s.replies ?? [];

function requireReply(s: ProposalState, replyId: string): Reply {
  const r = findReply(s, replyId);
  if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId });
  return r;
}

/**
 * Art. 9: the unit's leader always; the vice mayor in charge when several units handle it together; the office's check last (Art. 18).
 * A provincial/national item's opinion has no office check: the office compiles it into a government document later.
 */
export function reviewStages(s: ProposalState, unit: UnitAssignment): ReviewStage[] {
  const jointly = s.assignment?.mode === 'lead' && activeUnits(s).length > 1 && unit.role === 'lead';
  if (isProvincialItem(s)) return opinionStages(jointly);
  return jointly ? ['unit_leader', 'vice_mayor', 'office'] : ['unit_leader', 'office'];
}

/** Art. 10: municipal replies go to the proposer, cc the vice mayor in charge, the liaison committee and the office. */
export function defaultCc(s: ProposalState): string[] {
  // A provincial/national opinion goes to the proposer and the office, which compiles the document (cc of Art. 10 then).
  if (isProvincialItem(s)) return ['市政府办公厅建议提案处'];
  const liaison = s.details?.kind === 'npc_suggestion' ? '市人大选任联工委' : '市政协提案委';
  return [s.assignment?.leaderInCharge ? `分管副市长（${s.assignment.leaderInCharge}）` : '分管副市长', liaison, '市政府办公厅建议提案处'];
}


export function assertReplyAllowed(command: DraftReply | ReviewReply | SendReply, state: ProposalState): void {
  switch (command.type) {
    case 'DraftReply': {
      const d = command.data;
      const unit = findActiveUnit(state, d.unitId);
      if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, `单位 ${d.unitId} 未承办此件或已退转`, 409, { unitId: d.unitId });
      if (!answersForItself(unit)) throw new DomainError(ErrorCodes.NOT_ANSWERING_UNIT, '会办单位不单独答复，会办意见送主办单位', 409);
      if (!unit.signedAt) throw new DomainError(ErrorCodes.NOT_SIGNED, '请先签收再起草答复（第十七条）');
      if (!awaitingReply(unit)) throw new DomainError(ErrorCodes.REPLY_IN_PROGRESS, '本轮答复已发出，等待代表委员反馈');
      if (replies(state).some((r) => r.unitId === d.unitId && (r.status === 'in_review' || r.status === 'approved'))) {
        throw new DomainError(ErrorCodes.REPLY_IN_PROGRESS, '已有答复在审查中或待发出');
      }
      if (findReply(state, d.replyId)) throw invalid('replyId', '答复编号重复');
      if (!REPLY_CATEGORIES.includes(d.category)) throw invalid('category', '类别须为 A、B、C 或 D（第十条）');
      if (!d.body?.trim()) throw invalid('body', '答复正文不能为空');
      return;
    }
    case 'ReviewReply': {
      const r = requireReply(state, command.data.replyId);
      const stage = currentStage(r);
      if (!stage) throw new DomainError(ErrorCodes.NOT_IN_REVIEW, '该答复不在审查中', 409, { status: r.status });
      if (stage !== command.data.stage) {
        throw new DomainError(ErrorCodes.WRONG_REVIEW_STAGE, `该答复正等待「${STAGE_LABEL[stage]}」审查`, 409, { stage });
      }
      if (!command.data.approve && !command.data.comment?.trim()) throw invalid('comment', '退回修改须写明意见');
      return;
    }
    case 'SendReply': {
      const r = requireReply(state, command.data.replyId);
      if (r.status === 'document_signed') {
        throw new DomainError(ErrorCodes.REPLY_NOT_APPROVED, '正式文件由市政府办公厅建议提案处发出（第十条）', 409, { status: r.status });
      }
      if (r.status !== 'approved') throw new DomainError(ErrorCodes.REPLY_NOT_APPROVED, '答复尚未审查通过，不能发出', 409, { status: r.status });
      return;
    }
  }
}

export const STAGE_LABEL: Record<ReviewStage, string> = {
  unit_leader: '单位分管领导',
  vice_mayor: '分管副市长',
  office: '建议提案处质量审查',
  office_reviewer: '办公厅相关处室审查',
  vice_mayor_signature: '分管副市长审核签发',
};

export function decideReply(
  command: DraftReply | ReviewReply | SendReply,
  state: ProposalState,
  ctx: DecideContext,
): DecidedEvent[] {
  const at = ctx.now;
  switch (command.type) {
    case 'DraftReply': {
      const d = command.data;
      const unit = findActiveUnit(state, d.unitId)!;
      // A reply sent back by the proposer, or by a merged item's proposer (并案办理, merging.ts), opens a new round.
      const round = replies(state).filter((r) => r.unitId === d.unitId && (r.sentBack || sentBackByMergedItem(r))).length + 1;
      return [
        {
          type: 'ReplyDrafted',
          occurredAt: at,
          data: {
            replyId: d.replyId,
            unitId: d.unitId,
            round,
            category: d.category,
            body: d.body,
            cc: d.cc?.length ? d.cc : defaultCc(state),
            stages: reviewStages(state, unit),
          },
        },
      ];
    }
    case 'ReviewReply': {
      const r = findReply(state, command.data.replyId)!;
      const approvedForSending = command.data.approve && r.reviews.filter((v) => v.approve).length + 1 === r.stages.length;
      return [
        {
          type: 'ReplyReviewed',
          occurredAt: at,
          data: { ...command.data, comment: command.data.comment?.trim() ?? '', approvedForSending },
        },
      ];
    }
    case 'SendReply': {
      const r = findReply(state, command.data.replyId)!;
      const period = parsePeriod(state.policy?.feedbackPeriod ?? DEFAULT_POLICY.feedbackPeriod!);
      if (period.unit !== 'second' && !ctx.calendar) throw new Error('decide(SendReply) needs the calendar');
      const due = computeDeadlineReported({
        start: shanghaiDate(at),
        startInstant: at,
        period,
        calendar: ctx.calendar ?? { coveredYears: [], overrides: [] },
      });
      // A provincial/national opinion goes to the proposer first (Art. 10); the answer proper is the government document.
      if (isProvincialItem(state)) return [{ type: 'OpinionSentToProposer', occurredAt: at, data: { replyId: r.replyId, unitId: r.unitId, feedbackDueAt: due.dueAt } }];
      return [{ type: 'ReplySent', occurredAt: at, data: { replyId: r.replyId, unitId: r.unitId, cc: r.cc, feedbackDueAt: due.dueAt } }];
    }
  }
}


/** evolve for the reply events; returns undefined for other events. */
export function evolveReply(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  const update = (replyId: string, f: (r: Reply) => Reply) => replies(state).map((r) => (r.replyId === replyId ? f(r) : r));
  const setUnit = (s: ProposalState, unitId: string, status: UnitAssignment['status']): ProposalState => ({
    ...s,
    units: s.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? { ...u, status } : u)),
  });
  switch (event.type) {
    case 'ReplyDrafted': {
      const d = event.data;
      const reply: Reply = { ...d, reviews: [], status: 'in_review', draftedAt: event.occurredAt };
      return { ...state, replies: [...replies(state), reply] };
    }
    case 'ReplyReviewed': {
      const d = event.data;
      return {
        ...state,
        replies: update(d.replyId, (r) => ({
          ...r,
          reviews: [...r.reviews, { stage: d.stage, approve: d.approve, comment: d.comment, at: event.occurredAt }],
          status: !d.approve ? 'returned_for_revision' : d.approvedForSending ? 'approved' : 'in_review',
        })),
      };
    }
    case 'ReplySent': {
      const d = event.data;
      const s = { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'sent' as const, sentAt: event.occurredAt, feedbackDueAt: d.feedbackDueAt })) };
      return setUnit(s, d.unitId, 'replied');
    }
    case 'OpinionSentToProposer': {
      const d = event.data;
      const s = { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'sent' as const, sentAt: event.occurredAt, feedbackDueAt: d.feedbackDueAt })) };
      return setUnit(s, d.unitId, 'replied');
    }
    default:
      return undefined;
  }
}
