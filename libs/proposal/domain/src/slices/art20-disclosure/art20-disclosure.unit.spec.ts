import {
  decide,
  evolve,
  nextDeadline,
  publishedText,
  redactForPublication,
  type ProposalCommand,
} from '../../index';
import { apply, ctx, given, NOW, refusal } from '../../../test/given';

// given / when / then for 办理结果公开 (Art. 20, SPEC §7).

const BODY = '张伟委员：您提出的关于垃圾分类的提案收悉（联系电话 13812345678，住址 金水区花园路1号）。现答复如下：已列入明年计划。\n抄送：市政协提案委';
const register: ProposalCommand = {
  type: 'RegisterProposal',
  data: {
    proposalId: 'b3c1f0a4-0000-4000-8000-000000000001',
    number: '2026-提案-0007',
    kind: 'cppcc_proposal',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '关于推进垃圾分类的提案',
    content: '……',
    proposers: [{ name: '张伟', username: 'member-1', phone: '138-1234-5678', address: '金水区花园路1号' }],
  },
};
const single: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' } };
const sign: ProposalCommand = { type: 'SignReceipt', data: { unitId: 'cjj' } };
const draft: ProposalCommand = { type: 'DraftReply', data: { replyId: 'r1', unitId: 'cjj', category: 'B', body: BODY } };
const review = (stage: string): ProposalCommand => ({ type: 'ReviewReply', data: { replyId: 'r1', stage, approve: true } }) as ProposalCommand;
const send: ProposalCommand = { type: 'SendReply', data: { replyId: 'r1' } };
const feedback: ProposalCommand = { type: 'SubmitFeedback', data: { replyId: 'r1', attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' } };
const choose = (mode: string, extra: Record<string, string> = {}): ProposalCommand =>
  ({ type: 'ChooseDisclosure', data: { replyId: 'r1', mode, ...extra } }) as ProposalCommand;
const sent = () => given(register, single, sign, draft, review('unit_leader'), review('office'), send);

describe('choosing the disclosure (Art. 20)', () => {
  it('is refused before the reply is sent', () => {
    const s = given(register, single, sign, draft);
    expect(refusal(() => decide(choose('full'), s, ctx))).toMatchObject({ code: 'REPLY_NOT_SENT', status: 409 });
  });

  it('an unknown reply is 404', () => {
    expect(refusal(() => decide({ type: 'ChooseDisclosure', data: { replyId: 'nope', mode: 'full' } }, sent(), ctx))).toMatchObject({
      code: 'REPLY_NOT_FOUND',
      status: 404,
    });
  });

  it('summary needs the summary, withheld needs the reason, mode must be known (400 naming the field)', () => {
    const s = sent();
    expect(refusal(() => decide(choose('summary', { summary: '  ' }), s, ctx))).toMatchObject({ status: 400, details: { field: 'summary' } });
    expect(refusal(() => decide(choose('withheld'), s, ctx))).toMatchObject({ status: 400, details: { field: 'reason' } });
    expect(refusal(() => decide(choose('public'), s, ctx))).toMatchObject({ status: 400, details: { field: 'mode' } });
  });

  it('records DisclosureChosen; a later choice replaces it and every choice stays in the events', () => {
    let s = sent();
    const first = decide(choose('full'), s, ctx);
    expect(first).toEqual([{ type: 'DisclosureChosen', occurredAt: NOW, data: { replyId: 'r1', unitId: 'cjj', mode: 'full' } }]);
    s = first.reduce(evolve, s);
    const later = '2026-12-01T02:00:00.000Z';
    const second = decide(choose('withheld', { reason: ' 涉及国家秘密 ' }), s, { ...ctx, now: later });
    expect(second[0].data).toEqual({ replyId: 'r1', unitId: 'cjj', mode: 'withheld', reason: '涉及国家秘密' });
    s = second.reduce(evolve, s);
    expect(s.replies![0].disclosure).toEqual({ mode: 'withheld', reason: '涉及国家秘密', chosenAt: later });
  });

  it('is allowed on an archived item (publication is not a change of the handling); other commands are not', () => {
    let s = apply(sent(), feedback);
    expect(s.status).toBe('archived');
    s = apply(s, choose('summary', { summary: '已列入明年计划' }));
    expect(s.replies![0].disclosure).toMatchObject({ mode: 'summary', summary: '已列入明年计划' });
    expect(refusal(() => decide(sign, s, ctx))).toMatchObject({ code: 'ARCHIVED' });
    expect(nextDeadline(s)).toBeUndefined();
  });
});

describe('what is published', () => {
  it('full: the letter without the proposer name, phone, address and cc', () => {
    const s = apply(sent(), choose('full'));
    const p = publishedText(s, s.replies![0])!;
    expect(p.mode).toBe('full');
    for (const secret of ['张伟', '13812345678', '金水区花园路1号', '市政协提案委']) expect(p.text).not.toContain(secret);
    expect(p.text).toContain('已列入明年计划');
  });

  it('summary: only the summary; withheld: no text, the reason', () => {
    let s = apply(sent(), choose('summary', { summary: '正在解决，已列入计划' }));
    expect(publishedText(s, s.replies![0])).toEqual({ mode: 'summary', text: '正在解决，已列入计划', reason: null });
    s = apply(s, choose('withheld', { reason: '涉及国家秘密' }));
    expect(publishedText(s, s.replies![0])).toEqual({ mode: 'withheld', text: null, reason: '涉及国家秘密' });
  });

  it('nothing for a reply without a choice', () => {
    const s = sent();
    expect(publishedText(s, s.replies![0])).toBeUndefined();
  });
});

describe('provincial and national items (Art. 9, 10, 20)', () => {
  const provincial = { ...register, data: { ...register.data, level: 'provincial' } } as ProposalCommand;
  const reviewDoc = (stage: string): ProposalCommand => ({ type: 'ReviewReply', data: { replyId: 'r1', stage, approve: true } }) as ProposalCommand;
  const DOC = '张伟委员：您转来的提案，经市政府研究，现正式答复如下：已列入明年计划。联系电话 13812345678。';
  const opinionWithProposer = () => given(provincial, single, sign, draft, review('unit_leader'), send);
  const documentSent = () =>
    given(
      provincial, single, sign, draft, review('unit_leader'), send, feedback,
      { type: 'CompileGovernmentDocument', data: { replyId: 'r1', documentNumber: '郑政文〔2026〕12号', body: DOC } },
      reviewDoc('office_reviewer'), reviewDoc('vice_mayor_signature'),
      { type: 'SendGovernmentDocument', data: { replyId: 'r1' } },
    );

  it('the opinion that went to the proposer first is not published: 409 REPLY_NOT_SENT until the government document is sent', () => {
    expect(refusal(() => apply(opinionWithProposer(), choose('full'))).code).toBe('REPLY_NOT_SENT');
  });

  it('full text publishes the government document, redacted, not the opinion', () => {
    const s = apply(documentSent(), choose('full'));
    const text = publishedText(s, s.replies![0])!.text!;
    expect(text).toContain('现正式答复如下');
    expect(text).not.toContain('收悉');
    expect(text).not.toMatch(/张伟|13812345678/);
  });
});

describe('redactForPublication', () => {
  const none = { proposers: [], cc: [] };

  it('removes the proposer name and phone number from the letter text', () => {
    const out = redactForPublication('王芳代表：您好！来电 13912345678 已收悉，王芳代表的建议很好。', {
      proposers: [{ name: '王芳', phone: '13912345678' }],
      cc: [],
    });
    expect(out).not.toMatch(/王芳|13912345678/);
    expect(out).toContain('××代表');
  });

  it('names of 2 to 4 characters, several proposers, the longer name first', () => {
    const out = redactForPublication('李明、欧阳晓峰、司马相如、王小和王小明等委员联名提出。', {
      proposers: [{ name: '李明' }, { name: '欧阳晓峰' }, { name: '司马相如' }, { name: '王小' }, { name: '王小明' }],
      cc: [],
    });
    expect(out).toBe('××、××、××、××和××等委员联名提出。');
  });

  it('phone numbers in any grouping, any mobile or landline at all, addresses and cc entries', () => {
    const out = redactForPublication(
      '请联系 138 1234 5678 或 +86 139-1234-5678，办公室 0371-67188888、(0371)67188889，电话：67180000。地址：中原区建设路2号。抄送：分管副市长、市人大选任联工委\n此复。市人大选任联工委已知悉。',
      { proposers: [{ name: '赵六', phone: '0371 6718 8888', address: '中原区建设路2号' }], cc: ['市人大选任联工委'] },
    );
    for (const secret of ['1234', '67188888', '67188889', '67180000', '建设路', '选任联工委']) expect(out).not.toContain(secret);
    expect(out).toContain('抄送：[已隐去]\n此复。');
  });

  it('leaves ordinary numbers and text alone', () => {
    expect(redactForPublication('2026年投入资金300万元，新建站点120个。', none)).toBe('2026年投入资金300万元，新建站点120个。');
  });
});
