import { decide, effectsOf, evolve, nextDeadline, PROVINCIAL_CC, type DecidedEvent, type ProposalCommand, type ProposalLevel, type ProposalState } from '../../index';
import { apply, ctx, given, registerWith } from '../../../test/given';

// given / when / then for items handed down by the provincial government office (Art. 9, 10, 11, 17).

const register = (level: ProposalLevel = 'provincial') => registerWith({ level, number: '2026-建议-0031', title: '关于加快黄河流域生态保护的建议', proposers: [{ name: '省人大代表甲', username: 'deputy-1' }] });
const single: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['sthjj'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' } };
const jointly: ProposalCommand = {
  type: 'AssignProposal',
  data: { mode: 'lead', leadUnitIds: ['sthjj'], coUnitIds: ['zygh'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' },
};
const sign = (unitId = 'sthjj'): ProposalCommand => ({ type: 'SignReceipt', data: { unitId } });
const draft = (replyId: string, unitId = 'sthjj'): ProposalCommand => ({ type: 'DraftReply', data: { replyId, unitId, category: 'B', body: '办理和答复意见：已列入明年计划' } });
const review = (replyId: string, stage: string, approve = true, comment = ''): ProposalCommand =>
  ({ type: 'ReviewReply', data: { replyId, stage, approve, comment } }) as ProposalCommand;
const send = (replyId: string): ProposalCommand => ({ type: 'SendReply', data: { replyId } });
const feedback = (replyId: string, result: string, sendBack = false, attitude = 'satisfied'): ProposalCommand =>
  ({ type: 'SubmitFeedback', data: { replyId, attitude, result, contact: 'face_to_face', sendBack } }) as ProposalCommand;
const compile = (replyId: string, data: Record<string, unknown> = {}): ProposalCommand =>
  ({ type: 'CompileGovernmentDocument', data: { replyId, body: '市人民政府答复：……', ...data } }) as ProposalCommand;
const sendDocument = (replyId: string, documentNumber?: string): ProposalCommand =>
  ({ type: 'SendGovernmentDocument', data: { replyId, ...(documentNumber ? { documentNumber } : {}) } }) as ProposalCommand;
const opinionSent = (id: string) => [draft(id), review(id, 'unit_leader'), send(id)];
const signed = (id: string) => [compile(id, { documentNumber: '郑政文〔2026〕12号' }), review(id, 'office_reviewer'), review(id, 'vice_mayor_signature')];
const run = (s: ProposalState, ...cs: ProposalCommand[]) => cs.reduce((st, c) => apply(st, c), s);
const typesOf = (events: DecidedEvent[]) => events.map((e) => e.type);

describe('Art. 9: the handling opinion (办理和答复意见) and its review', () => {
  it('one unit: only its leader reviews the opinion (the office compiles it later); cc the office', () => {
    const s = given(register(), single, sign(), draft('r1'));
    expect(s.replies![0]).toMatchObject({ stages: ['unit_leader'], status: 'in_review', cc: ['市政府办公厅建议提案处'] });
    expect(apply(s, review('r1', 'unit_leader')).replies![0].status).toBe('approved');
  });

  it('several units in lead mode: the leader, then the vice mayor in charge; any reviewer may send it back, every round kept', () => {
    let s = given(register(), jointly, sign(), sign('zygh'), draft('r1'));
    expect(s.replies![0].stages).toEqual(['unit_leader', 'vice_mayor']);
    given(s).when(review('r1', 'vice_mayor')).thenFails('WRONG_REVIEW_STAGE', { status: 409 });
    s = run(s, review('r1', 'unit_leader'), review('r1', 'vice_mayor', false, '请补充资金来源'), draft('r2'), review('r2', 'unit_leader'), review('r2', 'vice_mayor'));
    expect(s.replies!.map((r) => [r.replyId, r.status])).toEqual([
      ['r1', 'returned_for_revision'],
      ['r2', 'approved'],
    ]);
  });

  it('national items take the same path', () => {
    const s = given(register('national'), single, sign(), ...opinionSent('r1'));
    expect(s.replies![0].status).toBe('sent');
  });
});

describe('Art. 10, 11: the approved opinion goes first to the proposer, with the feedback form', () => {
  it('sending records OpinionSentToProposer (not ReplySent), issues the token and starts the feedback period', () => {
    const s = given(register(), single, sign(), draft('r1'), review('r1', 'unit_leader'), { type: 'CloseReturnWindow', data: { unitId: 'sthjj' } });
    const events = decide(send('r1'), s, ctx);
    expect(events).toEqual([
      { type: 'OpinionSentToProposer', occurredAt: ctx.now, data: { replyId: 'r1', unitId: 'sthjj', feedbackDueAt: '2026-12-23T16:00:00.000Z' } },
    ]);
    const after = events.reduce(evolve, s);
    expect(effectsOf(events, after)).toEqual([{ type: 'IssueFeedbackToken', replyId: 'r1', proposerUsername: 'deputy-1' }]);
    expect(after.replies![0]).toMatchObject({ status: 'sent', feedbackDueAt: '2026-12-23T16:00:00.000Z' });
    expect(after.units[0].status).toBe('replied');
    expect(nextDeadline(after, { replyDeadlines: true, reminders: false })).toEqual(
      expect.objectContaining({ command: { type: 'RecordMissingFeedback', data: { replyId: 'r1' } } }),
    );
  });

  it('satisfied (or basically): the opinion awaits the office; the item is not archived', () => {
    const s = given(register(), single, sign(), ...opinionSent('r1'));
    const events = decide(feedback('r1', 'basically_satisfied'), s, ctx);
    expect(typesOf(events)).toEqual(['FeedbackReceived']);
    expect(events[0].data).toMatchObject({ awaitingDocument: true, sendBack: false });
    const after = events.reduce(evolve, s);
    expect(after.replies![0]).toMatchObject({ status: 'awaiting_document', feedback: { result: 'basically_satisfied' } });
    expect(after.units[0].status).toBe('replied');
    expect(after.status).toBe('assigned');
  });

  it('dissatisfied (even without a send-back) or sent back: the unit handles it again and drafts a new opinion — as many rounds as needed', () => {
    let s = given(register(), single, sign(), ...opinionSent('r1'));
    const [e] = decide(feedback('r1', 'dissatisfied'), s, ctx);
    expect(e.data).toMatchObject({ awaitingDocument: false, sendBack: false });
    s = evolve(s, e);
    expect(s.replies![0]).toMatchObject({ status: 'closed', sentBack: true });
    expect(s.units[0].status).toBe('handling');
    given(s).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { status: 409 });
    s = run(s, ...opinionSent('r2'), feedback('r2', 'satisfied', true), ...opinionSent('r3'), feedback('r3', 'satisfied', false, 'dissatisfied'), ...opinionSent('r4'));
    expect(s.replies!.map((r) => [r.replyId, r.round, r.status])).toEqual([
      ['r1', 1, 'closed'],
      ['r2', 2, 'closed'],
      ['r3', 3, 'closed'],
      ['r4', 4, 'sent'],
    ]);
    s = apply(s, feedback('r4', 'satisfied'));
    expect(s.replies![3].status).toBe('awaiting_document');
  });

  it('no answer in time: "no feedback" is recorded (never satisfied) and the office may compile all the same', () => {
    let s = given(register(), single, sign(), ...opinionSent('r1'), { type: 'CloseReturnWindow', data: { unitId: 'sthjj' } });
    const next = nextDeadline(s, { replyDeadlines: true, reminders: false })!;
    const events = decide(next.command, s, { ...ctx, now: '2027-01-01T00:00:00.000Z' });
    expect(events.map((e) => [e.type, e.occurredAt, e.data])).toEqual([
      ['FeedbackMissing', next.at, { replyId: 'r1', unitId: 'sthjj', awaitingDocument: true }],
    ]);
    s = events.reduce(evolve, s);
    expect(s.replies![0]).toMatchObject({ status: 'awaiting_document', feedbackMissingAt: next.at });
    expect(s.replies![0].feedback).toBeUndefined();
    expect(s.status).toBe('assigned');
    expect(apply(s, compile('r1')).replies![0].status).toBe('document_in_review');
  });
});

describe('Art. 9, 10: the office compiles a government document; the office division reviews, the vice mayor signs', () => {
  const satisfied = () => given(register(), single, sign(), ...opinionSent('r1'), feedback('r1', 'satisfied'));

  it('compiling: round 1, default title, review by the office division then the vice mayor’s signature', () => {
    const s = apply(satisfied(), compile('r1'));
    expect(s.replies![0]).toMatchObject({ status: 'document_in_review' });
    expect(s.replies![0].documents).toEqual([
      expect.objectContaining({
        round: 1,
        title: '市人民政府关于《关于加快黄河流域生态保护的建议》的答复',
        body: '市人民政府答复：……',
        stages: ['office_reviewer', 'vice_mayor_signature'],
        status: 'in_review',
      }),
    ]);
    given(s).when(review('r1', 'vice_mayor_signature')).thenFails('WRONG_REVIEW_STAGE', { status: 409 });
    given(s).when(review('r1', 'office')).thenFails('WRONG_REVIEW_STAGE', { status: 409 });
    const reviewed = decide(review('r1', 'office_reviewer', true, '同意'), s, ctx);
    expect(reviewed).toEqual([
      {
        type: 'GovernmentDocumentReviewed',
        occurredAt: ctx.now,
        data: { replyId: 'r1', unitId: 'sthjj', round: 1, stage: 'office_reviewer', approve: true, comment: '同意', leaderInCharge: 'vice-mayor-1' },
      },
    ]);
    const signedNow = decide(review('r1', 'vice_mayor_signature', true, '同意签发'), reviewed.reduce(evolve, s), ctx);
    expect(signedNow).toEqual([{ type: 'GovernmentDocumentSigned', occurredAt: ctx.now, data: { replyId: 'r1', unitId: 'sthjj', round: 1, comment: '同意签发' } }]);
    const after = signedNow.reduce(evolve, reviewed.reduce(evolve, s));
    expect(after.replies![0]).toMatchObject({ status: 'document_signed', documents: [{ status: 'signed', signedAt: ctx.now }] });
  });

  it('either reviewer may send it back to the office with comments; the office compiles again, every round kept', () => {
    let s = run(satisfied(), compile('r1'));
    given(s).when(review('r1', 'office_reviewer', false)).thenFails('VALIDATION_FAILED', { status: 400 });
    s = run(s, review('r1', 'office_reviewer', false, '文字需规范'));
    expect(s.replies![0]).toMatchObject({ status: 'awaiting_document', documents: [{ status: 'returned' }] });
    s = run(s, compile('r1', { title: '关于省人大代表建议的答复' }), review('r1', 'office_reviewer'), review('r1', 'vice_mayor_signature', false, '请补充时间表'));
    expect(s.replies![0].status).toBe('awaiting_document');
    s = run(s, ...signed('r1'));
    expect(s.replies![0].documents!.map((d) => [d.round, d.status, d.reviews.map((v) => `${v.stage}:${v.approve}`)])).toEqual([
      [1, 'returned', ['office_reviewer:false']],
      [2, 'returned', ['office_reviewer:true', 'vice_mayor_signature:false']],
      [3, 'signed', ['office_reviewer:true', 'vice_mayor_signature:true']],
    ]);
    expect(s.replies![0].documents![1].title).toBe('关于省人大代表建议的答复');
  });

  it('the office sends the signed document with the provincial cc list; the unit is done and the item archived (Art. 17)', () => {
    const s = run(satisfied(), ...signed('r1'));
    const events = decide(sendDocument('r1'), s, ctx);
    expect(events).toEqual([
      {
        type: 'GovernmentDocumentSent',
        occurredAt: ctx.now,
        data: { replyId: 'r1', unitId: 'sthjj', round: 1, documentNumber: '郑政文〔2026〕12号', title: expect.any(String), cc: ['省人大选任联工委', '省政府办公厅', '省政协提案委'] },
      },
      { type: 'ProposalArchived', occurredAt: ctx.now, data: {} },
    ]);
    expect(PROVINCIAL_CC).toEqual(['省人大选任联工委', '省政府办公厅', '省政协提案委']);
    const after = events.reduce(evolve, s);
    expect(after.status).toBe('archived');
    expect(after.units[0].status).toBe('done');
    expect(after.replies![0]).toMatchObject({ status: 'closed', documents: [{ status: 'sent', sentAt: ctx.now, cc: PROVINCIAL_CC }] });
    expect(effectsOf(events, after)).toEqual([]);
    expect(nextDeadline(after)).toBeUndefined();
    given(after).when(sendDocument('r1')).thenFails('ARCHIVED', { status: 409 });
  });

  it('separate mode: each unit’s opinion has its own document; the item is archived when the last is sent', () => {
    const separate: ProposalCommand = { type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: ['sthjj', 'zygh'], assignedOn: '2026-11-20' } };
    let s = given(register(), separate, sign(), sign('zygh'), ...opinionSent('r1'), feedback('r1', 'satisfied'), ...signed('r1'));
    expect(typesOf(decide(sendDocument('r1'), s, ctx))).toEqual(['GovernmentDocumentSent']);
    s = run(s, sendDocument('r1'), draft('r2', 'zygh'), review('r2', 'unit_leader'), send('r2'), feedback('r2', 'satisfied'), ...signed('r2'));
    expect(typesOf(decide(sendDocument('r2'), s, ctx))).toEqual(['GovernmentDocumentSent', 'ProposalArchived']);
  });

  it('a document number may be given when sending; without one anywhere it is refused', () => {
    const s = run(satisfied(), compile('r1'), review('r1', 'office_reviewer'), review('r1', 'vice_mayor_signature'));
    given(s).when(sendDocument('r1')).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'documentNumber' } });
    expect(decide(sendDocument('r1', '郑政文〔2026〕30号'), s, ctx)[0].data).toMatchObject({ documentNumber: '郑政文〔2026〕30号' });
  });
});

