/**
 * 反馈 (Art. 11): the proposer's answer on the feedback form (征求意见表) that travels with every
 * reply, or "no feedback" when the feedback period ends unanswered (never counted as satisfied).
 * A reply sent back (Art. 10, last sentence) puts the unit back to handling for a new round; a
 * satisfied or unanswered one finishes the unit, and the item is archived once every answering
 * unit is done (Art. 17, shared/archive.ts). Provincial/national items go on to the government
 * document instead (Art. 9, 10).
 */
import type { RecordMissingFeedback, SubmitFeedback } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice } from '../../slice';
import { withArchive } from '../../shared/archive';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { findReply, isProvincialItem, opinionAccepted } from '../../shared/queries';
import { CONTACT_METHODS, SATISFACTION, type ProposalState, type Reply, type UnitAssignment } from '../../shared/model';

const replies = (s: ProposalState) => s.replies ?? [];

function requireReply(s: ProposalState, replyId: string): Reply {
  const r = findReply(s, replyId);
  if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId });
  return r;
}

export function assertFeedbackAllowed(command: SubmitFeedback, state: ProposalState): void {
  switch (command.type) {
    case 'SubmitFeedback': {
      const d = command.data;
      const r = requireReply(state, d.replyId);
      if (r.status !== 'sent') throw new DomainError(ErrorCodes.FEEDBACK_NOT_OPEN, '该答复不在征求意见期间（已反馈或逾期）', 409);
      if (!SATISFACTION.includes(d.attitude)) throw invalid('attitude', 'attitude 须为 satisfied / basically_satisfied / dissatisfied');
      if (!SATISFACTION.includes(d.result)) throw invalid('result', 'result 须为 satisfied / basically_satisfied / dissatisfied');
      if (d.contact !== 'none' && !CONTACT_METHODS.includes(d.contact)) throw invalid('contact', `contact 须为 ${CONTACT_METHODS.join(' / ')} 或 none`);
      return;
    }
  }
}

export function decideFeedback(command: SubmitFeedback | RecordMissingFeedback, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'SubmitFeedback': {
      const r = findReply(state, command.data.replyId)!;
      const { replyId, attitude, result, contact, comments } = command.data;
      const provincial = isProvincialItem(state);
      const events: DecidedEvent[] = [
        {
          type: 'FeedbackReceived',
          occurredAt: at,
          data: {
            replyId,
            unitId: r.unitId,
            attitude,
            result,
            contact,
            ...(comments?.trim() ? { comments: comments.trim() } : {}),
            sendBack: !!command.data.sendBack,
            ...(provincial ? { awaitingDocument: opinionAccepted(command.data) } : {}),
          },
        },
      ];
      // A provincial/national item is answered by the government document, not by the opinion.
      return command.data.sendBack || provincial ? events : withArchive(state, events, r.unitId, at);
    }
    case 'RecordMissingFeedback': {
      const r = findReply(state, command.data.replyId);
      if (!r || r.status !== 'sent') return [];
      // Provincial/national: "no feedback" is recorded and the opinion still goes on to the office (government-document.ts).
      if (isProvincialItem(state)) {
        return [{ type: 'FeedbackMissing', occurredAt: r.feedbackDueAt!, data: { replyId: r.replyId, unitId: r.unitId, awaitingDocument: true } }];
      }
      const events: DecidedEvent[] = [{ type: 'FeedbackMissing', occurredAt: r.feedbackDueAt!, data: { replyId: r.replyId, unitId: r.unitId } }];
      return withArchive(state, events, r.unitId, r.feedbackDueAt!);
    }
  }
}

/** evolve for the feedback events; undefined for the others. */
export function evolveFeedback(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  const update = (replyId: string, f: (r: Reply) => Reply) => replies(state).map((r) => (r.replyId === replyId ? f(r) : r));
  const setUnit = (s: ProposalState, unitId: string, status: UnitAssignment['status']): ProposalState => ({
    ...s,
    units: s.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? { ...u, status } : u)),
  });
  switch (event.type) {
    case 'FeedbackReceived': {
      const { replyId, unitId, awaitingDocument, ...f } = event.data;
      if (awaitingDocument !== undefined) {
        // Provincial/national: accepted → the office compiles; otherwise the unit handles it again (a new round).
        const s = {
          ...state,
          replies: update(replyId, (r) => ({
            ...r,
            status: awaitingDocument ? ('awaiting_document' as const) : ('closed' as const),
            feedback: { ...f, at: event.occurredAt },
            ...(awaitingDocument ? {} : { sentBack: true }),
          })),
        };
        return awaitingDocument ? s : setUnit(s, unitId, 'handling');
      }
      const s = {
        ...state,
        replies: update(replyId, (r) => ({ ...r, status: 'closed' as const, feedback: { ...f, at: event.occurredAt }, sentBack: f.sendBack })),
      };
      // Sent back (Art. 10 last sentence): the unit handles the item again and replies anew.
      return setUnit(s, unitId, f.sendBack ? 'handling' : 'done');
    }
    case 'FeedbackMissing': {
      const d = event.data;
      if (d.awaitingDocument) {
        return { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'awaiting_document' as const, feedbackMissingAt: event.occurredAt })) };
      }
      const s = { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'closed' as const, feedbackMissingAt: event.occurredAt })) };
      return setUnit(s, d.unitId, 'done');
    }
    default:
      return undefined;
  }
}

export const feedbackSlice: Slice = {
  name: 'art11-feedback',
  articles: ['第十一条', '第十条（退回重办）'],
  commands: ['SubmitFeedback', 'RecordMissingFeedback'],
  events: ['FeedbackReceived', 'FeedbackMissing'],
  assert(command, state) {
    if (command.type === 'SubmitFeedback') assertFeedbackAllowed(command, state);
  },
  decide: (command, state, ctx) => (command.type === 'SubmitFeedback' || command.type === 'RecordMissingFeedback' ? decideFeedback(command, state, ctx.now) : []),
  evolve: (state, event) => evolveFeedback(state, event) ?? state,
  timers(state) {
    // The feedback period of each sent reply: then "no feedback", never satisfied.
    return (state.replies ?? []).flatMap((r, i) =>
      r.status === 'sent' && r.feedbackDueAt ? [{ at: r.feedbackDueAt, command: { type: 'RecordMissingFeedback', data: { replyId: r.replyId } }, order: [0, i] }] : [],
    );
  },
  effects(e, state) {
    // The form's link goes with the reply to the first-named proposer (领衔人).
    // A provincial/national item's opinion goes to the proposer with the form too (Art. 10, 11).
    if (e.type === 'ReplySent' || e.type === 'OpinionSentToProposer') {
      return [{ type: 'IssueFeedbackToken', replyId: e.data.replyId, proposerUsername: state.details?.proposers[0]?.username ?? null }];
    }
    return [];
  },
};
