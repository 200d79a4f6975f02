import {
  addMonths,
  dayOfMonth,
  decide,
  DEFAULT_POLICY,
  evolve,
  firstReportMonth,
  initialState,
  nextDeadline,
  nextProgressReport,
  progressReportDueAt,
  type DecidedEvent,
  type Policy,
  type ProposalCommand,
  type ProposalState,
  type UnitAssignment,
} from '../../index';
import { apply, assignTwo, ctx, eventsOf, given, NOW, refusal, registerWith } from '../../../test/given';

// given / when / then for 会办意见 (SPEC §4.2), 请示 (Art. 5) and 督办台账 (SPEC §4.3).
// NOW is 2026-11-23 10:00 Shanghai; the calendar of 2026–2027 has weekends and the 2026 National Day holidays.

const register = (over: Record<string, unknown> = {}) => registerWith({ proposers: [{ name: '代表甲', username: 'deputy-1' }], ...over });
const jointly = assignTwo;
const single = (assignedOn = '2026-11-20'): ProposalCommand => ({ type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['cjj'], assignedOn } });
const separate: ProposalCommand = { type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: ['cjj', 'sthjj'], assignedOn: '2026-11-20' } };
const sign = (unitId = 'cjj'): ProposalCommand => ({ type: 'SignReceipt', data: { unitId } });
const opinion = (text = '建议将加装电梯纳入老旧小区改造统筹，住房保障部门可提供补贴政策依据。', unitId = 'zfbzj'): ProposalCommand => ({
  type: 'SubmitCoUnitOpinion',
  data: { unitId, opinion: text },
});
const request = (requestId = 'q1', unitId = 'cjj'): ProposalCommand => ({
  type: 'RequestInstructions',
  data: { unitId, requestId, authority: '省住房和城乡建设厅', matter: '加装电梯是否适用省级补贴资金' },
});
const answer = (requestId = 'q1', unitId = 'cjj', on = '2026-11-23'): ProposalCommand => ({
  type: 'RecordInstructions',
  data: { unitId, requestId, answer: '可按省级既有住宅加装电梯补贴办法执行', on },
});
const draft = (replyId = 'r1', unitId = 'cjj'): ProposalCommand => ({ type: 'DraftReply', data: { replyId, unitId, category: 'B', body: '已列入明年计划' } });
const review = (replyId: string, stage: string): ProposalCommand => ({ type: 'ReviewReply', data: { replyId, stage, approve: true } }) as ProposalCommand;
const send = (replyId: string): ProposalCommand => ({ type: 'SendReply', data: { replyId } });
const report = (month: string, unitId = 'cjj', progress = '已完成现场踏勘，正在制定方案'): ProposalCommand => ({
  type: 'SubmitProgressReport',
  data: { unitId, month, progress },
});
const unit = (s: ProposalState, id: string) => s.units.find((u) => u.unitId === id)!;
const withPolicy = (policy: Policy, ...cs: ProposalCommand[]) => cs.reduce((s, c) => decide(c, s, { ...ctx, policy }).reduce(evolve, s), initialState());
/** Both return windows closed, so the timers left are this file's. */
const closeWindows = (s: ProposalState) => s.units.reduce((st, u) => apply(st, { type: 'CloseReturnWindow', data: { unitId: u.unitId } }), s);
const allTimers = { replyDeadlines: true, reminders: false, coUnitOpinions: true, progressReports: true };

/** Runs the item's timers in order until `until`, as the workflow does, and lists what they recorded. */
function runTimers(s: ProposalState, until: string, opts = allTimers) {
  const done: string[] = [];
  for (let next = nextDeadline(s, opts); next && next.at <= until; next = nextDeadline(s, opts)) {
    const events = decide(next.command, s, { ...ctx, now: next.at });
    if (!events.length) throw new Error(`timer ${JSON.stringify(next)} recorded nothing: it would spin`);
    s = events.reduce(evolve, s);
    done.push(...events.map((e) => `${e.occurredAt} ${(e.data as { unitId: string }).unitId} ${e.type}${'month' in e.data ? ` ${e.data.month}` : ''}`));
  }
  return { done, state: s };
}