describe('refusals of the provincial path', () => {
  it('compiling before the proposer is satisfied: opinion in review, approved, with the proposer', () => {
    let s = given(register(), single, sign(), draft('r1'));
    given(s).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { status: 409 });
    s = apply(s, review('r1', 'unit_leader'));
    given(s).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { status: 409 });
    s = apply(s, send('r1'));
    given(s).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { details: { status: 'sent' } });
  });

  it('compiling twice at once, an empty body, an unknown reply, a municipal item', () => {
    const s = given(register(), single, sign(), ...opinionSent('r1'), feedback('r1', 'satisfied'));
    given(apply(s, compile('r1'))).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { status: 409 });
    given(s).when(compile('r1', { body: '  ' })).thenFails('VALIDATION_FAILED', { status: 400 });
    given(s).when(compile('nope')).thenFails('REPLY_NOT_FOUND', { status: 404 });
    const municipal = given(register('municipal'), single, sign(), draft('m1'), review('m1', 'unit_leader'), review('m1', 'office'), send('m1'));
    given(municipal).when(compile('m1')).thenFails('NOT_PROVINCIAL', { status: 409 });
    given(municipal).when(sendDocument('m1', 'x')).thenFails('NOT_PROVINCIAL', { status: 409 });
  });

  it('sending a document not signed yet (not compiled, in review, only reviewed, sent back)', () => {
    let s = given(register(), single, sign(), ...opinionSent('r1'), feedback('r1', 'satisfied'));
    given(s).when(sendDocument('r1', 'n')).thenFails('DOCUMENT_NOT_SIGNED', { status: 409 });
    s = apply(s, compile('r1', { documentNumber: 'n' }));
    given(s).when(sendDocument('r1')).thenFails('DOCUMENT_NOT_SIGNED', { status: 409 });
    s = apply(s, review('r1', 'office_reviewer'));
    given(s).when(sendDocument('r1')).thenFails('DOCUMENT_NOT_SIGNED', { status: 409 });
    s = apply(s, review('r1', 'vice_mayor_signature', false, '退回'));
    given(s).when(sendDocument('r1')).thenFails('DOCUMENT_NOT_SIGNED', { status: 409 });
  });

  it('the unit cannot send the signed document itself, nor send its opinion twice, nor draft while its opinion is out', () => {
    let s = given(register(), single, sign(), ...opinionSent('r1'));
    given(s).when(send('r1')).thenFails('REPLY_NOT_APPROVED', { status: 409 });
    given(s).when(draft('r2')).thenFails('REPLY_IN_PROGRESS', { status: 409 });
    s = run(s, feedback('r1', 'satisfied'), ...signed('r1'));
    given(s).when(send('r1')).thenFails('REPLY_NOT_APPROVED', { status: 409 });
    given(s).when(draft('r2')).thenFails('REPLY_IN_PROGRESS', { status: 409 });
  });

  it('reviewing a document that is not in review; the proposer answering twice', () => {
    const s = given(register(), single, sign(), ...opinionSent('r1'), feedback('r1', 'satisfied'));
    given(s).when(review('r1', 'office_reviewer')).thenFails('NOT_IN_REVIEW', { status: 409 });
    given(s).when(feedback('r1', 'satisfied')).thenFails('FEEDBACK_NOT_OPEN', { status: 409 });
    const done = run(s, ...signed('r1'));
    given(done).when(review('r1', 'vice_mayor_signature')).thenFails('NOT_IN_REVIEW', { status: 409 });
    given(done).when(compile('r1')).thenFails('NOT_AWAITING_DOCUMENT', { status: 409 });
  });
});
