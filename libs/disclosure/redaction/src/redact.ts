/**
 * 办理结果公开的脱敏 (Art. 20, SPEC §7: "redaction must not leak: names and phone numbers inside
 * the letter text are removed too"). A letter is published in full only without the proposers'
 * names and contact details, the cc list and the names of the other people the item names.
 *
 * Matching runs on a normalised copy of the text (normalize.ts: full-width digits and punctuation,
 * ideographic and zero-width spaces, dashes), so １３８－１２３４ is found like 138-1234; what is cut
 * out is cut from the original, so the rest of the letter stays as written. Every detector marks
 * ranges; overlapping ranges are merged and replaced once, so one detector never matches another
 * one's mask. Pure: no I/O, no clock.
 */
import { compact, normalizeForMatching } from './normalize';

/** One person whose details must not be published. */
export interface RedactionPerson {
  name?: string;
  phone?: string;
  address?: string;
  email?: string;
  /** The person's login name, should it have been written into the letter. */
  username?: string;
}

/** Who and what must not be published from a reply (Art. 20: names, contact details, cc). */
export interface RedactionSubjects {
  /** Every proposer of the item (and of the items handled with it): name, phone, address, e-mail. */
  proposers: RedactionPerson[];
  /** The cc list (抄送) of the letter: each entry wherever it appears; every 抄送 / 抄报 line goes as a whole too. */
  cc?: string[];
  /** Other people the item names (contact records, …): their names go like the proposers'. */
  contacts?: string[];
}

export const NAME_MASK = '××';
export const REDACTED = '[已隐去]';

