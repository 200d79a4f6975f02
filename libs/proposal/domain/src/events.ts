import type { Deadline } from '@jyta/calendar-domain';
import type { AssignmentMode, ContactMethod, Policy, ProposalDetails, UnitRole } from './shared/values';

/** Events are facts in the past tense. Their data is what the state and every screen derive from. */
export interface ProposalRegistered {
  type: 'ProposalRegistered';
  data: Omit<ProposalDetails, 'registeredAt'> & { policy: Policy };
}

export interface AssignedUnit {
  unitId: string;
  role: UnitRole;
  responsiblePerson?: string;
  returnWindow: Deadline;
  replyDue: Deadline;
  /** Co-units (SPEC §4.2): when their opinion to the lead is due. Absent on items assigned before it existed (no timer). */
  opinionDue?: Deadline;
}

export interface ProposalAssigned {
  type: 'ProposalAssigned';
  data: {
    mode: AssignmentMode;
    assignedOn: string;
    leaderInCharge?: string;
    division?: string;
    units: AssignedUnit[];
    /** true when this assignment replaces units that returned the item. */
    reassignment: boolean;
  };
}

export interface ReceiptSigned {
  type: 'ReceiptSigned';
  data: { unitId: string };
}

export interface ReturnRequested {
  type: 'ReturnRequested';
  data: { unitId: string; reason: string };
}

export interface ReturnApproved {
  type: 'ReturnApproved';
  data: {
    unitId: string;
    comment: string;
    /** No unit answering for itself is left: the whole item waits for a new assignment. */
    awaitingReassignment: boolean;
    /**
     * 分别办理: the unit's own part waits for the office to re-assign it (ReassignPart). Absent on
     * returns approved before parts could be re-assigned.
     */
    partAwaitingReassignment?: boolean;
  };
}

/** 改派 (Art. 6, 7): a returned unit's part of a 分别办理 item, assigned to another unit with fresh deadlines. */
export interface PartReassigned {
  type: 'PartReassigned';
  data: { fromUnitId: string; assignedOn: string; unit: AssignedUnit };
}

export interface ReturnRejected {
  type: 'ReturnRejected';
  data: { unitId: string; comment: string };
}

/** The 15-day window ended: the unit is responsible from now on (Art. 7). occurredAt = the true end. */
export interface ReturnWindowClosed {
  type: 'ReturnWindowClosed';
  data: { unitId: string; closedAt: string };
}

export interface ContactRecorded {
  type: 'ContactRecorded';
  data: { unitId: string; method: ContactMethod; on: string; summary: string };
}

export interface ExplanationFiled {
  type: 'ExplanationFiled';
  data: { unitId: string; reasons: string; measures: string; expectedOn: string };
}

/**
 * The reply deadline ended with no reply (Art. 19). explained: an explanation was on file
 * (delayed with explanation); otherwise the unit is overdue and accountabilityFlagged is true —
 * its leader in charge and its handler answer for it. occurredAt = the true end of the deadline.
 */
export interface ReplyDeadlinePassed {
  type: 'ReplyDeadlinePassed';
  data: { unitId: string; dueAt: string; explained: boolean; accountabilityFlagged: boolean };
}

/**
 * 催办 (Art. 17, SPEC §5): a reminder to the unit. `reminder` names it for people and senders,
 * e.g. 'reply_30d', 'reply_7d', 'return_window_3d', 'overdue_weekly'; occurredAt = when it was due.
 */
export interface ReminderIssued {
  type: 'ReminderIssued';
  data: { unitId: string; kind: import('./shared/values').ReminderKind; reminder: string; key: string; dueAt: string };
}

/**
 * 重新办理 (Art. 10 last sentence, 11, 19; SPEC §5): the proposer sent the unit's reply back (or a
 * provincial item's opinion, or a merged item's copy), and the unit handles the item again under a
 * deadline of its own, counted from the send-back (policy `rehandlingPeriod`, 1 month) under the
 * Civil Code rules. The reply sent inside the earlier deadline settled that one: from now on the
 * reminders, the overdue check and the explanation (延期说明) run against `replyDue`.
 * occurredAt = the send-back (when the unit could handle it again).
 */
export interface RehandlingStarted {
  type: 'RehandlingStarted';
  data: {
    unitId: string;
    /** The handling round now open: 2 after the first send-back, and so on (the next reply's round). */
    round: number;
    /** The reply sent back. */
    replyId: string;
    replyDue: Deadline;
  };
}

