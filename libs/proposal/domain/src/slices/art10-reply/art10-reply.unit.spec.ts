import {
  decide,
  evolve,
  nextDeadline,
  type DecidedEvent,
  type ProposalCommand, type ProposalLevel,
} from '../../index';
import { apply, ctx, eventsOf, given, registerWith } from '../../../test/given';

// given / when / then for 答复 (Art. 9, 10, 18) and 反馈 (Art. 11).

const register = (level: ProposalLevel = 'municipal') =>
  registerWith({ level, kind: 'cppcc_proposal', number: '2026-提案-0007', title: '关于推进垃圾分类的提案', proposers: [{ name: '委员甲', username: 'member-1' }] });
const single: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' } };
const jointly: ProposalCommand = { type: 'AssignProposal', data: { mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['sthjj'], assignedOn: '2026-11-20' } };
const sign = (unitId = 'cjj'): ProposalCommand => ({ type: 'SignReceipt', data: { unitId } });
const draft = (replyId: string, unitId = 'cjj'): ProposalCommand => ({ type: 'DraftReply', data: { replyId, unitId, category: 'B', body: '已列入明年计划' } });
const review = (replyId: string, stage: string, approve = true, comment = ''): ProposalCommand =>
  ({ type: 'ReviewReply', data: { replyId, stage, approve, comment } }) as ProposalCommand;
const send = (replyId: string): ProposalCommand => ({ type: 'SendReply', data: { replyId } });
const feedback = (replyId: string, result: string, sendBack = false): ProposalCommand =>
  ({ type: 'SubmitFeedback', data: { replyId, attitude: 'satisfied', result, contact: 'face_to_face', sendBack } }) as ProposalCommand;
const approvedAndSent = (id: string) => [draft(id), review(id, 'unit_leader'), review(id, 'office'), send(id)];

describe('review chain (Art. 9, 18)', () => {
  it('a single unit: its leader, then the office; then it may be sent, cc per Art. 10', () => {
    let s = given(register(), single, sign(), draft('r1'));
    expect(s.replies![0]).toMatchObject({ stages: ['unit_leader', 'office'], status: 'in_review', round: 1 });
    expect(s.replies![0].cc).toEqual(['分管副市长（vice-mayor-1）', '市政协提案委', '市政府办公厅建议提案处']);
    given(s).when(send('r1')).thenFails('REPLY_NOT_APPROVED', { status: 409 });
    given(s).when(review('r1', 'office')).thenFails('WRONG_REVIEW_STAGE', { status: 409 });
    s = apply(apply(s, review('r1', 'unit_leader')), review('r1', 'office'));
    expect(s.replies![0].status).toBe('approved');
    const [e] = decide(send('r1'), s, ctx);
    expect(e).toMatchObject({ type: 'ReplySent', data: { unitId: 'cjj', feedbackDueAt: '2026-12-23T16:00:00.000Z' } });
  });

  it('several units together: the vice mayor in charge approves between the leader and the office', () => {
    const s = given(register(), jointly, sign(), draft('r1'));
    expect(s.replies![0].stages).toEqual(['unit_leader', 'vice_mayor', 'office']);
  });

  it('any reviewer may send it back with comments; every round is kept and the unit drafts again', () => {
    let s = given(register(), single, sign(), draft('r1'), review('r1', 'unit_leader'));
    given(s).when(review('r1', 'office', false)).thenFails('VALIDATION_FAILED', { status: 400 });
    s = apply(s, review('r1', 'office', false, '答复过于笼统，请补充时间表'));
    expect(s.replies![0]).toMatchObject({ status: 'returned_for_revision' });
    expect(s.replies![0].reviews.map((r) => [r.stage, r.approve])).toEqual([
      ['unit_leader', true],
      ['office', false],
    ]);
    s = apply(s, draft('r2'));
    expect(s.replies!.map((r) => [r.replyId, r.status])).toEqual([
      ['r1', 'returned_for_revision'],
      ['r2', 'in_review'],
    ]);
  });

  it('refuses a draft before signing, from a co-unit, or while another is in review', () => {
    given(eventsOf(register(), single)).when(draft('r1')).thenFails('NOT_SIGNED');
    given(eventsOf(register(), jointly, sign('sthjj'))).when(draft('r1', 'sthjj')).thenFails('NOT_ANSWERING_UNIT');
    given(eventsOf(register(), single, sign(), draft('r1'))).when(draft('r2')).thenFails('REPLY_IN_PROGRESS');
  });
});

