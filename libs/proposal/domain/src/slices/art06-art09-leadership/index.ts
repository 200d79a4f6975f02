/** The vice mayor's readings: 阅批 of a major item before assignment (Art. 6), 阅示 of a satisfied reply (Art. 9). */
import type { Slice } from '../../slice';
import { assertLeadershipAllowed, assertMajorItemApproved, decideLeadership, evolveLeadership } from './leadership';

export * from './leadership';
export * from './types';

export const leadershipSlice: Slice = {
  name: 'art06-art09-leadership',
  articles: ['第六条（阅批）', '第九条（阅示）'],
  commands: ['SubmitMajorItemForApproval', 'ApproveMajorItem', 'ReadSatisfiedReply'],
  events: ['MajorItemSubmittedForApproval', 'MajorItemApproved', 'SatisfiedReplyRead'],
  assert(command, state) {
    if (command.type === 'SubmitMajorItemForApproval' || command.type === 'ApproveMajorItem' || command.type === 'ReadSatisfiedReply') {
      assertLeadershipAllowed(command, state);
    }
  },
  // Art. 6: a major item is assigned only after 阅批 (checked after the assignment's own checks).
  guards: { after: (command, state) => (command.type === 'AssignProposal' ? assertMajorItemApproved(state) : undefined) },
  decide(command, state, ctx) {
    if (command.type === 'SubmitMajorItemForApproval' || command.type === 'ApproveMajorItem' || command.type === 'ReadSatisfiedReply') {
      return decideLeadership(command, state, ctx.now);
    }
    return [];
  },
  evolve: (state, event) => evolveLeadership(state, event) ?? state,
};
