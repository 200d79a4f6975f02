/** Value types shared by every slice: kinds, policy, statuses, what a unit and a reply carry. */

/** 人大代表建议 / 政协委员提案 / 政协建议案 (SPEC §2, Art. 2). */
export type ProposalKind = 'npc_suggestion' | 'cppcc_proposal' | 'cppcc_recommendation';
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['npc_suggestion', 'cppcc_proposal', 'cppcc_recommendation'];
/** 本级 / 省政府办公厅交办的省级、全国 (Art. 2, 3). */
export type ProposalLevel = 'municipal' | 'provincial' | 'national';
export const PROPOSAL_LEVELS: readonly ProposalLevel[] = ['municipal', 'provincial', 'national'];
/** 会议期间 / 闭会期间. */
export type SessionPeriod = 'plenary' | 'interim';
export const SESSION_PERIODS: readonly SessionPeriod[] = ['plenary', 'interim'];

/** 单一办理 / 主办+会办 / 分别办理 (Art. 6, 9). */
export type AssignmentMode = 'single' | 'lead' | 'separate';
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['single', 'lead', 'separate'];
/** A unit's part: 主办(牵头) / 会办(协办) / 分别办理. */
export type UnitRole = 'lead' | 'co' | 'separate';

export interface Proposer {
  name: string;
  delegation?: string;
  phone?: string;
  /** Where the feedback form's link goes by e-mail when the proposer has no account (Art. 11). */
  email?: string;
  address?: string;
  username?: string;
}

/** Deployment policy (SPEC "policy"): durations as ISO-like periods ('P15D', 'P3M', 'P10WD', 'PT5S'). */
export interface Policy {
  version: number;
  returnWindow: string;
  replyPeriod: string;
  urgentReplyPeriod: string;
  /** 催办 (SPEC §5): how long before the reply deadline to remind ('P30D', 'P7D'). */
  replyReminders?: string[];
  /** How long before the return window closes to remind ('P3D'). */
  returnWindowReminders?: string[];
  /** While the reply deadline has passed without a reply: remind every … ('P7D'). */
  overdueReminderEvery?: string;
  /** How long the proposer has to answer the feedback form (征求意见表); then "no feedback". */
  feedbackPeriod?: string;
  /**
   * 重新办理 (SPEC §5): after the proposer sends a reply back, the unit replies again within this
   * period, counted from the send-back ('P1M'); absent on policies published before it (then 1 month).
   */
  rehandlingPeriod?: string;
  /** 会办意见 (SPEC §4.2): how long before the lead's reply deadline a co-unit's opinion is due ('P30D'). */
  coUnitOpinionLeadTime?: string;
  /** 督办台账 (SPEC §4.3): the day of each month by which co-units report to the lead (co) and the other units to the office (lead). */
  progressReportDays?: { co: number; lead: number };
  /** Test policies only ('PT10S'): a unit's first monthly report falls due this long after its assignment was recorded. */
  progressReportFirstDueAfter?: string;
  /** 催办升级: how long before the reply deadline the unit's leader in charge is reminded too ('P7D', 'P3D'). */
  leaderReminders?: string[];
  /** 催办升级: once overdue without explanation, the liaison office and the office are told at once and then every … ('P7D'). */
  supervisionReminderEvery?: string;
  /** 承诺事项跟踪: a category B reply's unit is asked to report on its promise every … from the reply ('P3M'). */
  promiseFollowUpEvery?: string;
  /** 承诺事项跟踪: each report is due this long after it is asked for ('P15D'). */
  promiseReportWithin?: string;
  /** 总结工作 (Art. 12): a unit's summary is due this long after its last item of the year is done ('P1M'). */
  unitSummaryPeriod?: string;
  /** 总结工作: how long before that deadline the unit is reminded ('P7D'). */
  unitSummaryReminderBefore?: string;
  /**
   * 年终考核 (Art. 21): each Art. 16 figure's weight in the ranking, relative (the evaluation divides
   * by their sum; @jyta/stats-domain evaluation.ts). Absent: the default 30/20/15/25/10.
   */
  evaluationWeights?: { on_time: number; face_to_face: number; key_satisfaction: number; satisfaction: number; solved: number };
}

export const DEFAULT_POLICY: Policy = {
  version: 1,
  returnWindow: 'P15D',
  replyPeriod: 'P3M',
  urgentReplyPeriod: 'P1M',
  replyReminders: ['P30D', 'P7D'],
  returnWindowReminders: ['P3D'],
  overdueReminderEvery: 'P7D',
  feedbackPeriod: 'P30D',
  rehandlingPeriod: 'P1M',
  coUnitOpinionLeadTime: 'P30D',
  progressReportDays: { co: 22, lead: 25 },
  leaderReminders: ['P7D', 'P3D'],
  supervisionReminderEvery: 'P7D',
  promiseFollowUpEvery: 'P3M',
  promiseReportWithin: 'P15D',
  unitSummaryPeriod: 'P1M',
  unitSummaryReminderBefore: 'P7D',
};