describe('会办意见 (SPEC §4.2): the co-unit opinion deadline', () => {
  it('a co-unit gets a deadline 30 days before the lead reply deadline, moved off a weekend; the lead gets none', () => {
    const s = given(register(), jointly());
    // Lead: 20 Nov + 3 months = Sat 20 Feb 2027 → Mon 22 Feb. Minus 30 days = Sat 23 Jan → Mon 25 Jan.
    expect(unit(s, 'cjj').replyDue.lastDay).toBe('2027-02-22');
    expect(unit(s, 'zfbzj').opinionDue).toMatchObject({ lastDay: '2027-01-25', dueAt: '2027-01-25T16:00:00.000Z' });
    expect(unit(s, 'zfbzj').opinionDue!.explanation.text).toContain('顺延至下一个工作日 2027-01-25');
    expect(unit(s, 'cjj').opinionDue).toBeUndefined();
  });

  it('for an urgent item the co-unit keeps at least half of the lead period', () => {
    const s = given(register({ urgent: true }), jointly());
    // Lead: 20 Nov + 1 month = Sun 20 Dec → Mon 21 Dec; 30 days before is the day of assignment.
    // Half of 31 days → Sat 5 Dec → Mon 7 Dec.
    expect(unit(s, 'cjj').replyDue.lastDay).toBe('2026-12-21');
    expect(unit(s, 'zfbzj').opinionDue!.lastDay).toBe('2026-12-07');
  });

  it('single and separate assignments have no co-unit deadline', () => {
    expect(given(register(), single()).units.every((u) => !u.opinionDue)).toBe(true);
    expect(given(register(), separate).units.every((u) => !u.opinionDue)).toBe(true);
  });

  it('a test policy in seconds counts in instants', () => {
    const s = withPolicy({ ...DEFAULT_POLICY, replyPeriod: 'PT60S', coUnitOpinionLeadTime: 'PT20S' }, register(), jointly('2026-11-23'));
    expect(unit(s, 'zfbzj').opinionDue).toMatchObject({ lastDay: null, dueAt: '2026-11-23T02:00:40.000Z' });
    // With a day lead time against a reply period of seconds, the co-unit keeps half.
    const half = withPolicy({ ...DEFAULT_POLICY, replyPeriod: 'PT60S' }, register(), jointly('2026-11-23'));
    expect(unit(half, 'zfbzj').opinionDue!.dueAt).toBe('2026-11-23T02:00:30.000Z');
  });
});

describe('会办意见 (SPEC §4.2): sending the opinion', () => {
  it('the signed co-unit sends it to the lead; its part is then done', () => {
    const s = given(register(), jointly(), sign('zfbzj'));
    const [e] = decide(opinion(), s, ctx);
    expect(e).toEqual({
      type: 'CoUnitOpinionSubmitted',
      occurredAt: NOW,
      data: { unitId: 'zfbzj', opinion: '建议将加装电梯纳入老旧小区改造统筹，住房保障部门可提供补贴政策依据。', late: false, leadUnitIds: ['cjj'] },
    });
    const after = evolve(s, e as DecidedEvent);
    expect(unit(after, 'zfbzj')).toMatchObject({ status: 'done', coUnitOpinions: [{ late: false, submittedAt: NOW }] });
    // It may add to its opinion; the lead's handling is untouched.
    const more = apply(after, opinion('补充：可同步考虑无障碍改造。'));
    expect(unit(more, 'zfbzj').coUnitOpinions).toHaveLength(2);
    expect(unit(more, 'cjj').status).toBe('assigned');
  });

  it.each([
    ['the lead unit', opinion('x', 'cjj'), { code: 'NOT_CO_UNIT', status: 409 }],
    ['a unit not assigned', opinion('x', 'jyj'), { code: 'NOT_ASSIGNED_TO_UNIT', status: 409 }],
    ['an empty opinion', opinion('  '), { code: 'VALIDATION_FAILED', status: 400, details: { field: 'opinion' } }],
  ])('refuses %s', (_what, command, expected) => {
    expect(refusal(() => apply(given(register(), jointly(), sign('zfbzj'), sign()), command))).toMatchObject(expected);
  });

  it('refuses a co-unit that has not signed for the item', () => {
    given(eventsOf(register(), jointly())).when(opinion()).thenFails('NOT_SIGNED', { status: 409 });
  });
});

