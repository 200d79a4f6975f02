/**
 * 审查、答复、反馈 (Art. 9, 10, 11, 18): a unit drafts its reply, the reviewers of each stage approve
 * or send it back, the unit sends it with the feedback form (征求意见表), and the proposer answers
 * (or the feedback period ends unanswered). The rules are in replies.ts.
 */
import type { Slice } from '../../slice';
import { assertReplyAllowed, decideReply, evolveReply } from './replies';

export * from './replies';

export const replySlice: Slice = {
  name: 'art09-art11-reply',
  articles: ['第九条', '第十条', '第十一条', '第十八条'],
  commands: ['DraftReply', 'ReviewReply', 'SendReply', 'SubmitFeedback', 'RecordMissingFeedback'],
  events: ['ReplyDrafted', 'ReplyReviewed', 'ReplySent', 'OpinionSentToProposer', 'FeedbackReceived', 'FeedbackMissing'],
  assert(command, state) {
    if (command.type === 'DraftReply' || command.type === 'ReviewReply' || command.type === 'SendReply' || command.type === 'SubmitFeedback') {
      assertReplyAllowed(command, state);
    }
  },
  decide(command, state, ctx) {
    switch (command.type) {
      case 'DraftReply':
      case 'ReviewReply':
      case 'SendReply':
      case 'SubmitFeedback':
      case 'RecordMissingFeedback':
        return decideReply(command, state, ctx);
      default:
        return [];
    }
  },
  evolve: (state, event) => evolveReply(state, event) ?? state,
  timers(state) {
    // The feedback period of each sent reply (Art. 11): then "no feedback", never satisfied.
    return (state.replies ?? []).flatMap((r, i) =>
      r.status === 'sent' && r.feedbackDueAt ? [{ at: r.feedbackDueAt, command: { type: 'RecordMissingFeedback', data: { replyId: r.replyId } }, order: [0, i] }] : [],
    );
  },
  effects(e, state) {
    // The form's link goes to the first-named proposer (领衔人).
    // A provincial/national item's opinion goes to the proposer with the form too (Art. 10, 11).
    if (e.type === 'ReplySent' || e.type === 'OpinionSentToProposer') {
      return [{ type: 'IssueFeedbackToken', replyId: e.data.replyId, proposerUsername: state.details?.proposers[0]?.username ?? null }];
    }
    return [];
  },
  contextNeeds(command, now) {
    if (command.type !== 'SendReply') return {};
    const year = Number(now.slice(0, 4));
    return { calendar: { fromYear: year, toYear: year + 1 } };
  },
};
