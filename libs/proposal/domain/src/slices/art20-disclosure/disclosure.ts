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
import { DISCLOSURE_MODES, type Disclosure, type DisclosureMode } from './types';
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

/** Who and what must not be published from a reply (Art. 20: names, contact details, cc). */
export interface RedactionSubjects {
  proposers: { name: string; phone?: string; address?: string }[];
  cc: string[];
}

export const NAME_MASK = '××';
export const REDACTED = '[已隐去]';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phone number as written in any grouping: its digits with optional spaces, dashes or brackets between. */
function digitsPattern(phone: string): RegExp | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  return new RegExp(`(?<!\\d)${digits.split('').join('[\\s\\-()（）]*')}(?!\\d)`, 'g');
}

/** 中国大陆手机号, optionally +86 and grouped (138 1234 5678, 138-1234-5678). */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
/** 固定电话 with area code: 0371-67188888, (0371)67188888, 037167188888, optional extension. */
const LANDLINE = /(?:[(（]0\d{2,3}[)）]|(?<!\d)0\d{2,3})[\s-]?\d{7,8}(?:[-转]\d{1,6})?(?!\d)/g;
/** A bare local number after a contact keyword: 电话：67188888. */
const LABELLED_NUMBER = /((?:电话|手机|联系方式|联系电话|座机|传真|tel|Tel|TEL)[：:\s]*)\d[\d -]{5,}\d/g;
/** The cc line of a letter (抄送：…) goes as a whole. */
const CC_LINE = /(抄\s*送[：:])[^\n]*/g;

/**
 * The letter text as it may be published (Art. 20): every proposer's name, phone number and
 * address, every cc entry, and any phone number at all (mobile, landline) inside the text are
 * replaced. Pure.
 */
export function redactForPublication(body: string, subjects: RedactionSubjects): string {
  let text = body ?? '';
  const literal = (value: string | undefined, mask: string) => {
    const v = value?.trim();
    if (!v) return;
    text = text.split(v).join(mask);
  };
  // cc and addresses first: they may contain a name.
  text = text.replace(CC_LINE, `$1${REDACTED}`);
  for (const c of [...(subjects.cc ?? [])].sort((a, b) => b.length - a.length)) literal(c, REDACTED);
  for (const p of subjects.proposers ?? []) literal(p.address, REDACTED);
  for (const p of subjects.proposers ?? []) {
    const re = p.phone ? digitsPattern(p.phone) : undefined;
    if (re) text = text.replace(re, REDACTED);
  }
  text = text.replace(MOBILE, REDACTED).replace(LANDLINE, REDACTED).replace(LABELLED_NUMBER, `$1${REDACTED}`);
  // Longest names first, so 王小明 is not left as ××明 by a co-proposer called 王小.
  const names = [...new Set((subjects.proposers ?? []).map((p) => p.name?.trim()).filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
  if (names.length) text = text.replace(new RegExp(names.map(escapeRe).join('|'), 'g'), NAME_MASK);
  return text;
}

/** What the public site shows for a reply with a disclosure choice; undefined when nothing is to be published. */
export function publishedText(state: ProposalState, reply: Reply): { mode: DisclosureMode; text: string | null; reason: string | null } | undefined {
  const d = reply.disclosure;
  if (!d) return undefined;
  if (d.mode === 'full') {
    // The letter the proposer received: the government document for provincial/national items.
    const doc = latestDocument(reply);
    const letter = doc?.status === 'sent' ? doc.body : reply.body;
    const cc = [...(reply.cc ?? []), ...(doc?.cc ?? [])];
    return { mode: 'full', text: redactForPublication(letter, { proposers: state.details?.proposers ?? [], cc }), reason: null };
  }
  if (d.mode === 'summary') {
    return { mode: 'summary', text: redactForPublication(d.summary ?? '', { proposers: state.details?.proposers ?? [], cc: reply.cc ?? [] }), reason: null };
  }
  return { mode: 'withheld', text: null, reason: redactForPublication(d.reason ?? '', { proposers: state.details?.proposers ?? [], cc: reply.cc ?? [] }) };
}