describe('会办意见 (SPEC §4.2): the deadline passing', () => {
  it('the timer records it dated at the true deadline, naming the lead; a later opinion is accepted as late', () => {
    const s = closeWindows(given(register(), jointly(), sign('zfbzj')));
    const opinionsOnly = { coUnitOpinions: true };
    const next = nextDeadline(s, opinionsOnly)!;
    expect(next).toEqual({ at: '2027-01-25T16:00:00.000Z', command: { type: 'RecordCoUnitOpinionOverdue', data: { unitId: 'zfbzj' } } });
    const events = decide(next.command, s, { ...ctx, now: '2027-01-26T01:00:00.000Z' });
    expect(events).toEqual([
      { type: 'CoUnitOpinionOverdue', occurredAt: next.at, data: { unitId: 'zfbzj', dueAt: next.at, leadUnitIds: ['cjj'] } },
    ]);
    const overdue = events.reduce(evolve, s);
    expect(decide(next.command, overdue, ctx)).toEqual([]);
    expect(nextDeadline(overdue, opinionsOnly)).toBeUndefined();
    const [late] = decide(opinion(), overdue, { ...ctx, now: '2027-01-27T01:00:00.000Z' });
    expect(late.data).toMatchObject({ late: true });
  });

  it('an opinion in time stops the timer; the timer command then records nothing', () => {
    const s = closeWindows(given(register(), jointly(), sign('zfbzj'), opinion()));
    expect(nextDeadline(s, { coUnitOpinions: true })).toBeUndefined();
    expect(decide({ type: 'RecordCoUnitOpinionOverdue', data: { unitId: 'zfbzj' } }, s, { ...ctx, now: '2027-01-26T00:00:00.000Z' })).toEqual([]);
  });

  it('without the workflow flag, or for an item assigned before opinion deadlines existed, there is no timer', () => {
    const s = given(register(), jointly());
    expect(nextDeadline(s, { replyDeadlines: true, reminders: false })?.command.type).toBe('CloseReturnWindow');
    const old: ProposalState = { ...s, units: s.units.map(({ opinionDue: _d, ...u }) => u as UnitAssignment) };
    expect(nextDeadline(closeWindows(old), { coUnitOpinions: true })).toBeUndefined();
  });
});

