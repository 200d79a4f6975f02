// ---- state ----------------------------------------------------------------------------------------

/** 会办意见: what a co-unit sent to the lead unit. */
export interface CoUnitOpinion {
  opinion: string;
  submittedAt: string;
  /** Sent after the opinion deadline (still accepted). */
  late: boolean;
}

/** 请示 (Art. 5) and the higher authority's answer (批复). */
export interface InstructionRequest {
  requestId: string;
  /** The higher government or department asked, e.g. 省住房和城乡建设厅. */
  authority: string;
  matter: string;
  requestedAt: string;
  answer?: { answer: string; /** the day of the answer (YYYY-MM-DD) */ on: string; recordedAt: string };
}

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
