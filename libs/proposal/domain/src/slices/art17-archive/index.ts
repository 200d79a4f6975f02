/**
 * 归档 (Art. 17): the item is archived once every answering unit is done; from then on it is
 * read-only (the decider refuses every command but those of AFTER_ARCHIVE). The decision to
 * archive is taken with the events that finish a reply (shared/archive.ts); this slice folds it.
 */
import type { Slice } from '../../slice';

export const archiveSlice: Slice = {
  name: 'art17-archive',
  articles: ['第十七条'],
  commands: [],
  events: ['ProposalArchived'],
  decide: () => [],
  evolve(state, event) {
    if (event.type !== 'ProposalArchived') return state;
    return { ...state, status: 'archived', archivedAt: event.occurredAt };
  },
};
