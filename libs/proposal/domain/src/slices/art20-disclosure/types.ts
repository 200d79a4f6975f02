/** 办理结果公开 (Art. 20): the choice a unit makes for a sent reply. */
export type DisclosureMode = 'full' | 'summary' | 'withheld';
export const DISCLOSURE_MODES: readonly DisclosureMode[] = ['full', 'summary', 'withheld'];

/** The reply's current disclosure choice (the latest DisclosureChosen). */
export interface Disclosure {
  mode: DisclosureMode;
  summary?: string;
  reason?: string;
  chosenAt: string;
}
