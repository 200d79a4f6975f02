/**
 * 阅示 (Art. 9): every item done by a government department with the proposer satisfied is put
 * before the vice mayor in charge for reading. It is a reading, not a step of the handling, so it
 * may come after the item is archived (AFTER_ARCHIVE in the decider).
 */
import type { ReadSatisfiedReply } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice } from '../../slice';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { ProposalState, Reply } from '../../shared/model';

export type { ReplyReading } from './types';

/** A satisfied or basically satisfied answer on the form, without a send-back. */
export const isSatisfied = (r: Reply) => !!r.feedback && !r.feedback.sendBack && r.feedback.result !== 'dissatisfied';

export function assertReadingAllowed(command: ReadSatisfiedReply, state: ProposalState): void {
  switch (command.type) {
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

export function decideReading(command: ReadSatisfiedReply, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'ReadSatisfiedReply': {
      const r = state.replies!.find((x) => x.replyId === command.data.replyId)!;
      const comment = command.data.comment?.trim();
      return [{ type: 'SatisfiedReplyRead', occurredAt: at, data: { replyId: r.replyId, unitId: r.unitId, by: command.data.by, ...(comment ? { comment } : {}) } }];
    }
  }
}

export function evolveReading(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
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

export const readingSlice: Slice = {
  name: 'art09-reading',
  articles: ['第九条（阅示）'],
  commands: ['ReadSatisfiedReply'],
  events: ['SatisfiedReplyRead'],
  assert(command, state) {
    if (command.type === 'ReadSatisfiedReply') assertReadingAllowed(command, state);
  },
  decide: (command, state, ctx) => (command.type === 'ReadSatisfiedReply' ? decideReading(command, state, ctx.now) : []),
  evolve: (state, event) => evolveReading(state, event) ?? state,
};