type Mask = 'name' | 'other';
interface Cut {
  start: number;
  end: number;
  mask: Mask;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- numbers in every common form -----------------------------------------------------------------

/**
 * What stands between the groups of a number as people write it: up to two spaces, dashes or dots
 * (normalised: full-width and em dashes are '-'). Only between groups, never at every digit, and
 * never a line break: "1990-01-01\n1.10亿元" is not a phone number.
 */
const SEP = String.raw`[ \t\-.]{0,2}`;
/** The country code: +86, 0086, (+86), 86- (a bare 86 only where no digit precedes it). */
const CC = String.raw`(?:\(\s*(?:\+|00)?\s*86\s*\)|(?:\+|00)\s*86|(?<!\d)86)`;

/** 中国大陆手机号 1[3-9]x, grouped 3-4-4 or 4-3-4 (138 1234 5678, 138-1234-5678, 1381 234 5678), optionally +86 / 86-. */
const MOBILE = new RegExp(
  String.raw`(?<!\d)(?:${CC}${SEP})?1[3-9]\d(?:${SEP}\d{4}${SEP}\d{4}|\d${SEP}\d{3}${SEP}\d{4})(?!\d)`,
  'g',
);

/**
 * 固定电话 with its area code: 0371-6718 8888, (0371)67188888, 0371 6718 8888, 010-12345678,
 * +86 371 6718 8888, +86-371-67188888, 86-371-…, +86 (0)371 …; an extension (-801, 转801, 分机801)
 * goes with it. Local numbers have 7 or 8 digits and do not start with 0.
 */
const AREA = String.raw`(?:${CC}${SEP}(?:\(\s*0\s*\)${SEP})?0?[1-9]\d{1,2}|\(\s*0\d{2,3}\s*\)|(?<!\d)0\d{2,3})`;
const LANDLINE = new RegExp(
  String.raw`${AREA}${SEP}[1-9]\d{2,3}${SEP}\d{4}(?!\d)(?:\s*(?:-|转|ext\.?|分机)\s*\d{1,6}(?!\d))?`,
  'gi',
);

/** A number after a contact keyword, whatever its form (电话：67188888, 传真 6718-8888). */
const LABELLED_NUMBER = new RegExp(
  String.raw`((?:联系)?(?:电话|手机|手机号码?|联系方式|座机|固话|传真|(?<![a-z])(?:tel|phone|mobile|fax))\s*(?:号码)?\s*[:]?\s*)([+(]?\d[\d \-().]{4,}\d)`,
  'gi',
);

/** QQ / 微信 accounts after their keyword. */
const LABELLED_ACCOUNT = /((?:QQ|微信号?|wechat)\s*号?\s*[:]?\s*)([A-Za-z0-9_-]{5,})/gi;

/**
 * 身份证号 (18 digits, the last one may be X; the old 15-digit ones), and any other run of 15 or
 * more digits (bank card numbers): no ordinary number in a letter is that long. Written in groups
 * of three or more digits with a space or dash between (4101 0519 9001 0112 3X, 410105-19900101-123X);
 * groups of one or two digits (1990-01-01) are dates, not parts of such a number.
 */
const DIGIT_GROUPS = /(?<!\d)\d+(?:[ -]\d+)*(?:[ -]?[Xx])?(?!\d)/g;
const LONG_NUMBER_DIGITS = 15;

function longNumbers(matchText: string): Cut[] {
  const cuts: Cut[] = [];
  for (const m of matchText.matchAll(DIGIT_GROUPS)) {
    let run: { start: number; end: number; digits: number } | undefined;
    const close = () => {
      if (run && run.digits >= LONG_NUMBER_DIGITS) cuts.push({ start: run.start, end: run.end, mask: 'other' });
      run = undefined;
    };
    for (const g of m[0].matchAll(/[0-9Xx]+/g)) {
      const start = m.index! + g.index!;
      const end = start + g[0].length;
      const digits = g[0].replace(/\D/g, '').length;
      if (/^[Xx]$/.test(g[0]) && run) run.end = end; // the check character written apart
      else if (g[0].length >= 3) run = run ? { ...run, end, digits: run.digits + digits } : { start, end, digits };
      else close();
    }
    close();
  }
  return cuts;
}

/** E-mail addresses, also written with (at) / [at] or spaces around the @. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\s?(?:@|\(at\)|\[at\])\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi;

/** The cc line of a letter (抄送：… / 抄报：…) goes as a whole, the label stays. */
const CC_LINE = /(抄\s*[送报]\s*:)([^\n]*)/g;

// ---- the subjects' own values -----------------------------------------------------------------------

/** Matches the characters of a value in order, whatever of `between` stands between them. */
function spread(value: string, between: string, flags = 'giu'): RegExp | undefined {
  const chars = Array.from(value);
  if (!chars.length) return undefined;
  return new RegExp(chars.map(escapeRe).join(between), flags);
}

/** The digit strings a subject's phone number may appear as: as given, without +86, its local part. */
function phoneDigitVariants(phone: string): string[] {
  const digits = compact(phone).replace(/\D/g, '');
  const out = new Set<string>([digits]);
  let national = digits.replace(/^(?:0086|86)(?=\d{9,})/, '');
  if (national !== digits) {
    if (!/^[01]/.test(national)) national = `0${national}`; // +86 371 … is 0371 …
    out.add(national);
  }
  const m = /^0(?:10|2\d|[3-9]\d\d)(\d{7,8})$/.exec(national);
  if (m) out.add(m[1]);
  return [...out].filter((d) => d.length >= 5);
}

const DIGIT_GAP = String.raw`[\s\-.()]{0,3}`;

function subjectPatterns(subjects: RedactionSubjects): { re: RegExp; mask: Mask }[] {
  const out: { re: RegExp; mask: Mask }[] = [];
  const add = (re: RegExp | undefined, mask: Mask) => re && out.push({ re, mask });
  const proposers = subjects.proposers ?? [];

  for (const c of subjects.cc ?? []) {
    const v = compact(c ?? '');
    if (Array.from(v).length >= 2) add(spread(v, String.raw`\s*`), 'other');
  }
  for (const p of proposers) {
    const address = compact(p.address ?? '');
    // A two-character "address" (郑州) would take every mention of the city.
    if (Array.from(address).length >= 4) add(spread(address, String.raw`\s*`), 'other');
    const email = compact(p.email ?? '');
    if (email.includes('@')) add(spread(email, String.raw`\s?`), 'other');
    const username = compact(p.username ?? '');
    if (username.length >= 3) add(new RegExp(`(?<![A-Za-z0-9_])${escapeRe(username)}(?![A-Za-z0-9_])`, 'gi'), 'other');
    for (const d of phoneDigitVariants(p.phone ?? '')) {
      add(new RegExp(`(?<!\\d)${d.split('').join(DIGIT_GAP)}(?!\\d)`, 'g'), 'other');
    }
  }
  // Names, with anything that may be slipped between the characters (张 伟, 张·伟, 张\u200b伟).
  // The dot of a minority name (买买提·艾力) is such a separator too, so it is dropped from the name.
  const names = new Set<string>();
  for (const n of [...proposers.map((p) => p.name), ...(subjects.contacts ?? [])]) {
    const v = compact(n ?? '').replace(/[·•・.]/g, '');
    // One character is a surname, not a name: masking it would mask every word that contains it.
    if (Array.from(v).length >= 2) names.add(v);
  }
  for (const n of names) add(spread(n, String.raw`[\s·•・.\-_]*`), 'name');
  return out;
}

// ---- assembling ---------------------------------------------------------------------------------------

function cutsOf(matchText: string, subjects: RedactionSubjects): Cut[] {
  const cuts: Cut[] = [];
  const all = (re: RegExp, mask: Mask, group?: 2) => {
    for (const m of matchText.matchAll(re)) {
      const start = m.index! + (group ? m[1].length : 0);
      const end = start + (group ? m[2] : m[0]).length;
      if (end > start) cuts.push({ start, end, mask });
    }
  };
  for (const { re, mask } of subjectPatterns(subjects)) all(re, mask);
  all(MOBILE, 'other');
  all(LANDLINE, 'other');
  cuts.push(...longNumbers(matchText));
  all(EMAIL, 'other');
  all(LABELLED_NUMBER, 'other', 2);
  all(LABELLED_ACCOUNT, 'other', 2);
  for (const m of matchText.matchAll(CC_LINE)) {
    if (!m[2].trim()) continue;
    const start = m.index! + m[1].length + (m[2].length - m[2].trimStart().length);
    cuts.push({ start, end: m.index! + m[0].length, mask: 'other' });
  }
  return cuts;
}

/**
 * The text as it may be published (Art. 20): every proposer's and every named contact's name
 * (××), their phone numbers, e-mail addresses and addresses, the cc list, and any phone number,
 * ID number, long account number or e-mail address at all ([已隐去]). Dates, amounts, document
 * numbers and percentages stay. Pure.
 */
export function redact(text: string, subjects: RedactionSubjects): string {
  const original = text ?? '';
  const cuts = cutsOf(normalizeForMatching(original), subjects).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (let i = 0; i < cuts.length; ) {
    const start = cuts[i].start;
    let { end, mask } = cuts[i++];
    // Overlapping ranges are one: 王小明 covers 王小, an address covers the name in it.
    while (i < cuts.length && cuts[i].start < end) {
      end = Math.max(end, cuts[i].end);
      if (cuts[i].mask === 'other') mask = 'other';
      i++;
    }
    out += original.slice(at, start) + (mask === 'name' ? NAME_MASK : REDACTED);
    at = end;
  }
  return out + original.slice(at);
}
