import type { AssignmentMode, ContactMethod, Policy, ProposalKind, ProposalLevel, Proposer, SessionPeriod } from './shared/values';

/** Commands are imperative: what a user (or a timer) asks the item to do. */
export interface RegisterProposal {
  type: 'RegisterProposal';
  data: {
    proposalId: string;
    /** Allocated by the item's workflow (yearly per kind); a caller leaves it out. */
    number?: string;
    kind: ProposalKind;
    level: ProposalLevel;
    sessionYear: number;
    period: SessionPeriod;
    title: string;
    content: string;
    topic?: string;
    proposers: Proposer[];
    key?: boolean;
    major?: boolean;
    urgent?: boolean;
  };
}

export interface AssignProposal {
  type: 'AssignProposal';
  data: {
    mode: AssignmentMode;
    /** single: one unit; lead: one or more lead units; separate: every unit with its own part. */
    leadUnitIds: string[];
    coUnitIds?: string[];
    /** 接办之日 (YYYY-MM-DD), normally the day of the 交办会. */
    assignedOn: string;
    leaderInCharge?: string;
    division?: string;
    responsiblePersons?: Record<string, string>;
  };
}

/** 签收 (Art. 17): recorded, does not move any clock. */
export interface SignReceipt {
  type: 'SignReceipt';
  data: { unitId: string };
}

/** 退转申请 (Art. 7): within the return window, with written reasons. */
export interface RequestReturn {
  type: 'RequestReturn';
  data: { unitId: string; reason: string };
}

export interface DecideReturn {
  type: 'DecideReturn';
  data: { unitId: string; approve: boolean; comment?: string };
}

/**
 * 改派 (Art. 6, 7): in 分别办理 each unit answers its own part; when the office approved a unit's
 * return, that part waits until the office assigns it to another unit, which gets its own fresh
 * return window and reply deadline counted from `assignedOn`. The other parts are not touched.
 */
export interface ReassignPart {
  type: 'ReassignPart';
  data: { fromUnitId: string; toUnitId: string; assignedOn: string; responsiblePerson?: string };
}

/** 与代表委员沟通 (Art. 14): each contact with the proposer before the reply. */
export interface RecordContact {
  type: 'RecordContact';
  data: { unitId: string; method: ContactMethod; on: string; summary: string };
}

/** 延期说明 (Art. 19): before the reply deadline, by a unit that answers for the item. */
export interface FileExplanation {
  type: 'FileExplanation';
  data: { unitId: string; reasons: string; measures: string; expectedOn: string };
}

/** Issued by the item's timer when a unit's reply deadline ends without a reply. */
export interface PassReplyDeadline {
  type: 'PassReplyDeadline';
  data: { unitId: string };
}

/** 催办: issued by the item's timer (SPEC §5 reminders). */
export interface IssueReminder {
  type: 'IssueReminder';
  data: { unitId: string; key: string; reminder: import('./shared/values').ReminderKind; label: string; remindAt: string; dueAt: string };
}

/** 答复草稿 (Art. 9, 10): by a unit that answers for the item, after signing for it. */
export interface DraftReply {
  type: 'DraftReply';
  data: { replyId: string; unitId: string; category: import('./shared/values').ReplyCategory; body: string; cc?: string[] };
}

/** 审查 (Art. 9, 18): the reviewer of the reply's current stage approves or sends it back with comments. */
export interface ReviewReply {
  type: 'ReviewReply';
  data: { replyId: string; stage: import('./shared/values').ReviewStage; approve: boolean; comment?: string };
}

/** 函复 (Art. 10): the unit sends the approved reply; the feedback form travels with it. */
export interface SendReply {
  type: 'SendReply';
  data: { replyId: string };
}

