/** 会办意见: what a co-unit sent to the lead unit. */
export interface CoUnitOpinion {
  opinion: string;
  submittedAt: string;
  /** Sent after the opinion deadline (still accepted). */
  late: boolean;
}
