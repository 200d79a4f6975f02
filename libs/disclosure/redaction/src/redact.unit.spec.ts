import { NAME_MASK, REDACTED, redact, type RedactionSubjects } from './index';

// 办理结果公开的脱敏 (Art. 20, SPEC §7), fixed cases: every form a name, a number or an address
// takes in a letter, and the ordinary numbers that must stay.

const none: RedactionSubjects = { proposers: [] };
const digitsOf = (s: string) => s.replace(/\D/g, '');

describe('names of the proposers and of the people the item names', () => {
  const subjects: RedactionSubjects = { proposers: [{ name: '王芳' }, { name: '欧阳晓峰' }], contacts: ['李雷'] };

  it.each([
    ['as written', '王芳代表：您好！', '××代表：您好！'],
    ['spaces between the characters', '王 芳代表', '××代表'],
    ['an ideographic space', '王\u3000芳代表', '××代表'],
    ['a zero-width space', '王\u200b芳代表', '××代表'],
    ['a line break', '欧阳\n晓峰委员', '××委员'],
    ['a middle dot', '欧阳·晓峰委员', '××委员'],
    ['a contact named in the item', '经与李雷同志电话沟通', '经与××同志电话沟通'],
    ['several times', '王芳代表关心的问题，王芳代表', '××代表关心的问题，××代表'],
  ])('%s', (_, text, expected) => {
    expect(redact(text, subjects)).toBe(expected);
  });

  it('names of 2 to 4 characters, several proposers, the longer name covering the shorter', () => {
    const out = redact('李明、欧阳晓峰、司马相如、王小和王小明等委员联名提出。', {
      proposers: [{ name: '李明' }, { name: '欧阳晓峰' }, { name: '司马相如' }, { name: '王小' }, { name: '王小明' }],
    });
    expect(out).toBe('××、××、××、××和××等委员联名提出。');
  });

  it('a minority name with its dot, written with or without it', () => {
    const s = { proposers: [{ name: '买买提·艾力' }] };
    expect(redact('买买提·艾力代表、买买提艾力代表', s)).toBe('××代表、××代表');
  });

  it('a one-character name is not masked everywhere (it would take every word with that character)', () => {
    expect(redact('王府井大街', { proposers: [{ name: '王' }] })).toBe('王府井大街');
  });
});

describe('phone numbers in every common form', () => {
  it.each([
    ['mobile', '13812345678'],
    ['mobile with spaces', '138 1234 5678'],
    ['mobile with dashes', '138-1234-5678'],
    ['mobile grouped 4-3-4', '1381 234 5678'],
    ['mobile with dots', '138.1234.5678'],
    ['mobile +86', '+86 138 1234 5678'],
    ['mobile +86-', '+86-13812345678'],
    ['mobile 86-', '86-138-1234-5678'],
    ['mobile 0086', '008613812345678'],
    ['mobile (+86)', '(+86)13812345678'],
    ['mobile full-width', '１３８１２３４５６７８'],
    ['mobile full-width with a full-width dash', '１３８－１２３４－５６７８'],
    ['mobile with an em dash', '138—1234—5678'],
    ['landline with dash and space', '0371-6718 8888'],
    ['landline with dash', '0371-67188888'],
    ['landline in brackets', '(0371)67188888'],
    ['landline in full-width brackets', '（0371）6718-8888'],
    ['landline with spaces', '0371 6718 8888'],
    ['landline run together', '037167188888'],
    ['landline Beijing', '010-12345678'],
    ['landline +86 371', '+86 371 6718 8888'],
    ['landline +86-371', '+86-371-67188888'],
    ['landline 86-371', '86-371-67188888'],
    ['landline +86 (0)371', '+86 (0)371 6718 8888'],
    ['landline full-width', '０３７１－６７１８８８８８'],
    ['landline with extension', '0371-67188888转801'],
    ['landline with dash extension', '0371-67188888-801'],
  ])('%s: %s', (_, number) => {
    const out = redact(`如有疑问请致电${number}，谢谢。`, none);
    expect(out).toBe(`如有疑问请致电${REDACTED}，谢谢。`);
  });

  it('a local number after a contact keyword', () => {
    for (const text of ['电话：67188888', '联系电话 6718-8888', '传真：6718 8889', 'Tel: 67188888', '手机号码：1381234567']) {
      expect(digitsOf(redact(text, none))).toBe('');
    }
  });

  it("the subject's own number as written anywhere, with or without +86, its local part alone", () => {
    const s = { proposers: [{ name: '赵六', phone: '+86 371 6718 8888' }] };
    const out = redact('来电67188888收悉；请回拨0371-6718-8888或 6718 8888。', s);
    expect(digitsOf(out)).toBe('');
    const mobile = { proposers: [{ name: '赵六', phone: '138-1234-5678' }] };
    expect(redact('号码是 1 3 8 1 2 3 4 5 6 7 8 ', mobile)).not.toMatch(/\d/);
  });

  it('QQ and WeChat accounts', () => {
    expect(redact('QQ：12345678，微信号：zhang_wei88', none)).toBe(`QQ：${REDACTED}，微信号：${REDACTED}`);
  });
});

