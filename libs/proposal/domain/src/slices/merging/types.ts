import type { ProposalKind, ProposalLevel, Proposer, ReplyCategory } from '../../shared/values';

// ---- state ----------------------------------------------------------------------------------

/** On a merged item: the main item it follows. */
export interface MergedInto {
  proposalId: string;
  number: string;
  mergedAt: string;
}

/** On the main item, where a merged item stands: following it, done (its proposer closed it), or split off. */
export type MergedItemStatus = 'merged' | 'done' | 'split';

/** On the main item: an item merged into it. */
export interface MergedItem {
  proposalId: string;
  number: string;
  title: string;
  proposers: Proposer[];
  status: MergedItemStatus;
  mergedAt: string;
  /** The units whose next reply it waits for: it sent their latest reply back. */
  awaitingUnits: string[];
  doneAt?: string;
  splitAt?: string;
}

/** What a reply has to do with 并案办理. */
export interface ReplyMerging {
  /** On a merged item: this reply is its copy of the main item's reply. */
  from?: { proposalId: string; number: string; replyId: string };
  /** On a merged item: the main item's answering units when the copy came (each one's reply must be answered). */
  answeringUnitIds?: string[];
  /** On a merged item: closed unanswered because a later copy from the same unit replaced it. */
  supersededAt?: string;
  /** On a merged item: closed unanswered because the item was split off. */
  splitAt?: string;
  /** On the main item: the merged items that received a copy. */
  copiedTo?: string[];
  /** On the main item: sent only to merged items — its own proposer had already answered (no form for them). */
  forMergedItemsOnly?: boolean;
  /** On the main item: the merged items that sent this reply back (a new round follows). */
  sentBackBy?: string[];
}

// ---- commands -------------------------------------------------------------------------------

/** One item as the main item records it. */
export interface MergedItemRef {
  proposalId: string;
  number: string;
  title: string;
  kind: ProposalKind;
  level: ProposalLevel;
  proposers: Proposer[];
}

/** 并案 (office): this item is merged into the main item; sent to each merged item first. */
export interface MergeIntoProposal {
  type: 'MergeIntoProposal';
  data: { mainProposalId: string; mainNumber: string; mainKind: ProposalKind; mainLevel: ProposalLevel };
}

/** 并案 (office): the main item takes the items merged into it. */
export interface AcceptMergedProposals {
  type: 'AcceptMergedProposals';
  data: { items: MergedItemRef[] };
}

/** 拆分 (office), on the main item: an item merged into it is handled on its own again. */
export interface SplitMergedProposal {
  type: 'SplitMergedProposal';
  data: { proposalId: string };
}

/** 拆分 (office), on the merged item: it leaves the main item and waits for its own assignment. */
export interface SplitFromProposal {
  type: 'SplitFromProposal';
  data: { mainProposalId: string };
}

/** Forwarded by the main item when it sends a reply: the merged item's own copy. */
export interface ReceiveMergedReply {
  type: 'ReceiveMergedReply';
  data: {
    mainProposalId: string;
    mainNumber: string;
    /** The main item's reply. */
    replyId: string;
    unitId: string;
    round: number;
    category: ReplyCategory;
    body: string;
    cc: string[];
    sentAt: string;
    /** The main item's answering units now: the merged item is done once each one's reply is answered. */
    answeringUnitIds: string[];
  };
}

/** Forwarded by a merged item whose proposer sent its copy back: the main item's unit handles it again. */
export interface ReopenForMergedItem {
  type: 'ReopenForMergedItem';
  data: { mergedProposalId: string; replyId: string; unitId: string };
}

/** Forwarded by a merged item once it is done (archived). */
export interface MergedItemDone {
  type: 'MergedItemDone';
  data: { mergedProposalId: string };
}

export type MergingCommand =
  | MergeIntoProposal
  | AcceptMergedProposals
  | SplitMergedProposal
  | SplitFromProposal
  | ReceiveMergedReply
  | ReopenForMergedItem
  | MergedItemDone;

// ---- events ---------------------------------------------------------------------------------

/** On the main item: these items are merged into it. */
export interface ProposalsMerged {
  type: 'ProposalsMerged';
  data: { items: Omit<MergedItemRef, 'kind' | 'level'>[] };
}

/** On a merged item: it follows the main item from now on. */
export interface MergedIntoProposal {
  type: 'MergedIntoProposal';
  data: { mainProposalId: string; mainNumber: string };
}

/**
 * On the main item, right after a reply was sent: it is copied to these merged items.
 * forMergedItemsOnly: the main item's own proposer had already answered this unit, so the reply
 * went to the merged items only (no ReplySent, no form for the main item's proposer).
 */
export interface ReplyCopiedToMergedItems {
  type: 'ReplyCopiedToMergedItems';
  data: { replyId: string; unitId: string; mergedProposalIds: string[]; forMergedItemsOnly: boolean };
}

/** On a merged item: its own copy of the main item's reply, with its own feedback deadline. occurredAt = sentAt. */
export interface MergedReplyReceived {
  type: 'MergedReplyReceived';
  data: {
    /** The copy's own id (its feedback form is keyed by it). */
    replyId: string;
    mainProposalId: string;
    mainNumber: string;
    mainReplyId: string;
    unitId: string;
    round: number;
    category: ReplyCategory;
    body: string;
    cc: string[];
    sentAt: string;
    feedbackDueAt: string;
    answeringUnitIds: string[];
  };
}

/**
 * On the main item: merged items sent the unit's reply back (or still wait for its next reply);
 * handlingAgain: the unit, done with its own proposer, handles the item again (a new round).
 */
export interface MergedItemReopened {
  type: 'MergedItemReopened';
  data: { mergedProposalIds: string[]; replyId: string; unitId: string; handlingAgain: boolean };
}

/** On the main item: a merged item is done. */
export interface MergedItemCompleted {
  type: 'MergedItemCompleted';
  data: { mergedProposalId: string };
}

/** On the main item: a merged item was split off. */
export interface MergedProposalSplit {
  type: 'MergedProposalSplit';
  data: { proposalId: string };
}

/** On the split item: it is registered again and waits for its own assignment; copies awaiting an answer are closed. */
export interface ProposalSplitOff {
  type: 'ProposalSplitOff';
  data: { mainProposalId: string; mainNumber: string; closedReplyIds: string[] };
}

export type MergingEvent =
  | ProposalsMerged
  | MergedIntoProposal
  | ReplyCopiedToMergedItems
  | MergedReplyReceived
  | MergedItemReopened
  | MergedItemCompleted
  | MergedProposalSplit
  | ProposalSplitOff;
