/**
 * 办理结果公开 (Art. 20, SPEC §7): "谁办理、谁答复、谁公开". After a reply has gone out, its unit
 * (or the office, reviewing the choice) chooses per reply: full text with the proposers' names,
 * contact details and the cc list removed; a summary the unit writes; or withheld, with a reason
 * that is itself published. The choice may be made again: the latest one wins, every one stays
 * in the events.
 *
 * Publication is not a change of the handling (Art. 17 makes the handling read-only once archived),
 * and it usually happens after the item is archived: ChooseDisclosure is therefore exempt from the
 * archive guard of assertAllowed.
 */
import type { ChooseDisclosure } from '../../commands';
import { DISCLOSURE_MODES, type Disclosure } from './types';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { DecidedEvent, DisclosureChosen } from '../../events';
import { isProvincialItem, latestDocument } from '../../shared/queries';
import type { ProposalState, Reply } from '../../shared/model';

export function assertDisclosureAllowed(command: ChooseDisclosure, state: ProposalState): void {
  const d = command.data;
  const r = (state.replies ?? []).find((x) => x.replyId === d.replyId);
  if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId: d.replyId });
  if (r.status !== 'sent' && r.status !== 'closed') {
    throw new DomainError(ErrorCodes.REPLY_NOT_SENT, '答复发出后才能选择公开方式（第二十条）', 409, { status: r.status });
  }
  // A provincial/national item is answered by the government document, not by the unit's opinion
  // that went to the proposer first (Art. 9, 10): what is published is the document, once sent.
  if (isProvincialItem(state) && latestDocument(r)?.status !== 'sent') {
    throw new DomainError(ErrorCodes.REPLY_NOT_SENT, '省级、全国建议提案以市政府正式文件答复，正式文件发出后才能选择公开方式（第十、二十条）', 409, {
      status: r.status,
    });
  }
  if (!DISCLOSURE_MODES.includes(d.mode)) throw invalid('mode', 'mode 须为 full / summary / withheld');
  if (d.mode === 'summary' && !d.summary?.trim()) throw invalid('summary', '摘要公开须填写摘要');
  if (d.mode === 'withheld' && !d.reason?.trim()) throw invalid('reason', '不予公开须说明理由');
}

export function decideDisclosure(command: ChooseDisclosure, state: ProposalState, at: string): DecidedEvent[] {
  const d = command.data;
  const r = (state.replies ?? []).find((x) => x.replyId === d.replyId)!;
  const data: DisclosureChosen['data'] = { replyId: r.replyId, unitId: r.unitId, mode: d.mode };
  if (d.mode === 'summary') data.summary = d.summary!.trim();
  if (d.mode === 'withheld') data.reason = d.reason!.trim();
  return [{ type: 'DisclosureChosen', occurredAt: at, data }];
}

export function evolveDisclosure(state: ProposalState, event: DisclosureChosen & { occurredAt: string }): ProposalState {
  const { replyId, mode, summary, reason } = event.data;
  const disclosure: Disclosure = { mode, chosenAt: event.occurredAt, ...(summary ? { summary } : {}), ...(reason ? { reason } : {}) };
  return {
    ...state,
    replies: (state.replies ?? []).map((r: Reply) => (r.replyId === replyId ? { ...r, disclosure } : r)),
  };
}

// What the public reads (redacted text) is made by the read model with @jyta/redaction
// (libs/proposal/data-access-read-models/src/public-replies.ts): the domain only records the choice.