describe('feedback (Art. 10, 11)', () => {
  it('sent back twice by the proposer, satisfied on the third reply: three rounds kept, then archived', () => {
    let s = given(register(), single, sign(), ...approvedAndSent('r1'));
    expect(s.units[0].status).toBe('replied');
    s = apply(s, feedback('r1', 'dissatisfied', true));
    expect(s.units[0].status).toBe('handling');
    s = [...approvedAndSent('r2'), feedback('r2', 'dissatisfied', true), ...approvedAndSent('r3')].reduce((st, c) => apply(st, c), s);
    const events = decide(feedback('r3', 'basically_satisfied'), s, ctx);
    expect(events.map((e) => e.type)).toEqual(['FeedbackReceived', 'ProposalArchived']);
    s = events.reduce(evolve, s);
    expect(s.replies!.map((r) => [r.replyId, r.round, r.sentBack])).toEqual([
      ['r1', 1, true],
      ['r2', 2, true],
      ['r3', 3, false],
    ]);
    expect(s.status).toBe('archived');
    given(s).when({ type: 'RecordContact', data: { unitId: 'cjj', method: 'phone', on: '2026-11-22', summary: 'x' } }).thenFails('ARCHIVED', { status: 409 });
    expect(nextDeadline(s)).toBeUndefined();
  });

  it('a form answers once', () => {
    const s = given(register(), single, sign(), ...approvedAndSent('r1'), feedback('r1', 'satisfied'));
    given(s).when(feedback('r1', 'satisfied')).thenFails('ARCHIVED');
  });

  it('no answer in the feedback period is "no feedback", never satisfied, dated when the period ended', () => {
    let s = given(register(), single, sign(), ...approvedAndSent('r1'), { type: 'CloseReturnWindow', data: { unitId: 'cjj' } });
    const next = nextDeadline(s, { replyDeadlines: true, reminders: false })!;
    expect(next.command).toEqual({ type: 'RecordMissingFeedback', data: { replyId: 'r1' } });
    const events = decide(next.command, s, { ...ctx, now: '2027-01-01T00:00:00.000Z' });
    expect(events.map((e) => [e.type, e.occurredAt])).toEqual([
      ['FeedbackMissing', next.at],
      ['ProposalArchived', next.at],
    ]);
    s = events.reduce(evolve, s);
    expect(s.replies![0].feedback).toBeUndefined();
    expect(s.replies![0].feedbackMissingAt).toBe(next.at);
  });

  it('once replied, the reply deadline and its reminders stop', () => {
    const s = given(register(), single, sign(), ...approvedAndSent('r1'));
    const next = nextDeadline(s)!;
    expect(['RecordMissingFeedback', 'CloseReturnWindow', 'IssueReminder']).toContain(next.command.type);
    expect(next.command.type === 'IssueReminder' && (next.command.data as { reminder: string }).reminder).not.toBe('reply');
  });

  it('refuses a bad form with the field named', () => {
    const s = given(register(), single, sign(), ...approvedAndSent('r1'));
    const bad = { type: 'SubmitFeedback', data: { replyId: 'r1', attitude: 'happy', result: 'satisfied', contact: 'none' } } as unknown as ProposalCommand;
    given(s).when(bad).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'attitude' } });
  });
});

it('the other answering units keep an item open until each is done (separate mode)', () => {
  const separate: ProposalCommand = { type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: ['cjj', 'sthjj'], assignedOn: '2026-11-20' } };
  let s = given(register(), separate, sign(), sign('sthjj'), ...approvedAndSent('r1'));
  const first = decide(feedback('r1', 'satisfied'), s, ctx) as DecidedEvent[];
  expect(first.map((e) => e.type)).toEqual(['FeedbackReceived']);
  s = first.reduce(evolve, s);
  s = [draft('r2', 'sthjj'), review('r2', 'unit_leader'), review('r2', 'office'), send('r2')].reduce((st, c) => apply(st, c), s);
  expect(decide(feedback('r2', 'satisfied'), s, ctx).map((e) => e.type)).toEqual(['FeedbackReceived', 'ProposalArchived']);
});