/** 征求意见表 (Art. 11): only from the proposer (through their token). */
export interface SubmitFeedback {
  type: 'SubmitFeedback';
  data: {
    replyId: string;
    attitude: import('./shared/values').Satisfaction;
    result: import('./shared/values').Satisfaction;
    contact: import('./shared/values').ContactMethod | 'none';
    comments?: string;
    sendBack?: boolean;
  };
}

/**
 * Issued by the item's workflow after the feedback form's activity chose its recipient: records
 * to whom the form went (never the token) as an event of the item (Art. 11).
 */
export interface RecordFeedbackFormIssued {
  type: 'RecordFeedbackFormIssued';
  data: { replyId: string; recipient: import('./slices/art11-feedback/types').FeedbackFormRecipient; reissued?: boolean };
}

/**
 * 指定填写人 (Art. 11, 14): where the lead proposer has no account, the office designates the
 * proposer of the item (by their place in its list) who gets the feedback forms.
 */
export interface DesignateFeedbackRecipient {
  type: 'DesignateFeedbackRecipient';
  data: { proposerIndex: number };
}

/** 办理结果公开 (Art. 20): the unit's choice for a sent reply; the office may review it. Latest wins. */
export interface ChooseDisclosure {
  type: 'ChooseDisclosure';
  data: { replyId: string; mode: import('./slices/art20-disclosure/types').DisclosureMode; summary?: string; reason?: string };
}

/** 整理形成政府正式文件 (Art. 9, 10): the office compiles a provincial/national item's accepted opinion. */
export interface CompileGovernmentDocument {
  type: 'CompileGovernmentDocument';
  data: { replyId: string; documentNumber?: string; title?: string; body: string };
}

/** The office sends the signed government document to the proposer, cc per Art. 10. */
export interface SendGovernmentDocument {
  type: 'SendGovernmentDocument';
  /** documentNumber (文号): required here unless the compilation gave it. */
  data: { replyId: string; documentNumber?: string };
}

/** Issued by the item's timer when the feedback period of a sent reply ends unanswered. */
export interface RecordMissingFeedback {
  type: 'RecordMissingFeedback';
  data: { replyId: string };
}

/**
 * 节假日安排调整 (SPEC §5): issued by the system on an administrator's behalf after the holiday
 * calendar was amended; running deadlines are counted again (recompute.ts). `reason` says why.
 */
export interface RecomputeDeadlines {
  type: 'RecomputeDeadlines';
  data: { reason: string };
}

/** Issued by the item's timer when a unit's return window ends. */
export interface CloseReturnWindow {
  type: 'CloseReturnWindow';
  data: { unitId: string };
}

/** 会办意见 (SPEC §4.2): a co-unit sends its opinion to the lead unit (slices/co-unit-opinions). */
export interface SubmitCoUnitOpinion {
  type: 'SubmitCoUnitOpinion';
  data: { unitId: string; opinion: string };
}

/** Issued by the item's timer when a co-unit's opinion deadline ends without an opinion. */
export interface RecordCoUnitOpinionOverdue {
  type: 'RecordCoUnitOpinionOverdue';
  data: { unitId: string };
}

/** 请示 (Art. 5): a matter within a higher authority's powers; `requestId` is allocated by the caller. */
export interface RequestInstructions {
  type: 'RequestInstructions';
  data: { unitId: string; requestId: string; authority: string; matter: string };
}

/** The higher authority's answer to a request for instructions (批复), received `on` (YYYY-MM-DD). */
export interface RecordInstructions {
  type: 'RecordInstructions';
  data: { unitId: string; requestId: string; answer: string; on: string };
}

/** 督办台账 (SPEC §4.3): a unit's progress report for `month` (YYYY-MM, the month it falls due in). */
export interface SubmitProgressReport {
  type: 'SubmitProgressReport';
  data: { unitId: string; month: string; progress: string };
}

/** Issued by the item's timer when a month's progress report did not come by its due time. */
export interface RecordMissedProgressReport {
  type: 'RecordMissedProgressReport';
  data: { unitId: string; month: string };
}

