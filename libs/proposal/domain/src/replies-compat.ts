/**
 * The reply functions as @jyta/proposal-domain exported them before the slices: one entry for
 * the reply (Art. 10, art10-reply) and the proposer's feedback (Art. 11, art11-feedback). Public
 * API only; the decider goes through the registry.
 */
import type { DecideContext, DraftReply, ReviewReply, SendReply, SubmitFeedback } from './commands';
import type { DecidedEvent } from './events';
import * as reply from './slices/art10-reply/replies';
import { assertFeedbackAllowed, decideFeedback, evolveFeedback } from './slices/art11-feedback';
import type { ProposalState } from './state';

export function assertReplyAllowed(command: DraftReply | ReviewReply | SendReply | SubmitFeedback, state: ProposalState): void {
  return command.type === 'SubmitFeedback' ? assertFeedbackAllowed(command, state) : reply.assertReplyAllowed(command, state);
}

export function decideReply(
  command: DraftReply | ReviewReply | SendReply | SubmitFeedback | { type: 'RecordMissingFeedback'; data: { replyId: string } },
  state: ProposalState,
  ctx: DecideContext,
): DecidedEvent[] {
  return command.type === 'SubmitFeedback' || command.type === 'RecordMissingFeedback' ? decideFeedback(command, state, ctx.now) : reply.decideReply(command, state, ctx);
}

/** evolve for the reply and feedback events; undefined for the others. */
export function evolveReply(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  return reply.evolveReply(state, event) ?? evolveFeedback(state, event);
}