/** 答复类别 (Art. 10): A 已解决或基本解决 / B 正在解决或列入计划 / C 不能解决 / D 留作参考. */
export type ReplyCategory = 'A' | 'B' | 'C' | 'D';
export const REPLY_CATEGORIES: readonly ReplyCategory[] = ['A', 'B', 'C', 'D'];

/** Who reviews a draft, in order (Art. 9, 18): the unit's leader, the vice mayor for multi-unit items, the office. */
export type ReviewStage =
  | 'unit_leader'
  | 'vice_mayor'
  | 'office'
  // A provincial/national item's government document (Art. 9): the office division reviews, the vice mayor signs.
  | 'office_reviewer'
  | 'vice_mayor_signature';

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const SATISFACTION: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];

export interface ReplyReview {
  stage: ReviewStage;
  approve: boolean;
  comment: string;
  by?: string;
  at: string;
}

export interface Feedback {
  attitude: Satisfaction;
  result: Satisfaction;
  /** How the unit contacted the proposer, as the proposer says; 'none' if it did not. */
  contact: ContactMethod | 'none';
  comments?: string;
  sendBack: boolean;
  at: string;
}

export type ReplyStatus =
  | 'in_review' // 审查中
  | 'returned_for_revision' // 退回修改（保留本轮）
  | 'approved' // 审查通过，待发出
  | 'sent' // 已函复，待反馈
  | 'closed' // 已反馈或逾期未反馈；省级、全国件：正式文件已发出，或不满意退回重办
  // Provincial/national items only (Art. 9, 10; see government-document.ts):
  | 'awaiting_document' // 代表委员满意（或逾期未反馈），待建议提案处整理正式文件
  | 'document_in_review' // 正式文件审查、签发中
  | 'document_signed'; // 正式文件已签发，待建议提案处发出

/** 催办 kinds: before the reply deadline, before the return window closes, while overdue. */
export type ReminderKind = 'reply' | 'return_window' | 'overdue';

/** Who issued a command (SPEC §9: user, role, unit). The system itself acts for timers. */
export interface Actor {
  userId: string;
  username?: string;
  role: string;
  unitId?: string | null;
}
export const SYSTEM_ACTOR: Actor = { userId: 'system', username: 'system', role: 'system', unitId: null };

export type UnitStatus =
  | 'assigned' // 已交办，待签收
  | 'handling' // 已签收，办理中
  | 'replied' // 已答复，待代表委员反馈
  | 'done' // 办结（满意/基本满意/不满意未退回/逾期未反馈）
  | 'returned'; // 退转已同意，单位已退出

/** 面商 / 电话 / 书面 / 座谈走访 (Art. 14, 16: face-to-face rate is a KPI). */
export type ContactMethod = 'face_to_face' | 'phone' | 'letter' | 'visit';
export const CONTACT_METHODS: readonly ContactMethod[] = ['face_to_face', 'phone', 'letter', 'visit'];

export interface ProposerContact {
  method: ContactMethod;
  /** The day of the contact (YYYY-MM-DD). */
  on: string;
  summary: string;
  recordedAt: string;
}

/** 延期说明 (Art. 19): filed before the reply deadline by a unit that cannot finish in time. */
export interface DelayExplanation {
  reasons: string;
  measures: string;
  /** The date the unit expects to reply by. */
  expectedOn: string;
  filedAt: string;
}

export interface ReturnRequest {
  reason: string;
  requestedAt: string;
  decision?: { approve: boolean; comment: string; decidedAt: string };
}

export type ProposalStatus =
  | 'unregistered'
  | 'registered' // 已登记，待交办
  | 'assigned' // 已交办
  | 'awaiting_reassignment' // 主办单位全部退转，待重新交办
  | 'merged' // 已并入主件办理（并案办理，merging.ts）
  | 'archived'; // 已归档（第十七条），只读

export interface ProposalDetails {
  proposalId: string;
  number: string;
  kind: ProposalKind;
  level: ProposalLevel;
  sessionYear: number;
  period: SessionPeriod;
  title: string;
  content: string;
  topic?: string;
  proposers: Proposer[];
  key: boolean;
  major: boolean;
  urgent: boolean;
  registeredAt: string;
}

