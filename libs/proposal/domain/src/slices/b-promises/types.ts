/** One follow-up request of a category B promise: the unit is asked to report by `dueAt`. */
export interface PromiseFollowUp {
  round: number;
  requestedAt: string;
  dueAt: string;
}

/** A report of the unit on what it promised (the latest says whether it is done). */
export interface PromiseReport {
  text: string;
  done: boolean;
  at: string;
}

/**
 * A category B reply (正在解决或已列入计划逐步解决, Art. 10) read as a promise: the follow-ups asked
 * for, the reports given, and when it was fulfilled (a report with done = true). Absent until the
 * first request or report.
 */
export interface ReplyPromise {
  followUps: PromiseFollowUp[];
  reports: PromiseReport[];
  fulfilledAt?: string;
}

/** 承诺事项跟踪: the timer asks the unit for a report on its promise. */
export interface RequestPromiseFollowUp {
  type: 'RequestPromiseFollowUp';
  data: { unitId: string; replyId: string; round: number; requestAt: string; dueAt: string };
}

/** The unit reports on its promise; `done` marks it fulfilled. */
export interface ReportPromiseProgress {
  type: 'ReportPromiseProgress';
  data: { unitId: string; replyId: string; text: string; done: boolean };
}

export type PromiseCommand = RequestPromiseFollowUp | ReportPromiseProgress;

export interface PromiseFollowUpRequested {
  type: 'PromiseFollowUpRequested';
  data: { unitId: string; replyId: string; round: number; dueAt: string };
}

export interface PromiseProgressReported {
  type: 'PromiseProgressReported';
  data: { unitId: string; replyId: string; text: string; done: boolean };
}

export interface PromiseFulfilled {
  type: 'PromiseFulfilled';
  data: { unitId: string; replyId: string };
}

export type PromiseEvent = PromiseFollowUpRequested | PromiseProgressReported | PromiseFulfilled;
