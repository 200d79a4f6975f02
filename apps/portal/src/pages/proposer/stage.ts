import type { Detail } from '../../api/client';
import { ITEM_STATUS, label } from '../../glossary';

export interface ProposerStage {
  text: string;
  color: string;
  /** a reply waits for this proposer's 征求意见表: its token (only the proposer's own view carries it) */
  feedbackToken?: string;
}

/**
 * Where the proposer's item stands, in the words of the process: 待交办 → 已交办，待签收 → 办理中 →
 * 已答复，请填写征求意见表 → 已办结 (归档). Read from the item's detail as the proposer sees it.
 */
export function proposerStage(item: Detail): ProposerStage {
  if (item.status === 'archived') return { text: '已办结', color: 'default' };
  if (item.status !== 'assigned') return { text: label(ITEM_STATUS, item.status), color: 'default' };
  const awaiting = item.replies.find((r) => r.status === 'sent' && !r.feedback && r.feedbackToken);
  if (awaiting) return { text: '已答复，请填写征求意见表', color: 'orange', feedbackToken: awaiting.feedbackToken };
  if (item.replies.some((r) => r.status === 'sent' || r.status === 'closed')) return { text: '已答复', color: 'green' };
  const active = item.assignments.filter((a) => a.status !== 'returned');
  if (active.length && active.every((a) => !a.signedAt)) return { text: '已交办，待签收', color: 'blue' };
  return { text: '办理中', color: 'blue' };
}

/** The filter of the proposer's list, on the item's status (filtered on the server): 全部 / 待交办 / 办理中 / 已办结. */
export const PROPOSER_STATUS_FILTERS: { key: string; label: string; status?: 'registered' | 'assigned' | 'archived' }[] = [
  { key: 'all', label: '全部' },
  { key: 'registered', label: '待交办', status: 'registered' },
  { key: 'assigned', label: '办理中', status: 'assigned' },
  { key: 'archived', label: '已办结', status: 'archived' },
];
