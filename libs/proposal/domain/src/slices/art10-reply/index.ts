/**
 * 审查、答复 (Art. 9, 10, 18): a unit that answers for the item drafts its reply, the reviewers of
 * each stage approve it or send it back (the unit's leader; the vice mayor when several units lead;
 * the office's check last), and the unit sends it by official letter, cc per Art. 10. The rules
 * are in replies.ts; the proposer's answer is Art. 11 (art11-feedback).
 */
import type { Slice } from '../../slice';
import { assertReplyAllowed, decideReply, evolveReply } from './replies';

export * from './replies';

export const replySlice: Slice = {
  name: 'art10-reply',
  articles: ['第九条（审查）', '第十条', '第十八条'],
  commands: ['DraftReply', 'ReviewReply', 'SendReply'],
  events: ['ReplyDrafted', 'ReplyReviewed', 'ReplySent', 'OpinionSentToProposer'],
  assert(command, state) {
    if (command.type === 'DraftReply' || command.type === 'ReviewReply' || command.type === 'SendReply') assertReplyAllowed(command, state);
  },
  decide: (command, state, ctx) =>
    command.type === 'DraftReply' || command.type === 'ReviewReply' || command.type === 'SendReply' ? decideReply(command, state, ctx) : [],
  evolve: (state, event) => evolveReply(state, event) ?? state,
  contextNeeds(command, now) {
    if (command.type !== 'SendReply') return {};
    const year = Number(now.slice(0, 4));
    return { calendar: { fromYear: year, toYear: year + 1 } };
  },
};