export interface ReplyDrafted {
  type: 'ReplyDrafted';
  data: {
    replyId: string;
    unitId: string;
    round: number;
    category: import('./shared/values').ReplyCategory;
    body: string;
    cc: string[];
    stages: import('./shared/values').ReviewStage[];
  };
}

export interface ReplyReviewed {
  type: 'ReplyReviewed';
  data: { replyId: string; stage: import('./shared/values').ReviewStage; approve: boolean; comment: string; approvedForSending: boolean };
}

/** 函复: the reply left the unit; feedbackDueAt is when "no feedback" will be recorded. */
export interface ReplySent {
  type: 'ReplySent';
  data: { replyId: string; unitId: string; cc: string[]; feedbackDueAt: string };
}

export interface FeedbackReceived {
  type: 'FeedbackReceived';
  data: { replyId: string; unitId: string } & Omit<import('./shared/values').Feedback, 'at'> & {
      /**
       * Provincial/national items only: true — satisfied (or basically), the opinion awaits the
       * office's government document; false — dissatisfied or sent back, the unit handles it again.
       */
      awaitingDocument?: boolean;
    };
}

/** 逾期未反馈 (Art. 11): recorded as no feedback, never as satisfied. */
export interface FeedbackMissing {
  type: 'FeedbackMissing';
  /** awaitingDocument: a provincial/national opinion goes on to the office all the same (see government-document.ts). */
  data: { replyId: string; unitId: string; awaitingDocument?: boolean };
}

/** 征求意见表 (Art. 11): to whom a reply's form went — never the token. reissued: after a designation, the old form no longer works. */
export interface FeedbackFormIssued {
  type: 'FeedbackFormIssued';
  data: { replyId: string; recipient: import('./slices/art11-feedback/types').FeedbackFormRecipient; reissued?: boolean };
}

/** The office designated the proposer who gets the forms (Art. 11, 14); replyIds: the open forms issued again to them. */
export interface FeedbackRecipientDesignated {
  type: 'FeedbackRecipientDesignated';
  data: { proposerIndex: number; name: string; replyIds: string[] };
}

/** The unit sent its approved handling opinion (办理和答复意见) of a provincial/national item to the proposer first, with the feedback form (Art. 10, 11). */
export interface OpinionSentToProposer {
  type: 'OpinionSentToProposer';
  data: { replyId: string; unitId: string; feedbackDueAt: string };
}

/** 整理形成政府正式文件 (Art. 9): round counts the compilations of this opinion. */
export interface GovernmentDocumentCompiled {
  type: 'GovernmentDocumentCompiled';
  data: {
    replyId: string;
    unitId: string;
    round: number;
    documentNumber?: string;
    title: string;
    body: string;
    stages: import('./shared/values').ReviewStage[];
  };
}

/** A review of the document: approved by the office division, or sent back to the office by it or by the vice mayor. leaderInCharge: who signs next. */
export interface GovernmentDocumentReviewed {
  type: 'GovernmentDocumentReviewed';
  data: { replyId: string; unitId: string; round: number; stage: import('./shared/values').ReviewStage; approve: boolean; comment: string; leaderInCharge?: string };
}

/** 审核签发 (Art. 9, 10): the vice mayor in charge signed the document. */
export interface GovernmentDocumentSigned {
  type: 'GovernmentDocumentSigned';
  data: { replyId: string; unitId: string; round: number; comment: string };
}

/** The office sent the signed document to the proposer as a municipal government document, cc per Art. 10. */
export interface GovernmentDocumentSent {
  type: 'GovernmentDocumentSent';
  data: { replyId: string; unitId: string; round: number; documentNumber: string; title: string; cc: string[] };
}

/** 办理结果公开 (Art. 20): the disclosure chosen for a reply; a later one replaces it, all are kept. */
export interface DisclosureChosen {
  type: 'DisclosureChosen';
  data: { replyId: string; unitId: string; mode: import('./slices/art20-disclosure/types').DisclosureMode; summary?: string; reason?: string };
}

/** 归档 (Art. 17): every answering unit is done; the item is read-only from now on. */
export interface ProposalArchived {
  type: 'ProposalArchived';
  data: Record<string, never>;
}

