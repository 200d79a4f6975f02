/** 并案办理 in the detail view (SPEC §10 detail): the main item's merged items, a merged item's main item. */
import type { ProposalState, Reply } from '@jyta/proposal-domain';
import type { MergedIntoViewDto, MergedItemViewDto, ReplyMergingViewDto } from './dto/merging.dto';

export function mergingView(state: ProposalState): { mergedItems: MergedItemViewDto[]; mergedInto: MergedIntoViewDto | null } {
  return {
    // Names only: the merged items' contact details stay on their own items.
    mergedItems: (state.mergedItems ?? []).map((m) => ({
      id: m.proposalId,
      number: m.number,
      title: m.title,
      proposerNames: m.proposers.map((p) => p.name),
      status: m.status,
      awaitingReply: m.awaitingUnits.length > 0,
      mergedAt: m.mergedAt,
      doneAt: m.doneAt ?? null,
      splitAt: m.splitAt ?? null,
    })),
    mergedInto: state.mergedInto ? { id: state.mergedInto.proposalId, number: state.mergedInto.number, mergedAt: state.mergedInto.mergedAt } : null,
  };
}

export function replyMergingView(r: Reply): ReplyMergingViewDto | null {
  const m = r.merging;
  if (!m) return null;
  return {
    from: m.from ? { ...m.from } : null,
    copiedTo: m.copiedTo ?? [],
    forMergedItemsOnly: !!m.forMergedItemsOnly,
    supersededAt: m.supersededAt ?? null,
    splitAt: m.splitAt ?? null,
  };
}
