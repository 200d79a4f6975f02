import {
  decide,
  evolve,
  nextDeadline,
  type ProposalCommand,
} from '../../index';
import { apply, ctx, given, NOW, registerWith } from '../../../test/given';

// given / when / then for 办理结果公开 (Art. 20, SPEC §7).

const BODY = '张伟委员：您提出的关于垃圾分类的提案收悉（联系电话 13812345678，住址 金水区花园路1号）。现答复如下：已列入明年计划。\n抄送：市政协提案委';
const register = registerWith({
  kind: 'cppcc_proposal',
  number: '2026-提案-0007',
  title: '关于推进垃圾分类的提案',
  proposers: [{ name: '张伟', username: 'member-1', phone: '138-1234-5678', address: '金水区花园路1号' }],
});
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
    given(s).when(choose('full')).thenFails('REPLY_NOT_SENT', { status: 409 });
  });

  it('an unknown reply is 404', () => {
    given(sent()).when({ type: 'ChooseDisclosure', data: { replyId: 'nope', mode: 'full' } }).thenFails('REPLY_NOT_FOUND', { status: 404 });
  });

  it('summary needs the summary, withheld needs the reason, mode must be known (400 naming the field)', () => {
    const s = sent();
    given(s).when(choose('summary', { summary: '  ' })).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'summary' } });
    given(s).when(choose('withheld')).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'reason' } });
    given(s).when(choose('public')).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'mode' } });
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
    given(s).when(sign).thenFails('ARCHIVED');
    expect(nextDeadline(s)).toBeUndefined();
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
    given(opinionWithProposer()).when(choose('full')).thenFails('REPLY_NOT_SENT');
  });

  it('once the government document is sent, its disclosure may be chosen (what the public reads is the document: see public-replies)', () => {
    const s = apply(documentSent(), choose('full'));
    expect(s.replies![0].disclosure).toMatchObject({ mode: 'full' });
  });
});
