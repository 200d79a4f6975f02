/**
 * The vice mayor's readings as @jyta/proposal-domain exported them before the slices: 阅批 (Art. 6,
 * art06-major-approval) and 阅示 (Art. 9, art09-reading) behind one entry. Public API only; the
 * decider goes through the registry.
 */
import type { ProposalCommand } from './commands';
import type { DecidedEvent } from './events';
import { assertMajorApprovalAllowed, decideMajorApproval, evolveMajorApproval } from './slices/art06-major-approval';
import { assertReadingAllowed, decideReading, evolveReading } from './slices/art09-reading';
import type { ProposalState } from './state';

export type LeadershipCommand = Extract<ProposalCommand, { type: 'SubmitMajorItemForApproval' | 'ApproveMajorItem' | 'ReadSatisfiedReply' }>;

export function assertLeadershipAllowed(command: LeadershipCommand, state: ProposalState): void {
  return command.type === 'ReadSatisfiedReply' ? assertReadingAllowed(command, state) : assertMajorApprovalAllowed(command, state);
}

export function decideLeadership(command: LeadershipCommand, state: ProposalState, at: string): DecidedEvent[] {
  return command.type === 'ReadSatisfiedReply' ? decideReading(command, state, at) : decideMajorApproval(command, state, at);
}

/** evolve for these events; undefined for the others. */
export function evolveLeadership(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  return evolveMajorApproval(state, event) ?? evolveReading(state, event);
}
