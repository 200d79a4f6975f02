/** 请示 (Art. 5) and the higher authority's answer (批复). */
export interface InstructionRequest {
  requestId: string;
  /** The higher government or department asked, e.g. 省住房和城乡建设厅. */
  authority: string;
  matter: string;
  requestedAt: string;
  answer?: { answer: string; /** the day of the answer (YYYY-MM-DD) */ on: string; recordedAt: string };
}
