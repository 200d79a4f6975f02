import fc from 'fast-check';
import { redact, type RedactionSubjects } from './index';
import { normalizeForMatching } from './normalize';

// 办理结果公开的脱敏 (Art. 20, SPEC §7), property-based: generated letters carry generated names,
// phone numbers in random forms, ID numbers and e-mail addresses at random places among Chinese
// text and ordinary numbers; after redact() none of them can be read back. Generated harmless texts
// (dates, amounts, document numbers, percentages) come out unchanged.

const RUNS = { numRuns: 300 };

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Each character full-width or not, at random: people mix them. */
const someFullWidth = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((w) => Array.from(s, (c, i) => (w[i] ? toFullWidth(c) : c)).join(''));

// ---- Chinese text and ordinary numbers ------------------------------------------------------------

const PHRASES = [
  '您提出的关于加强老旧小区改造的建议收悉',
  '现答复如下',
  '我局高度重视',
  '已列入明年城建计划',
  '经认真研究',
  '感谢您对城市管理工作的关心和支持',
  '下一步我们将继续加强督促检查',
  '专门召开会议研究部署',
  '此复',
  '市城市管理局',
  '会同相关部门',
  '问题已基本解决',
] as const;
const PUNCT = ['，', '。', '；', '、', '：', '！', '\n', ' '] as const;

const harmlessNumber = fc.oneof(
  fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc
    .tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), pick(['-', '.', '/']))
    .map(([y, m, d, s]) => [y, String(m).padStart(2, '0'), String(d).padStart(2, '0')].join(s)),
  fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), pick(['万元', '元', '亿元', '个', '人', '平方米', '公里'])).map(([n, u]) => `${n}${u}`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([n, k]) => `${n}.${k}亿元`),
  fc.tuple(pick(['郑政办', '郑政文', '郑政', '郑办']), fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 300 })).map(([p, y, n]) => `${p}〔${y}〕${n}号`),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined })).map(([n, k]) => (k === undefined ? `${n}%` : `${n}.${k}%`)),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 12345 }).map((n) => `第${n}号`),
);

const plainPiece = fc.oneof(pick(PHRASES), harmlessNumber);
/** Harmless pieces, always separated by a phrase or punctuation (two numbers never touch). */
const harmlessText = fc
  .array(fc.tuple(plainPiece, pick(PUNCT)), { minLength: 1, maxLength: 12 })
  .map((xs) => xs.map(([p, s]) => p + s).join(''));