describe('ID numbers, account numbers, e-mail addresses', () => {
  it.each([
    ['18 digits', '410105199001011234'],
    ['18 digits ending in X', '41010519900101123X'],
    ['18 digits ending in x', '41010519900101123x'],
    ['18 digits grouped', '410105 19900101 123X'],
    ['18 digits with dashes', '410105-1990-0101-123X'],
    ['15 digits (old ID)', '410105900101123'],
    ['full-width', '４１０１０５１９９００１０１１２３Ｘ'],
    ['a bank card', '6222 0212 3456 7890 123'],
  ])('%s: %s', (_, number) => {
    expect(redact(`身份证号${number}。`, none)).toBe(`身份证号${REDACTED}。`);
  });

  it.each([
    ['plain', 'zhang.wei@163.com'],
    ['with digits and plus', 'wang_fang+cppcc2026@mail.zz.gov.cn'],
    ['full-width @', 'zhangwei＠qq.com'],
    ['(at)', 'zhangwei(at)qq.com'],
    ['spaces around @', 'zhangwei @ qq.com'],
  ])('e-mail %s', (_, email) => {
    expect(redact(`请发至${email}，谢谢`, none)).toBe(`请发至${REDACTED}，谢谢`);
  });
});

describe('addresses and the cc list', () => {
  it('the subject address, also with spaces or full-width digits; cc entries anywhere; the cc line as a whole', () => {
    const out = redact('地址：中原区建设路 ２ 号。抄送：分管副市长、市人大选任联工委\n此复。市人大选任联工委已知悉。', {
      proposers: [{ name: '赵六', address: '中原区建设路2号' }],
      cc: ['市人大选任联工委'],
    });
    expect(out).toBe(`地址：${REDACTED}。抄送：${REDACTED}\n此复。${REDACTED}已知悉。`);
  });

  it('抄报 lines too', () => {
    expect(redact('抄报：省政府办公厅', none)).toBe(`抄报：${REDACTED}`);
  });

  it('a name inside an address or a cc entry: the whole is one mask', () => {
    const out = redact('王芳工作室（金水区王芳路1号）', { proposers: [{ name: '王芳', address: '金水区王芳路1号' }] });
    expect(out).toBe(`${NAME_MASK}工作室（${REDACTED}）`);
  });
});

describe('ordinary numbers stay', () => {
  it.each([
    '2026年11月27日',
    '二〇二六年十一月二十七日',
    '2026-11-27',
    '2026.11.27',
    '投入资金1200万元',
    '1,200,000元',
    '3.5亿元',
    '郑政办〔2020〕27号',
    '郑政文〔2026〕12号',
    '增长15%，达到98.5%',
    '第二十条',
    '新建站点120个，惠及13万人',
    '拨打12345市长热线',
    '2025—2026年度',
    '2025年至2030年',
    '邮编450000',
    '上午9:30至11:30',
    '0.5个百分点',
    '2026年投入资金300万元，新建站点120个。',
  ])('%s', (text) => {
    expect(redact(text, { proposers: [{ name: '王芳', phone: '13812345678' }], cc: ['市政协提案委'] })).toBe(text);
  });

  it('the text around what is removed stays as written, full-width characters and all', () => {
    const text = '王芳代表：您提出的第０７号建议（电话１３８１２３４５６７８）已收悉，资金１２００万元。';
    expect(redact(text, { proposers: [{ name: '王芳' }] })).toBe(`××代表：您提出的第０７号建议（电话${REDACTED}）已收悉，资金１２００万元。`);
  });

  it('empty and missing texts', () => {
    expect(redact('', none)).toBe('');
    expect(redact(undefined as unknown as string, none)).toBe('');
  });
});
