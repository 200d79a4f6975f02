// 承诺事项跟踪 (a category B reply is a promise) in the given(events).when(command).then(events) form.
import { parsePeriod } from '@jyta/calendar-domain';
import { DEFAULT_POLICY, fold, nextDeadline, type DecidedEvent, type ProposalCommand } from '../../index';
import { eventsOf, given, registerWith } from '../../../test/given';
import { shiftBy } from './index';

const register = registerWith({ kind: 'cppcc_proposal', number: '2026-提案-0007', title: '关于推进垃圾分类的提案', proposers: [{ name: '委员甲', username: 'member-1' }] });
const assign: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' } };
const sign: ProposalCommand = { type: 'SignReceipt', data: { unitId: 'cjj' } };
const draft = (category: 'A' | 'B'): ProposalCommand => ({ type: 'DraftReply', data: { replyId: 'r1', unitId: 'cjj', category, body: '已列入明年计划，2027 年底前完成' } });
const review = (stage: string): ProposalCommand => ({ type: 'ReviewReply', data: { replyId: 'r1', stage, approve: true, comment: '' } }) as ProposalCommand;
const send: ProposalCommand = { type: 'SendReply', data: { replyId: 'r1' } };
const satisfied: ProposalCommand = { type: 'SubmitFeedback', data: { replyId: 'r1', attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face', sendBack: false } } as ProposalCommand;
const sentReply = (category: 'A' | 'B') => eventsOf(register, assign, sign, draft(category), review('unit_leader'), review('office'), send);
const sentB = sentReply('B');
const sentAt = sentB.find((e) => e.type === 'ReplySent')!.occurredAt;
const OPTS = { promiseFollowUps: true };
const report = (text: string, done: boolean): ProposalCommand => ({ type: 'ReportPromiseProgress', data: { unitId: 'cjj', replyId: 'r1', text, done } });
const firstAt = shiftBy(sentAt, parsePeriod('P3M'), 1);

describe('承诺事项跟踪: a B reply asks for follow-up reports until done', () => {
  it('given a sent B reply, the next timer asks the unit for its first report 3 months (policy) after sending, due 15 days later', () => {
    const next = nextDeadline(fold(sentB), OPTS);
    // The feedback period (30 days) comes first; once answered, the follow-up is next.
    const answered = [...sentB, ...given(sentB).when(satisfied).then((es) => expect(es.map((e) => e.type)).toContain('ProposalArchived'))];
    const later = nextDeadline(fold(answered), OPTS)!;
    expect(next!.command.type).not.toBe('RequestPromiseFollowUp');
    expect(later).toEqual({
      at: firstAt,
      command: { type: 'RequestPromiseFollowUp', data: { unitId: 'cjj', replyId: 'r1', round: 1, requestAt: firstAt, dueAt: shiftBy(firstAt, parsePeriod('P15D'), 1) } },
    });
  });

  it('months count by the Shanghai calendar: 31 Jan + 1 month is the last day of February', () => {
    expect(shiftBy('2027-01-31T02:00:00.000Z', parsePeriod('P1M'), 1)).toBe('2027-02-28T02:00:00.000Z');
    expect(shiftBy('2026-11-30T17:00:00.000Z', parsePeriod('P3M'), 1)).toBe('2027-02-28T17:00:00.000Z'); // 1 Dec 01:00 in Shanghai → 1 Mar 01:00
    expect(shiftBy('2026-11-23T02:00:00.000Z', parsePeriod('P3M'), 2)).toBe('2027-05-23T02:00:00.000Z');
  });

  it('given an archived item with an open promise, the timer still runs (the promise outlives the handling) and is decided', () => {
    const archived = [...sentB, ...given(sentB).when(satisfied).then(() => undefined)];
    const next = nextDeadline(fold(archived), OPTS)!;
    const requested = given(archived).when(next.command).then([
      { type: 'PromiseFollowUpRequested', occurredAt: firstAt, data: { unitId: 'cjj', replyId: 'r1', round: 1, dueAt: shiftBy(firstAt, parsePeriod('P15D'), 1) } },
    ]);
    // Round 2 comes one period after round 1, counted from the reply.
    const after = nextDeadline(fold([...archived, ...requested]), OPTS)!;
    expect(after.command).toMatchObject({ type: 'RequestPromiseFollowUp', data: { round: 2, requestAt: shiftBy(sentAt, parsePeriod('P3M'), 2) } });
    // The same round twice records nothing more.
    given([...archived, ...requested]).when(next.command).then([]);
  });

  it('when the unit reports done, the promise is fulfilled with the report and no more follow-ups are asked for, also after archiving', () => {
    const archived = [...sentB, ...given(sentB).when(satisfied).then(() => undefined)];
    const progress = given(archived).when(report(' 已完成一期工程 ', false)).then([
      { type: 'PromiseProgressReported', occurredAt: expect.any(String), data: { unitId: 'cjj', replyId: 'r1', text: '已完成一期工程', done: false } } as unknown as DecidedEvent,
    ]);
    expect(nextDeadline(fold([...archived, ...progress]), OPTS)?.command.type).toBe('RequestPromiseFollowUp');
    const done = given([...archived, ...progress]).when(report('全部建成投用', true)).then((es) =>
      expect(es.map((e) => [e.type, e.data])).toEqual([
        ['PromiseProgressReported', { unitId: 'cjj', replyId: 'r1', text: '全部建成投用', done: true }],
        ['PromiseFulfilled', { unitId: 'cjj', replyId: 'r1' }],
      ]),
    );
    const state = fold([...archived, ...progress, ...done]);
    expect(state.replies![0].promise).toMatchObject({ reports: [{ done: false }, { done: true }], fulfilledAt: expect.any(String) });
    expect(nextDeadline(state, OPTS)).toBeUndefined();
    given(state).when(report('再报一次', false)).thenFails('PROMISE_FULFILLED', { status: 409 });
  });

  it('refuses a report on an A reply, on another unit’s reply, an empty text, and before any reply was sent', () => {
    given(sentReply('A')).when(report('……', false)).thenFails('NOT_A_PROMISE', { status: 409 });
    given(sentB).when({ type: 'ReportPromiseProgress', data: { unitId: 'jyj', replyId: 'r1', text: '……', done: false } }).thenFails('NOT_ASSIGNED_TO_UNIT');
    given(sentB).when(report('  ', false)).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'text' } });
    given(sentB).when({ type: 'ReportPromiseProgress', data: { unitId: 'cjj', replyId: 'nope', text: '……', done: false } }).thenFails('REPLY_NOT_FOUND', { status: 404 });
    given(eventsOf(register, assign, sign, draft('B'))).when(report('……', false)).thenFails('NOT_A_PROMISE');
  });

  it('an A reply promises nothing; without the timer option (items from before) no follow-up is planned', () => {
    const answeredA = [...sentReply('A'), ...given(sentReply('A')).when(satisfied).then(() => undefined)];
    expect(nextDeadline(fold(answeredA), OPTS)).toBeUndefined();
    const answeredB = [...sentB, ...given(sentB).when(satisfied).then(() => undefined)];
    expect(nextDeadline(fold(answeredB), {})).toBeUndefined();
  });

  it('the period and the report time are policy settings of the item', () => {
    const policy = { ...DEFAULT_POLICY, promiseFollowUpEvery: 'PT60S', promiseReportWithin: 'PT30S' };
    const past = sentB.map((e) => (e.type === 'ProposalRegistered' ? ({ ...e, data: { ...e.data, policy } } as DecidedEvent) : e));
    const next = nextDeadline(fold([...past, ...given(past).when(satisfied).then(() => undefined)]), OPTS)!;
    expect(next.at).toBe(new Date(Date.parse(sentAt) + 60_000).toISOString());
    expect(next.command).toMatchObject({ data: { dueAt: new Date(Date.parse(sentAt) + 90_000).toISOString() } });
  });
});
