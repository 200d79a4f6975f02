/**
 * ProposalState assembled from the slices' state types: the item, its units (each with the parts
 * the articles own) and its replies. The slices' own types are imported from their folders.
 */
import type { Deadline } from '@jyta/calendar-domain';
import type { MajorItemApproval } from './slices/art06-major-approval/types';
import type { ReplyReading } from './slices/art09-reading/types';
import type { Disclosure } from './slices/art20-disclosure/types';
import type { GovernmentDocument } from './slices/art09-provincial-document/types';
import type { MergedInto, MergedItem, ReplyMerging } from './slices/merging/types';
import type { InstructionRequest } from './slices/art05-instructions/types';
import type { CoUnitOpinion } from './slices/co-unit-opinions/types';
import type { MissedProgressReport, ProgressReport } from './slices/progress-reports/types';
import type { FeedbackDesignee, FeedbackFormRecipient } from './slices/art11-feedback/types';
import type {
  AssignmentMode,
  DelayExplanation,
  Feedback,
  Policy,
  ProposalDetails,
  ProposalStatus,
  ProposerContact,
  ReplyCategory,
  ReplyReview,
  ReplyStatus,
  ReturnRequest,
  ReviewStage,
  UnitRole,
  UnitStatus,
} from './shared/values';

export interface Reply {
  replyId: string;
  unitId: string;
  /** 1 for the first reply of the unit, +1 after each send-back by the proposer. */
  round: number;
  category: ReplyCategory;
  body: string;
  cc: string[];
  stages: ReviewStage[];
  reviews: ReplyReview[];
  status: ReplyStatus;
  draftedAt: string;
  sentAt?: string;
  feedbackDueAt?: string;
  feedback?: Feedback;
  /** Set when the feedback period ended unanswered: "no feedback", never satisfied (Art. 11). */
  feedbackMissingAt?: string;
  sentBack?: boolean;
  /** To whom the feedback form went, as last issued (Art. 11; never the token). */
  feedbackRecipient?: FeedbackFormRecipient & { at: string; reissued?: boolean };
  /** 阅示 by the vice mayor in charge (Art. 9), for satisfied replies of departments. */
  reading?: ReplyReading;
  /** The latest disclosure choice (Art. 20). */
  disclosure?: Disclosure;
  /** Provincial/national items: the office's government documents compiled from this opinion, every round (Art. 9, 10). */
  documents?: GovernmentDocument[];
  /** 并案办理: a merged item's copy of the main item's reply, or a main item's reply copied to merged items (merging.ts). */
  merging?: ReplyMerging;
  /** A category B reply's promise: follow-ups asked for, reports, fulfilment (b-promises). */
  promise?: import('./slices/b-promises/types').ReplyPromise;
}

/** The stage a reply in review waits for — or, for a provincial/national item, its government document. */
export const currentStage = (r: Reply): ReviewStage | undefined => {
  if (r.status === 'in_review') return r.stages[r.reviews.filter((v) => v.approve).length];
  const doc = r.status === 'document_in_review' ? r.documents?.at(-1) : undefined;
  return doc ? doc.stages[doc.reviews.filter((v) => v.approve).length] : undefined;
};

/**
 * One handling round of a unit (重新办理, SPEC §5): round 1 from 接办之日 under the reply deadline,
 * each later one from a send-back under its own deadline. Every round is judged on its own
 * deadline (the on-time KPI counts each round against its own).
 */
export interface HandlingRound {
  round: number;
  /** When the round opened: the assignment for round 1, the send-back for the others. */
  startedAt: string;
  replyDue: Deadline;
  /** When the round's reply was sent (absent for the round still open, or one ended without). */
  repliedAt?: string;
  explanation?: DelayExplanation;
  replyDeadlinePassed?: { at: string; explained: boolean; accountabilityFlagged: boolean };
}

