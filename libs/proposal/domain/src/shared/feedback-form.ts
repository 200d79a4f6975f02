/**
 * The feedback form's effect (Art. 11): every slice that sends the proposer something to answer
 * (a reply, a provincial opinion, a merged item's copy) issues the form the same way — to the
 * proposer the office designated if there is one, else to the lead (the activity picks the
 * fallbacks among the proposers).
 */
import type { Effect } from '../slice';
import type { ProposalState } from '../state';

export function feedbackFormEffect(state: ProposalState, replyId: string, reissue = false): Effect {
  const designee = state.feedbackDesignee?.proposerIndex;
  const proposers = state.details?.proposers ?? [];
  return {
    type: 'IssueFeedbackToken',
    replyId,
    proposerUsername: (designee !== undefined ? proposers[designee] : proposers[0])?.username ?? null,
    ...(designee !== undefined ? { designee } : {}),
    ...(reissue ? { reissue: true } : {}),
  };
}