/** 提请阅批 (Art. 6): the office puts a major item before a vice mayor before assigning it. */
export interface SubmitMajorItemForApproval {
  type: 'SubmitMajorItemForApproval';
  data: { viceMayor: string; note?: string };
}

/** 阅批 (Art. 6): the vice mayor it was put before approves, with instructions (批示) if any. */
export interface ApproveMajorItem {
  type: 'ApproveMajorItem';
  data: { instructions?: string };
}

/** 阅示 (Art. 9): the vice mayor in charge reads a satisfied reply of a government department. */
export interface ReadSatisfiedReply {
  type: 'ReadSatisfiedReply';
  data: { replyId: string; by: string; comment?: string };
}

export type ProposalCommand =
  | SubmitMajorItemForApproval
  | ApproveMajorItem
  | ReadSatisfiedReply
  | RegisterProposal
  | AssignProposal
  | SignReceipt
  | RequestReturn
  | DecideReturn
  | ReassignPart
  | CloseReturnWindow
  | RecordContact
  | FileExplanation
  | PassReplyDeadline
  | IssueReminder
  | DraftReply
  | ReviewReply
  | SendReply
  | SubmitFeedback
  | RecordMissingFeedback
  | RecordFeedbackFormIssued
  | DesignateFeedbackRecipient
  | CompileGovernmentDocument
  | SendGovernmentDocument
  | ChooseDisclosure
  | RecomputeDeadlines
  | SubmitCoUnitOpinion
  | RecordCoUnitOpinionOverdue
  | RequestInstructions
  | RecordInstructions
  | SubmitProgressReport
  | RecordMissedProgressReport
  // 并案办理 (merging.ts)
  | import('./slices/merging/types').MergingCommand
  // 承诺事项跟踪 and 催办升级 (b-promises, escalation)
  | import('./slices/b-promises/types').PromiseCommand
  | import('./slices/escalation/types').EscalateReminder;

export type ProposalCommandType = ProposalCommand['type'];

/** Commands a person may send (the rest come from timers). */
export const USER_COMMANDS = [
  'SubmitMajorItemForApproval',
  'ApproveMajorItem',
  'ReadSatisfiedReply',
  'RegisterProposal',
  'AssignProposal',
  'SignReceipt',
  'RequestReturn',
  'DecideReturn',
  'ReassignPart',
  'RecordContact',
  'FileExplanation',
  'DraftReply',
  'ReviewReply',
  'SendReply',
  'SubmitFeedback',
  'DesignateFeedbackRecipient',
  'CompileGovernmentDocument',
  'SendGovernmentDocument',
  'ChooseDisclosure',
  'RecomputeDeadlines',
  'SubmitCoUnitOpinion',
  'RequestInstructions',
  'RecordInstructions',
  'SubmitProgressReport',
  // 并案办理 (merging.ts); the office's merge and split, sent by the API to each item
  'MergeIntoProposal',
  'AcceptMergedProposals',
  'SplitMergedProposal',
  'SplitFromProposal',
  // 承诺事项跟踪 (b-promises): the unit reports on a category B reply's promise
  'ReportPromiseProgress',
] as const;
export type UserCommandType = (typeof USER_COMMANDS)[number];

/** What decide() needs besides the state: the time, and for deadlines the policy and calendar. */
export interface DecideContext {
  /** Current instant, ISO 8601. */
  now: string;
  policy?: Policy;
  calendar?: import('@jyta/calendar-domain').HolidayCalendar;
  /**
   * A send-back opens a re-handling round with its own reply deadline (RehandlingStarted, SPEC §5).
   * On unless false: false only when replaying items whose history predates it (the workflow's patch).
   */
  rehandlingDeadlines?: boolean;
  /**
   * Items that approved a return before a separate part could be re-assigned (the workflow's
   * patch 'part-reassignment') decide DecideReturn as they did: no part is left waiting.
   */
  withoutPartReassignment?: boolean;
}