describe('请示 (Art. 5): no reply while a request for instructions is unanswered', () => {
  it('a unit with an unanswered request cannot draft its reply; after the answer it can', () => {
    const s = given(register(), single(), sign(), request());
    expect(unit(s, 'cjj').instructionRequests).toEqual([
      { requestId: 'q1', authority: '省住房和城乡建设厅', matter: '加装电梯是否适用省级补贴资金', requestedAt: NOW },
    ]);
    const refused = refusal(() => apply(s, draft()));
    expect(refused).toMatchObject({ code: 'INSTRUCTIONS_PENDING', status: 409, details: { requests: [{ unitId: 'cjj', requestId: 'q1' }] } });
    let message = '';
    try {
      apply(s, draft());
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('第五条');
    expect(message).toContain('不得越权答复');
    const answered = apply(s, answer());
    expect(unit(answered, 'cjj').instructionRequests![0].answer).toEqual({ answer: '可按省级既有住宅加装电梯补贴办法执行', on: '2026-11-23', recordedAt: NOW });
    expect(apply(answered, draft()).replies).toHaveLength(1);
  });

  it('a request made after the draft holds back sending until it is answered', () => {
    const s = given(register(), single(), sign(), draft('r1'), review('r1', 'unit_leader'), review('r1', 'office'), request());
    given(s).when(send('r1')).thenFails('INSTRUCTIONS_PENDING');
    expect(apply(apply(s, answer()), send('r1')).replies![0].status).toBe('sent');
  });

  it("a co-unit's unanswered request holds back the lead's reply (it carries the co-unit's opinion)", () => {
    const s = given(register(), jointly(), sign(), sign('zfbzj'), request('q2', 'zfbzj'));
    given(s).when(draft()).thenFails('INSTRUCTIONS_PENDING', { details: { requests: [{ unitId: 'zfbzj' }] } });
    // The co-unit's own opinion is not a reply to the proposer: it may go to the lead meanwhile.
    expect(unit(apply(s, opinion()), 'zfbzj').coUnitOpinions).toHaveLength(1);
    expect(apply(apply(s, answer('q2', 'zfbzj')), draft()).replies).toHaveLength(1);
  });

  it('separate units answer for their own parts: one unit\'s request does not hold back the other', () => {
    const s = given(register(), separate, sign(), sign('sthjj'), request('q3', 'sthjj'));
    expect(apply(s, draft('r1', 'cjj')).replies).toHaveLength(1);
    given(s).when(draft('r2', 'sthjj')).thenFails('INSTRUCTIONS_PENDING');
  });

  it.each([
    ['an unknown request', answer('nope'), { code: 'INSTRUCTIONS_REQUEST_NOT_FOUND', status: 404 }],
    ["another unit's request", answer('q1', 'zfbzj'), { code: 'INSTRUCTIONS_REQUEST_NOT_FOUND', status: 404 }],
    ['an answer dated after today', answer('q1', 'cjj', '2026-11-24'), { status: 400, details: { field: 'on' } }],
    ['an answer dated before the request', answer('q1', 'cjj', '2026-11-22'), { status: 400, details: { field: 'on' } }],
    ['an answer that is not a date', answer('q1', 'cjj', '23/11/2026'), { status: 400, details: { field: 'on' } }],
    ['an empty answer', { type: 'RecordInstructions', data: { unitId: 'cjj', requestId: 'q1', answer: ' ', on: '2026-11-23' } }, { status: 400, details: { field: 'answer' } }],
    ['a request without authority', { ...request('q9'), data: { ...(request('q9').data as object), authority: '' } }, { status: 400, details: { field: 'authority' } }],
    ['a request without matter', { ...request('q9'), data: { ...(request('q9').data as object), matter: ' ' } }, { status: 400, details: { field: 'matter' } }],
    ['a repeated request id', request('q1'), { status: 400, details: { field: 'requestId' } }],
    ['a request from a unit not assigned', request('q9', 'jyj'), { code: 'NOT_ASSIGNED_TO_UNIT', status: 409 }],
  ])('refuses %s', (_what, command, expected) => {
    const s = given(register(), jointly(), sign(), request());
    expect(refusal(() => apply(s, command as ProposalCommand))).toMatchObject(expected);
  });

  it('an answer is recorded once', () => {
    given(eventsOf(register(), single(), request(), answer())).when(answer()).thenFails('INSTRUCTIONS_ALREADY_ANSWERED', { status: 409 });
  });
});

describe('督办台账 (SPEC §4.3): the month arithmetic', () => {
  it('months roll over the year end', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(firstReportMonth({ assignedOn: '2026-12-20' })).toBe('2027-01');
  });

  it('a report falls due at 24:00 Shanghai of the 22nd (co-units) or the 25th (the others)', () => {
    const at = { assignedOn: '2026-11-20', assignedAt: NOW };
    expect(progressReportDueAt({ ...at, role: 'lead' }, '2026-12', DEFAULT_POLICY)).toBe('2026-12-25T16:00:00.000Z');
    expect(progressReportDueAt({ ...at, role: 'separate' }, '2027-01', DEFAULT_POLICY)).toBe('2027-01-25T16:00:00.000Z');
    expect(progressReportDueAt({ ...at, role: 'co' }, '2026-12', DEFAULT_POLICY)).toBe('2026-12-22T16:00:00.000Z');
  });

  it('a report day on a weekend does not move: a missed report is a finding, not a period with legal effect', () => {
    // 22 May 2027 and 25 Sep 2027 are Saturdays.
    const at = { assignedOn: '2026-11-20', assignedAt: NOW };
    expect(progressReportDueAt({ ...at, role: 'co' }, '2027-05', DEFAULT_POLICY)).toBe('2027-05-22T16:00:00.000Z');
    expect(progressReportDueAt({ ...at, role: 'lead' }, '2027-09', DEFAULT_POLICY)).toBe('2027-09-25T16:00:00.000Z');
  });

  it('a report day the month lacks is its last day; the days are policy', () => {
    expect(dayOfMonth('2027-02', 31)).toBe('2027-02-28');
    expect(dayOfMonth('2028-02', 30)).toBe('2028-02-29');
    const policy = { ...DEFAULT_POLICY, progressReportDays: { co: 10, lead: 15 } };
    expect(progressReportDueAt({ assignedOn: '2026-11-20', role: 'co' }, '2026-12', policy)).toBe('2026-12-10T16:00:00.000Z');
  });
});

