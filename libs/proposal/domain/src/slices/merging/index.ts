/**
 * 并案办理 (SPEC §4.6): items on the same matter are merged into a main item, handled and answered
 * once, each proposer answering for their own item. The rules are in merging.ts.
 */
import type { Slice } from '../../slice';
import {
  assertMergingAllowed,
  assertNotMergedAway,
  decideMerging,
  evolveMerging,
  isMergingCommand,
  isMergingEvent,
  mergingContextNeeds,
  mergingEffects,
  withMergedCopies,
} from './merging';

export * from './merging';
export * from './types';

export const mergingSlice: Slice = {
  name: 'merging',
  articles: [],
  commands: ['MergeIntoProposal', 'AcceptMergedProposals', 'SplitMergedProposal', 'SplitFromProposal', 'ReceiveMergedReply', 'ReopenForMergedItem', 'MergedItemDone'],
  events: [
    'ProposalsMerged',
    'MergedIntoProposal',
    'ReplyCopiedToMergedItems',
    'MergedReplyReceived',
    'MergedItemReopened',
    'MergedItemCompleted',
    'MergedProposalSplit',
    'ProposalSplitOff',
  ],
  assert(command, state) {
    if (isMergingCommand(command)) assertMergingAllowed(command, state);
  },
  // A merged item follows its main item and takes no step of its own handling.
  guards: { before: (command, state) => assertNotMergedAway(command, state) },
  decide: (command, state, ctx) => (isMergingCommand(command) ? decideMerging(command, state, ctx) : []),
  // A main item's reply is copied to the items merged into it.
  amend: (command, state, events) => (command.type === 'SendReply' ? withMergedCopies(state, events) : events),
  evolve: (state, event) => (isMergingEvent(event) ? evolveMerging(state, event) : state),
  effects: (event, state) => mergingEffects(event, state),
  contextNeeds: (command) => mergingContextNeeds(command),
};
