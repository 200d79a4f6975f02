/** 督办台账: one month's progress report of a unit. `month` is the month the report falls due in. */
export interface ProgressReport {
  month: string;
  progress: string;
  dueAt: string;
  submittedAt: string;
  late: boolean;
}

/** A month whose report did not come by its due time: a supervision finding. */
export interface MissedProgressReport {
  month: string;
  dueAt: string;
}