describe('督办台账 (SPEC §4.3): reports and missed months', () => {
  it('every handling unit owes a report each month from the one after assignment; a missed month is recorded by the timer, dated when it fell due', () => {
    const s = given(register(), jointly(), sign(), sign('zfbzj'));
    const { done } = runTimers(s, '2027-01-31T00:00:00.000Z');
    expect(done).toEqual([
      '2026-12-07T16:00:00.000Z cjj ReturnWindowClosed',
      '2026-12-07T16:00:00.000Z zfbzj ReturnWindowClosed',
      '2026-12-22T16:00:00.000Z zfbzj ProgressReportMissed 2026-12',
      '2026-12-25T16:00:00.000Z cjj ProgressReportMissed 2026-12',
      '2027-01-22T16:00:00.000Z zfbzj ProgressReportMissed 2027-01',
      '2027-01-25T16:00:00.000Z cjj ProgressReportMissed 2027-01',
      '2027-01-25T16:00:00.000Z zfbzj CoUnitOpinionOverdue',
    ]);
  });

  it('the finding says to whom the report was owed; the lead is named for a co-unit', () => {
    const s = given(register(), jointly(), sign(), sign('zfbzj'));
    const cmd = { type: 'RecordMissedProgressReport', data: { unitId: 'zfbzj', month: '2026-12' } } as ProposalCommand;
    expect(decide(cmd, s, { ...ctx, now: '2026-12-23T00:00:00.000Z' })).toEqual([
      {
        type: 'ProgressReportMissed',
        occurredAt: '2026-12-22T16:00:00.000Z',
        data: { unitId: 'zfbzj', month: '2026-12', dueAt: '2026-12-22T16:00:00.000Z', reportsTo: 'lead', leadUnitIds: ['cjj'] },
      },
    ]);
    // Not before it falls due, and not twice.
    expect(decide(cmd, s, ctx)).toEqual([]);
  });

  it('a report in time is recorded and that month is no finding; a late one is marked late', () => {
    let s = given(register(), single(), sign());
    const [e] = decide(report('2026-12'), s, ctx);
    expect(e).toEqual({
      type: 'ProgressReportSubmitted',
      occurredAt: NOW,
      data: { unitId: 'cjj', month: '2026-12', progress: '已完成现场踏勘，正在制定方案', dueAt: '2026-12-25T16:00:00.000Z', late: false, reportsTo: 'office' },
    });
    s = evolve(s, e as DecidedEvent);
    expect(nextProgressReport(unit(s, 'cjj'), s)).toEqual({ month: '2027-01', dueAt: '2027-01-25T16:00:00.000Z' });
    expect(decide({ type: 'RecordMissedProgressReport', data: { unitId: 'cjj', month: '2026-12' } }, s, { ...ctx, now: '2026-12-26T00:00:00.000Z' })).toEqual([]);
    // January's report, missed and recorded, then filed late: both stay on record.
    s = apply(s, { type: 'RecordMissedProgressReport', data: { unitId: 'cjj', month: '2027-01' } }, '2027-01-26T00:00:00.000Z');
    s = apply(s, report('2027-01'), '2027-01-27T02:00:00.000Z');
    expect(unit(s, 'cjj').progressReports!.map((r) => [r.month, r.late])).toEqual([
      ['2026-12', false],
      ['2027-01', true],
    ]);
    expect(unit(s, 'cjj').progressReportsMissed).toEqual([{ month: '2027-01', dueAt: '2027-01-25T16:00:00.000Z' }]);
  });

  it.each([
    ['a month in another format', report('2026-12-01'), { status: 400, details: { field: 'month' } }],
    ['a month before the first report month', report('2026-11'), { status: 400, details: { field: 'month' } }],
    ['a month later than the coming one', report('2027-01'), { status: 400, details: { field: 'month' } }],
    ['an empty report', report('2026-12', 'cjj', ' '), { status: 400, details: { field: 'progress' } }],
    ['a unit not assigned', report('2026-12', 'jyj'), { code: 'NOT_ASSIGNED_TO_UNIT', status: 409 }],
  ])('refuses %s', (_what, command, expected) => {
    expect(refusal(() => apply(given(register(), single(), sign()), command))).toMatchObject(expected);
  });

  it('refuses a second report for the same month, and a unit that has not signed', () => {
    given(eventsOf(register(), single(), sign(), report('2026-12'))).when(report('2026-12')).thenFails('PROGRESS_ALREADY_REPORTED', { status: 409 });
    given(eventsOf(register(), single())).when(report('2026-12')).thenFails('NOT_SIGNED');
  });

  it('once the unit has replied, or the co-unit has sent its opinion, no more reports are owed', () => {
    const replied = given(register(), single(), sign(), draft('r1'), review('r1', 'unit_leader'), review('r1', 'office'), send('r1'));
    expect(nextProgressReport(unit(replied, 'cjj'), replied)).toBeUndefined();
    given(replied).when(report('2026-12')).thenFails('NOT_HANDLING', { status: 409 });
    const gave = given(register(), jointly(), sign('zfbzj'), opinion());
    expect(nextProgressReport(unit(gave, 'zfbzj'), gave)).toBeUndefined();
    expect(nextProgressReport(unit(gave, 'cjj'), gave)).toEqual({ month: '2026-12', dueAt: '2026-12-25T16:00:00.000Z' });
  });

  it('sent back by the proposer, the unit reports again from then on; the months its reply awaited the proposer are no findings', () => {
    let s = given(register(), single(), sign(), draft('r1'), review('r1', 'unit_leader'), review('r1', 'office'), send('r1'));
    s = apply(
      s,
      { type: 'SubmitFeedback', data: { replyId: 'r1', attitude: 'basically_satisfied', result: 'dissatisfied', contact: 'phone', sendBack: true } },
      '2026-12-20T02:00:00.000Z',
    );
    expect(unit(s, 'cjj').status).toBe('handling');
    expect(nextProgressReport(unit(s, 'cjj'), s)).toEqual({ month: '2026-12', dueAt: '2026-12-25T16:00:00.000Z' });
    s = apply(s, draft('r2'), '2026-12-21T02:00:00.000Z');
    s = [review('r2', 'unit_leader'), review('r2', 'office'), send('r2')].reduce((st, c) => apply(st, c, '2026-12-21T03:00:00.000Z'), s);
    s = apply(
      s,
      { type: 'SubmitFeedback', data: { replyId: 'r2', attitude: 'satisfied', result: 'dissatisfied', contact: 'phone', sendBack: true } },
      '2027-03-01T02:00:00.000Z',
    );
    // December (owed while handling) is still open; January and February (reply with the proposer) are not owed.
    expect(unit(s, 'cjj').progressReportsMissed ?? []).toEqual([]);
    s = apply(s, report('2026-12'), '2027-03-01T03:00:00.000Z');
    expect(nextProgressReport(unit(s, 'cjj'), s)).toEqual({ month: '2027-03', dueAt: '2027-03-25T16:00:00.000Z' });
  });

  it('a backdated assignment does not make findings of months due before it was recorded', () => {
    const s = given(register(), single('2026-09-10'), sign());
    // October's report (due 25 Oct) fell due before the assignment was recorded on 23 Nov: skipped.
    expect(nextProgressReport(unit(s, 'cjj'), s)).toEqual({ month: '2026-11', dueAt: '2026-11-25T16:00:00.000Z' });
    // Reports for those months are still accepted.
    expect(unit(apply(s, report('2026-10')), 'cjj').progressReports).toHaveLength(1);
  });

  it('a test policy can make the first report fall due seconds after the assignment', () => {
    const s = withPolicy({ ...DEFAULT_POLICY, progressReportFirstDueAfter: 'PT10S' }, register(), single('2026-11-23'), sign());
    expect(nextProgressReport(unit(s, 'cjj'), s)).toEqual({ month: '2026-12', dueAt: '2026-11-23T02:00:10.000Z' });
    const { done, state } = runTimers(s, '2026-11-23T02:00:10.000Z', { replyDeadlines: false, reminders: false, coUnitOpinions: false, progressReports: true });
    expect(done).toEqual(['2026-11-23T02:00:10.000Z cjj ProgressReportMissed 2026-12']);
    expect(nextProgressReport(unit(state, 'cjj'), state)).toEqual({ month: '2027-01', dueAt: '2027-01-25T16:00:00.000Z' });
  });

  it('the timers stop when the item is archived, and without the workflow flag there are none', () => {
    const s = given(register(), single(), sign());
    expect(nextDeadline({ ...s, status: 'archived' }, allTimers)).toBeUndefined();
    const closed = apply(s, { type: 'CloseReturnWindow', data: { unitId: 'cjj' } });
    expect(nextDeadline(closed, { replyDeadlines: true, reminders: false })?.command.type).toBe('PassReplyDeadline');
    expect(nextDeadline(closed, allTimers)?.command).toEqual({ type: 'RecordMissedProgressReport', data: { unitId: 'cjj', month: '2026-12' } });
  });
});
