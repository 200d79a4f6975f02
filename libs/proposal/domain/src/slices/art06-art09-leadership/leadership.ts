/**
 * The vice mayor's two readings (SPEC §2, §4.7):
 * - 阅批 (Art. 6): an item about reform, opening-up and the economy as a whole, or a major matter
 *   of people's lives (`major`), is put before the leader in charge, who reads and instructs
 *   (批示) before it may be assigned;
 * - 阅示 (Art. 9): every item done by a government department with the proposer satisfied is put
 *   before the vice mayor in charge for reading. It is a reading, not a step of the handling, so
 *   it may come after the item is archived.
 */
import type { ProposalCommand } from '../../commands';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { DecidedEvent } from '../../events';
import type { ProposalState, Reply } from '../../shared/model';

export type LeadershipCommand = Extract<
  ProposalCommand,
  { type: 'SubmitMajorItemForApproval' | 'ApproveMajorItem' | 'ReadSatisfiedReply' }
>;

/** A satisfied or basically satisfied answer on the form, without a send-back. */
export const isSatisfied = (r: Reply) => !!r.feedback && !r.feedback.sendBack && r.feedback.result !== 'dissatisfied';

/** A major item may be assigned only once its leader in charge has read and approved it (Art. 6). */
export function assertMajorItemApproved(state: ProposalState): void {
  if (!state.details?.major || state.majorApproval?.approvedAt) return;
  throw new DomainError(
    ErrorCodes.MAJOR_APPROVAL_REQUIRED,
    state.majorApproval
      ? `该件为重大事项，已提请 ${state.majorApproval.viceMayor} 阅批，阅批后方可交办（第六条）`
      : '该件为重大事项，须先提请政府分管领导阅批后交办（第六条）',
    409,
    { viceMayor: state.majorApproval?.viceMayor ?? null },
  );
}

export function assertLeadershipAllowed(command: LeadershipCommand, state: ProposalState): void {
  switch (command.type) {
    case 'SubmitMajorItemForApproval': {
      if (!state.details?.major) throw new DomainError(ErrorCodes.NOT_MAJOR_ITEM, '该件不是重大事项，无须阅批', 409);
      if (state.status !== 'registered') throw new DomainError(ErrorCodes.ALREADY_ASSIGNED, '该件已交办，阅批须在交办之前（第六条）', 409);
      if (state.majorApproval?.approvedAt) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该件已阅批', 409);
      if (!command.data.viceMayor?.trim()) throw invalid('viceMayor', '请指定提请阅批的分管领导');
      return;
    }
    case 'ApproveMajorItem': {
      if (!state.majorApproval) throw new DomainError(ErrorCodes.NOT_SUBMITTED_FOR_APPROVAL, '该件尚未提请阅批', 409);
      if (state.majorApproval.approvedAt) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该件已阅批', 409);
      return;
    }
    case 'ReadSatisfiedReply': {
      const r = (state.replies ?? []).find((x) => x.replyId === command.data.replyId);
      if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId: command.data.replyId });
      if (!isSatisfied(r)) throw new DomainError(ErrorCodes.NOT_SATISFIED, '只有代表委员满意或基本满意的答复报分管副市长阅示（第九条）', 409);
      if (r.reading) throw new DomainError(ErrorCodes.ALREADY_READ, '该答复已阅示', 409);
      if (!command.data.by?.trim()) throw invalid('by', '阅示人不能为空');
      return;
    }
  }
}

export function decideLeadership(command: LeadershipCommand, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'SubmitMajorItemForApproval': {
      const note = command.data.note?.trim();
      return [{ type: 'MajorItemSubmittedForApproval', occurredAt: at, data: { viceMayor: command.data.viceMayor.trim(), ...(note ? { note } : {}) } }];
    }
    case 'ApproveMajorItem': {
      const instructions = command.data.instructions?.trim();
      return [{ type: 'MajorItemApproved', occurredAt: at, data: { viceMayor: state.majorApproval!.viceMayor, ...(instructions ? { instructions } : {}) } }];
    }
    case 'ReadSatisfiedReply': {
      const r = state.replies!.find((x) => x.replyId === command.data.replyId)!;
      const comment = command.data.comment?.trim();
      return [{ type: 'SatisfiedReplyRead', occurredAt: at, data: { replyId: r.replyId, unitId: r.unitId, by: command.data.by, ...(comment ? { comment } : {}) } }];
    }
  }
}

/** evolve for these events; undefined for the others. */
export function evolveLeadership(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
    case 'MajorItemSubmittedForApproval':
      return { ...state, majorApproval: { viceMayor: event.data.viceMayor, submittedAt: event.occurredAt, ...(event.data.note ? { note: event.data.note } : {}) } };
    case 'MajorItemApproved':
      return {
        ...state,
        majorApproval: { ...state.majorApproval!, approvedAt: event.occurredAt, ...(event.data.instructions ? { instructions: event.data.instructions } : {}) },
      };
    case 'SatisfiedReplyRead':
      return {
        ...state,
        replies: (state.replies ?? []).map((r) =>
          r.replyId === event.data.replyId
            ? { ...r, reading: { by: event.data.by, at: event.occurredAt, ...(event.data.comment ? { comment: event.data.comment } : {}) } }
            : r,
        ),
      };
    default:
      return undefined;
  }
}
