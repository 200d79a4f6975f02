import type { Deadline } from '@jyta/calendar-domain';
import type { AssignmentMode, ContactMethod, Policy, ProposalDetails, UnitRole } from './model';

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
  data: { unitId: string; comment: string; awaitingReassignment: boolean };
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
  data: { unitId: string; kind: import('./model').ReminderKind; reminder: string; key: string; dueAt: string };
}

export interface ReplyDrafted {
  type: 'ReplyDrafted';
  data: {
    replyId: string;
    unitId: string;
    round: number;
    category: import('./model').ReplyCategory;
    body: string;
    cc: string[];
    stages: import('./model').ReviewStage[];
  };
}

export interface ReplyReviewed {
  type: 'ReplyReviewed';
  data: { replyId: string; stage: import('./model').ReviewStage; approve: boolean; comment: string; approvedForSending: boolean };
}

/** 函复: the reply left the unit; feedbackDueAt is when "no feedback" will be recorded. */
export interface ReplySent {
  type: 'ReplySent';
  data: { replyId: string; unitId: string; cc: string[]; feedbackDueAt: string };
}

export interface FeedbackReceived {
  type: 'FeedbackReceived';
  data: { replyId: string; unitId: string } & Omit<import('./model').Feedback, 'at'>;
}

/** 逾期未反馈 (Art. 11): recorded as no feedback, never as satisfied. */
export interface FeedbackMissing {
  type: 'FeedbackMissing';
  data: { replyId: string; unitId: string };
}

/** 办理结果公开 (Art. 20): the disclosure chosen for a reply; a later one replaces it, all are kept. */
export interface DisclosureChosen {
  type: 'DisclosureChosen';
  data: { replyId: string; unitId: string; mode: import('./disclosure').DisclosureMode; summary?: string; reason?: string };
}

/** 归档 (Art. 17): every answering unit is done; the item is read-only from now on. */
export interface ProposalArchived {
  type: 'ProposalArchived';
  data: Record<string, never>;
}

export type ProposalEvent =
  | ProposalRegistered
  | ProposalAssigned
  | ReceiptSigned
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnWindowClosed
  | ContactRecorded
  | ExplanationFiled
  | ReplyDeadlinePassed
  | ReminderIssued
  | ReplyDrafted
  | ReplyReviewed
  | ReplySent
  | FeedbackReceived
  | FeedbackMissing
  | ProposalArchived
  | DisclosureChosen;

export type ProposalEventType = ProposalEvent['type'];

/** An event as decided, with the business time it happened (defaults to the command's time). */
export type DecidedEvent = ProposalEvent & { occurredAt: string };
