/**
 * Notices of 并案办理 to the merged item's own proposers: that their item is handled together with
 * the main item, and each copy of the main item's reply (kind 'reply_sent', so their inbox carries
 * the token of their own feedback form). The main item's proposers hear of its replies as usual
 * (ReplySent). Pure, like every rule (rules.ts).
 */
import type { NoticeEvent, NoticeRule } from './rules';

function relevant({ type, data: d }: NoticeEvent): boolean {
  if (typeof d.mainNumber !== 'string') return false;
  return type !== 'MergedReplyReceived' || (typeof d.replyId === 'string' && typeof d.unitId === 'string');
}

export const mergingRule: NoticeRule = {
  types: ['MergedReplyReceived', 'MergedIntoProposal'],

  audience: (e) => (relevant(e) ? { proposers: true } : undefined),

  message(e, { item, shortTitle, unitName, formatDueAt }) {
    if (!relevant(e)) return undefined;
    const d = e.data;
    if (e.type === 'MergedIntoProposal') {
      return {
        kind: 'merged',
        title: `并案办理：${shortTitle}`,
        body: `您提出的${item}与 ${d.mainNumber} 内容相同或相近，已并案办理，由承办单位一并办理答复。答复将送达您本人，请届时填写征求意见表。`,
      };
    }
    return {
      kind: 'reply_sent',
      title: `答复已送达：${shortTitle}`,
      body:
        `您提出的${item}与 ${d.mainNumber} 并案办理，${unitName(d.unitId as string)}已作出答复，请登录系统查看答复内容，` +
        `并填写征求意见表${typeof d.feedbackDueAt === 'string' ? `（请于 ${formatDueAt(d.feedbackDueAt)} 前反馈）` : ''}。` +
        '如不满意或情况发生变化，可在征求意见表中退回重办。',
    };
  },
};
