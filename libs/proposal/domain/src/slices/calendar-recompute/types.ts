import type { Deadline } from '@jyta/calendar-domain';

/** A deadline before a recomputation, as far as people saw it. */
export interface DeadlineBefore {
  lastDay: string | null;
  dueAt: string;
  provisional?: { missingYears: number[] };
}

/** One deadline moved (or made exact) by a recomputation. */
export interface DeadlineChange {
  from: DeadlineBefore;
  to: Deadline;
}

export interface RecomputedUnit {
  unitId: string;
  returnWindow?: DeadlineChange;
  replyDue?: DeadlineChange;
  /** A co-unit's opinion deadline (SPEC §4.2), counted back from the lead's reply deadline. */
  opinionDue?: DeadlineChange;
}

/** The feedback period of a sent reply (SPEC §5: from the reply, 30 days), moved. Only its end is kept. */
export interface RecomputedFeedback {
  replyId: string;
  unitId: string;
  from: string;
  to: string;
  /** The new last day (24:00 of it is `to`). */
  lastDay: string | null;
}