export interface UnitAssignment {
  unitId: string;
  role: UnitRole;
  responsiblePerson?: string;
  status: UnitStatus;
  /** 接办之日: every deadline of this unit counts from it. */
  assignedOn: string;
  /** When the assignment was recorded; reminders due before it (a backdated item) are not sent. */
  assignedAt?: string;
  /** Keys of the reminders already issued (see reminderKey). */
  remindersIssued?: string[];
  /** Keys of the escalated reminders already sent (to the leader in charge, to the supervisors; see escalation). */
  escalationsIssued?: string[];
  signedAt?: string;
  returnWindow: Deadline;
  returnWindowClosedAt?: string;
  /** The reply deadline of the current round (the re-handling's own after a send-back). */
  replyDue: Deadline;
  returnRequests: ReturnRequest[];
  /** 改派 (分别办理): the returned unit whose part this unit took over. */
  reassignedFrom?: string;
  /** 改派 (分别办理): on a returned unit, the unit its part went to. */
  reassignedTo?: string;
  contacts: ProposerContact[];
  explanation?: DelayExplanation;
  /**
   * Set when the reply deadline passed without a reply: with an explanation on file the unit is
   * "delayed with explanation", without one it is overdue and accountability is flagged (Art. 19).
   */
  replyDeadlinePassed?: { at: string; explained: boolean; accountabilityFlagged: boolean };
  /**
   * 重新办理 (SPEC §5): the round opened by the latest send-back; absent in round 1. replyDue,
   * explanation, replyDeadlinePassed and the reply reminders are this round's.
   */
  rehandling?: { round: number; startedAt: string; replyId: string };
  /** The rounds before the current one, each with its own deadline and how it ended. */
  pastRounds?: HandlingRound[];
  /** Co-units (SPEC §4.2): when the opinion to the lead is due; the opinions sent; the deadline passing without one. */
  opinionDue?: Deadline;
  coUnitOpinions?: CoUnitOpinion[];
  opinionOverdue?: { dueAt: string; at: string };
  /** 请示 (Art. 5): while one is unanswered the unit's reply waits. */
  instructionRequests?: InstructionRequest[];
  /** 督办台账 (SPEC §4.3): monthly progress reports, and the months missed (findings). */
  progressReports?: ProgressReport[];
  progressReportsMissed?: MissedProgressReport[];
}

export interface ProposalState {
  status: ProposalStatus;
  details?: ProposalDetails;
  policy?: Policy;
  assignment?: {
    mode: AssignmentMode;
    leaderInCharge?: string;
    division?: string;
  };
  /** Every unit that was ever assigned, in assignment order; a returned unit stays with status 'returned'. */
  units: UnitAssignment[];
  /**
   * 分别办理 (Art. 6, 7): the parts whose unit returned them, waiting for the office to re-assign
   * them (ReassignPart); the item is not archived while one waits.
   */
  partsAwaitingReassignment?: { unitId: string; since: string }[];
  /** Every reply draft and round, kept (Art. 9, 10). */
  replies?: Reply[];
  archivedAt?: string;
  /** 阅批 of a major item before assignment (Art. 6). */
  majorApproval?: MajorItemApproval;
  /** The proposer the office designated for the feedback forms (Art. 11, 14). */
  feedbackDesignee?: FeedbackDesignee;
  /** 并案办理: on a merged item, the main item it follows (merging.ts). */
  mergedInto?: MergedInto;
  /** 并案办理: on the main item, the items merged into it, as they stand (merging.ts). */
  mergedItems?: MergedItem[];
}

export const initialState = (): ProposalState => ({ status: 'unregistered', units: [] });

/** The units currently responsible for the item (not returned). */
export const activeUnits = (s: ProposalState) => s.units.filter((u) => u.status !== 'returned');
export const findActiveUnit = (s: ProposalState, unitId: string) =>
  s.units.find((u) => u.unitId === unitId && u.status !== 'returned');
/** The unit's current round as it stands; `replies` gives the time its reply was sent, if it was. */
export function currentRound(u: UnitAssignment, replies: readonly Reply[] = []): HandlingRound {
  const round = u.rehandling?.round ?? 1;
  const repliedAt = replies.filter((r) => r.unitId === u.unitId && r.round === round && r.sentAt).at(-1)?.sentAt;
  return {
    round,
    startedAt: u.rehandling?.startedAt ?? u.assignedAt ?? u.assignedOn,
    replyDue: u.replyDue,
    ...(repliedAt ? { repliedAt } : {}),
    ...(u.explanation ? { explanation: u.explanation } : {}),
    ...(u.replyDeadlinePassed ? { replyDeadlinePassed: u.replyDeadlinePassed } : {}),
  };
}
/** Every handling round of the unit, each with its own deadline, the current one last (SPEC §5). */
export const handlingRounds = (u: UnitAssignment, replies: readonly Reply[] = []): HandlingRound[] => [...(u.pastRounds ?? []), currentRound(u, replies)];
/** A unit answers for itself when it leads, handles alone, or handles its own part separately. */
export const answersForItself = (u: UnitAssignment) => u.role === 'lead' || u.role === 'separate';