// ---- secrets ------------------------------------------------------------------------------------------

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '欧阳', '司马', '诸葛'] as const;
const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const name = fc.tuple(pick(SURNAMES), fc.array(hanChar, { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join(''));
/** A name as it may be written: characters with spaces, ideographic or zero-width spaces between. */
const writtenName = (n: string) =>
  fc
    .array(pick(['', '', '', ' ', '\u3000', '\u200b', '  ', '\n']), { minLength: Array.from(n).length, maxLength: Array.from(n).length })
    .map((gaps) => Array.from(n, (c, i) => (i === 0 ? c : gaps[i] + c)).join(''));

const mobile = fc.tuple(pick(['3', '4', '5', '6', '7', '8', '9']), digits(9)).map(([b, rest]) => `1${b}${rest}`);
const writtenMobile = (m: string) =>
  fc
    .tuple(
      pick(['', '+86 ', '+86-', '86-', '0086 ', '(+86)', '+86']),
      pick(['', ' ', '-', '.', '—']),
      fc.boolean(),
    )
    .chain(([cc, sep, grouped4]) => {
      const body = grouped4 ? [m.slice(0, 4), m.slice(4, 7), m.slice(7)].join(sep) : [m.slice(0, 3), m.slice(3, 7), m.slice(7)].join(sep);
      return someFullWidth(cc + body);
    });

const landline = fc
  .tuple(
    fc.oneof(pick(['010', '020', '021', '022', '023', '024', '025', '027', '028', '029']), fc.tuple(pick(['3', '4', '5', '6', '7', '8', '9']), digits(2)).map(([a, b]) => `0${a}${b}`)),
    pick(['2', '3', '4', '5', '6', '7', '8']),
    fc.boolean(),
  )
  .chain(([area, first, eight]) => digits(eight ? 7 : 6).map((rest) => ({ area, local: first + rest })));
const writtenLandline = ({ area, local }: { area: string; local: string }) =>
  fc
    .tuple(
      pick(['dash', 'brackets', 'fw-brackets', 'spaces', 'run', 'cc-space', 'cc-dash', 'cc86', 'cc-zero'] as const),
      fc.boolean(),
    )
    .chain(([form, split]) => {
      const loc = split ? `${local.slice(0, -4)} ${local.slice(-4)}` : local;
      const bare = area.slice(1);
      const text = {
        dash: `${area}-${loc}`,
        brackets: `(${area})${loc}`,
        'fw-brackets': `（${area}）${loc}`,
        spaces: `${area} ${loc}`,
        run: `${area}${local}`,
        'cc-space': `+86 ${bare} ${loc}`,
        'cc-dash': `+86-${bare}-${local}`,
        cc86: `86-${bare}-${local}`,
        'cc-zero': `+86 (0)${bare} ${loc}`,
      }[form];
      return someFullWidth(text);
    });

const idNumber = fc
  .tuple(
    fc.integer({ min: 110000, max: 659999 }),
    fc.integer({ min: 1930, max: 2010 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    digits(3),
    pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', 'x']),
  )
  .map(([r, y, m, d, seq, check]) => `${r}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}${check}`);
const writtenId = (id: string) =>
  fc.tuple(pick(['', ' ', '-']), fc.boolean()).chain(([sep, grouped]) => someFullWidth(grouped ? [id.slice(0, 6), id.slice(6, 14), id.slice(14)].join(sep) : id));

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{2,11}$/),
    fc.oneof(pick(['163.com', 'qq.com', '126.com', 'sina.com.cn', 'zz.gov.cn', 'gmail.com']), fc.stringMatching(/^[a-z]{2,8}\.(com|cn|net|org)$/)),
  )
  .map(([local, domain]) => `${local.replace(/[._]+$/, '')}@${domain}`);
const writtenEmail = (e: string) => fc.oneof(fc.constant(e), someFullWidth(e), fc.constant(e.replace('@', '＠')), fc.constant(e.replace('@', ' @ ')));

// ---- letters ----------------------------------------------------------------------------------------------

type Secret =
  | { kind: 'name'; value: string; written: string; contact: boolean }
  | { kind: 'phone'; digits: string; written: string; known: boolean }
  | { kind: 'id'; digits: string; written: string }
  | { kind: 'email'; value: string; written: string };

const secret: fc.Arbitrary<Secret> = fc.oneof(
  fc.tuple(name, fc.boolean()).chain(([n, contact]) => writtenName(n).map((w) => ({ kind: 'name' as const, value: n, written: w, contact }))),
  fc.tuple(mobile, fc.boolean()).chain(([m, known]) => writtenMobile(m).map((w) => ({ kind: 'phone' as const, digits: m, written: w, known }))),
  fc.tuple(landline, fc.boolean()).chain(([l, known]) =>
    writtenLandline(l).map((w) => ({ kind: 'phone' as const, digits: l.local, written: w, known })),
  ),
  idNumber.chain((id) => writtenId(id).map((w) => ({ kind: 'id' as const, digits: id.slice(0, 17), written: w }))),
  email.chain((e) => writtenEmail(e).map((w) => ({ kind: 'email' as const, value: e, written: w }))),
);

/** Text, then a secret between a separator that is not a digit on each side, and so on. */
const letter = fc
  .tuple(harmlessText, fc.array(fc.tuple(secret, pick(['，', '：', '（', ' ', '、', '致电', '为', '号码']), pick(['，', '）', '。', ' ', '同志', '代表']), harmlessText), { minLength: 1, maxLength: 6 }))
  .map(([head, parts]) => ({
    text: head + parts.map(([s, before, after, tail]) => before + s.written + after + tail).join(''),
    secrets: parts.map(([s]) => s),
  }));

const subjectsOf = (secrets: Secret[]): RedactionSubjects => ({
  // Names are known to the redaction (the item's proposers, or people it names); numbers only sometimes.
  proposers: secrets.flatMap((s) =>
    s.kind === 'name' && !s.contact ? [{ name: s.value }] : s.kind === 'phone' && s.known ? [{ name: '', phone: s.digits }] : [],
  ),
  contacts: secrets.flatMap((s) => (s.kind === 'name' && s.contact ? [s.value] : [])),
});

const withoutSpaces = (s: string) => s.replace(/[\s\u200b\u200c\u200d\u2060\ufeff]/g, '');
const digitsOnly = (s: string) => normalizeForMatching(s).replace(/\D/g, '');

describe('redaction of generated letters (Art. 20)', () => {
  it('no name, phone number, ID number or e-mail address can be read back from the published text', () => {
    fc.assert(
      fc.property(letter, ({ text, secrets }) => {
        const out = redact(text, subjectsOf(secrets));
        const compactOut = withoutSpaces(out);
        const outDigits = digitsOnly(out);
        const outNormal = normalizeForMatching(out).toLowerCase().replace(/\s/g, '');
        for (const s of secrets) {
          if (s.kind === 'name') expect(compactOut).not.toContain(s.value);
          if (s.kind === 'phone' || s.kind === 'id') expect(outDigits).not.toContain(s.digits);
          if (s.kind === 'email') {
            expect(outNormal).not.toContain(s.value);
            expect(outNormal).not.toContain(s.value.split('@')[0]);
          }
        }
      }),
      RUNS,
    );
  });

  it('a letter written half in full-width is redacted as well as the half-width one, and nothing else changes', () => {
    fc.assert(
      fc.property(letter, ({ text, secrets }) => {
        const subjects = subjectsOf(secrets);
        // The same letter in full-width: the same cuts, and the text between them as written.
        const wide = redact(toFullWidth(text), subjects);
        expect(normalizeForMatching(wide)).toBe(normalizeForMatching(redact(text, subjects)));
      }),
      RUNS,
    );
  });

  it('harmless texts (dates, amounts, document numbers, percentages, times) come out unchanged', () => {
    const subjects: RedactionSubjects = { proposers: [{ name: '王芳', phone: '13812345678', address: '金水区花园路1号' }], cc: ['市政协提案委'], contacts: ['李雷'] };
    fc.assert(
      fc.property(harmlessText, (text) => {
        expect(redact(text, subjects)).toBe(text);
      }),
      RUNS,
    );
  });

  it('redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(letter, ({ text, secrets }) => {
        const subjects = subjectsOf(secrets);
        const once = redact(text, subjects);
        expect(redact(once, subjects)).toBe(once);
      }),
      RUNS,
    );
  });
});