export interface MajorItemSubmittedForApproval {
  type: 'MajorItemSubmittedForApproval';
  data: { viceMayor: string; note?: string };
}

/** 阅批 done (Art. 6): the item may now be assigned; the instructions go with it. */
export interface MajorItemApproved {
  type: 'MajorItemApproved';
  data: { viceMayor: string; instructions?: string };
}

/** 阅示 (Art. 9): `by` is the vice mayor's username. */
export interface SatisfiedReplyRead {
  type: 'SatisfiedReplyRead';
  data: { replyId: string; unitId: string; by: string; comment?: string };
}

/**
 * 节假日安排调整 (SPEC §5): running deadlines counted again with the amended holiday calendar;
 * only those that changed are listed (units' deadlines, sent replies' feedback periods), each
 * from → to. `reason` says who amended what.
 */
export interface DeadlinesRecomputed {
  type: 'DeadlinesRecomputed';
  data: { reason: string; units: import('./slices/calendar-recompute/types').RecomputedUnit[]; feedback?: import('./slices/calendar-recompute/types').RecomputedFeedback[] };
}

/** 会办意见 (SPEC §4.2): a co-unit's opinion, to the lead units named; late: after its deadline. */
export interface CoUnitOpinionSubmitted {
  type: 'CoUnitOpinionSubmitted';
  data: { unitId: string; opinion: string; late: boolean; leadUnitIds: string[] };
}

/** A co-unit's opinion deadline ended without an opinion: both it and the lead are reminded. occurredAt = the true end. */
export interface CoUnitOpinionOverdue {
  type: 'CoUnitOpinionOverdue';
  data: { unitId: string; dueAt: string; leadUnitIds: string[] };
}

/** 请示 (Art. 5): the unit asked a higher government or department; its reply waits for the answer. */
export interface InstructionsRequested {
  type: 'InstructionsRequested';
  data: { requestId: string; unitId: string; authority: string; matter: string };
}

/** The higher authority's answer (批复) to a request for instructions, received `on`. */
export interface InstructionsReceived {
  type: 'InstructionsReceived';
  data: { requestId: string; unitId: string; answer: string; on: string };
}

/** 督办台账 (SPEC §4.3): a month's progress report; co-units report to the lead, the others to the office. */
export interface ProgressReportSubmitted {
  type: 'ProgressReportSubmitted';
  data: { unitId: string; month: string; progress: string; dueAt: string; late: boolean; reportsTo: 'lead' | 'office' };
}

/** A month's report did not come by its due time: a supervision finding, never a blocker. occurredAt = dueAt. */
export interface ProgressReportMissed {
  type: 'ProgressReportMissed';
  data: { unitId: string; month: string; dueAt: string; reportsTo: 'lead' | 'office'; leadUnitIds?: string[] };
}

export type ProposalEvent =
  | MajorItemSubmittedForApproval
  | MajorItemApproved
  | SatisfiedReplyRead
  | ProposalRegistered
  | ProposalAssigned
  | ReceiptSigned
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnWindowClosed
  | PartReassigned
  | ContactRecorded
  | ExplanationFiled
  | ReplyDeadlinePassed
  | ReminderIssued
  | RehandlingStarted
  | ReplyDrafted
  | ReplyReviewed
  | ReplySent
  | FeedbackReceived
  | FeedbackMissing
  | FeedbackFormIssued
  | FeedbackRecipientDesignated
  | OpinionSentToProposer
  | GovernmentDocumentCompiled
  | GovernmentDocumentReviewed
  | GovernmentDocumentSigned
  | GovernmentDocumentSent
  | ProposalArchived
  | DisclosureChosen
  | DeadlinesRecomputed
  | CoUnitOpinionSubmitted
  | CoUnitOpinionOverdue
  | InstructionsRequested
  | InstructionsReceived
  | ProgressReportSubmitted
  | ProgressReportMissed
  // 并案办理 (merging.ts)
  | import('./slices/merging/types').MergingEvent
  // 承诺事项跟踪 and 催办升级 (b-promises, escalation)
  | import('./slices/b-promises/types').PromiseEvent
  | import('./slices/escalation/types').ReminderEscalated;

export type ProposalEventType = ProposalEvent['type'];

/** An event as decided, with the business time it happened (defaults to the command's time). */
export type DecidedEvent = ProposalEvent & { occurredAt: string };
