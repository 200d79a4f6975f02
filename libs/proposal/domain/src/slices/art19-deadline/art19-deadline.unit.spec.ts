// Art. 19 explanation and reply deadline, and the reminders (SPEC §5), with the one helper (test/given.ts).
import { decide, DEFAULT_POLICY, evolve, fold, initialState, nextDeadline, type ProposalCommand, type ProposalState } from '../../index';
import { assignTwo, ctx, eventsOf, given, register } from '../../../test/given';

const noReminders = { replyDeadlines: true, reminders: false };

describe('explanation and the reply deadline (Art. 19)', () => {
  const explain = (unitId = 'cjj'): ProposalCommand => ({
    type: 'FileExplanation',
    data: { unitId, reasons: '涉及多部门协调，资金尚未落实', measures: '已列入明年计划，正在协调财政资金', expectedOn: '2027-06-30' },
  });
  const pass = (unitId = 'cjj'): ProposalCommand => ({ type: 'PassReplyDeadline', data: { unitId } });
  const dueAt = (s: ProposalState) => s.units[0].replyDue.dueAt;

  it('without an explanation the unit is overdue and accountability is flagged, dated when the deadline really ended', () => {
    const past = given(eventsOf(register, assignTwo()));
    const due = dueAt(past.state);
    past.when(pass(), { now: '2027-03-01T00:00:00.000Z' }).then([
      { type: 'ReplyDeadlinePassed', occurredAt: due, data: { unitId: 'cjj', dueAt: due, explained: false, accountabilityFlagged: true } },
    ]);
  });
  it('with an explanation filed in time the unit is delayed with explanation, not flagged', () => {
    given(eventsOf(register, assignTwo(), explain()))
      .when(pass())
      .then(([e]) => expect(e.data).toMatchObject({ explained: true, accountabilityFlagged: false }));
  });
  it('refuses an explanation after the deadline', () => {
    given(eventsOf(register, assignTwo())).when(explain(), { now: '2027-02-22T16:00:00.000Z' }).thenFails('REPLY_DEADLINE_PASSED', { status: 409 });
  });
  it('refuses an explanation from a co-unit, which does not answer on its own', () => {
    given(eventsOf(register, assignTwo())).when(explain('zfbzj')).thenFails('NOT_ANSWERING_UNIT');
  });
  it('refuses an expected date that is not after today', () => {
    const cmd = { ...explain(), data: { ...(explain().data as object), expectedOn: '2026-11-23' } } as ProposalCommand;
    given(eventsOf(register, assignTwo())).when(cmd).thenFails('VALIDATION_FAILED', { details: { field: 'expectedOn' } });
  });
  it('the deadline passes once; the timer then moves on', () => {
    const close = (unitId: string): ProposalCommand => ({ type: 'CloseReturnWindow', data: { unitId } });
    const past = eventsOf(register, assignTwo('2026-11-20'), close('cjj'), close('zfbzj'));
    const passed = given(past)
      .when(pass())
      .then((_, s) => expect(s.units[0].replyDeadlinePassed).toMatchObject({ explained: false, accountabilityFlagged: true }));
    given([...past, ...passed]).when(pass()).then([]);
    expect(nextDeadline(fold([...past, ...passed]), noReminders)).toBeUndefined();
  });
});

describe('reminders (催办, SPEC §5)', () => {
  /** Runs the item's timers in order, as the workflow does, and lists what they did. */
  function runTimers(s: ProposalState, until: string) {
    const done: string[] = [];
    for (let next = nextDeadline(s); next && next.at <= until; next = nextDeadline(s)) {
      const events = decide(next.command, s, { ...ctx, now: next.at });
      s = events.reduce(evolve, s);
      done.push(
        ...events.map((e) =>
          e.type === 'ReminderIssued' ? `${e.occurredAt.slice(0, 10)} ${e.data.unitId} ${e.data.reminder}` : `${e.occurredAt.slice(0, 10)} ${(e.data as { unitId: string }).unitId} ${e.type}`,
        ),
      );
    }
    return done;
  }

  it('reminds 3 days before the return window closes, 30 and 7 days before the reply deadline, then weekly while overdue', () => {
    const s = fold(eventsOf(register, assignTwo('2026-11-20')));
    expect(runTimers(s, '2027-03-09T00:00:00.000Z')).toEqual([
      '2026-12-04 cjj return_window_3d',
      '2026-12-04 zfbzj return_window_3d',
      '2026-12-07 cjj ReturnWindowClosed',
      '2026-12-07 zfbzj ReturnWindowClosed',
      '2027-01-23 cjj reply_30d',
      '2027-02-15 cjj reply_7d',
      '2027-02-22 cjj ReplyDeadlinePassed',
      '2027-03-01 cjj overdue_weekly',
      '2027-03-08 cjj overdue_weekly',
    ]);
  });

  it('does not send reminders that fell due before a backdated assignment was recorded', () => {
    const s = fold(eventsOf(register, assignTwo('2026-10-20')));
    expect(runTimers(s, '2026-12-31T00:00:00.000Z')).toEqual(['2026-11-04 cjj ReturnWindowClosed', '2026-11-04 zfbzj ReturnWindowClosed', '2026-12-21 cjj reply_30d']);
  });

  it('issues each reminder once', () => {
    const past = eventsOf(register, assignTwo('2026-11-20'));
    const next = nextDeadline(fold(past))!;
    const issued = given(past)
      .when(next.command)
      .then((es) => expect(es).toHaveLength(1));
    given([...past, ...issued]).when(next.command).then([]);
  });

  it('follows the policy the item started under', () => {
    const policy = { ...DEFAULT_POLICY, replyReminders: ['P10D'], returnWindowReminders: [], overdueReminderEvery: 'P1D' };
    const s = [register, assignTwo('2026-11-20')].reduce(
      (st, c) => decide(c, st, { ...ctx, policy }).reduce(evolve, st),
      initialState(),
    );
    expect(runTimers(s, '2027-02-25T00:00:00.000Z').filter((l) => l.includes('cjj'))).toEqual([
      '2026-12-07 cjj ReturnWindowClosed',
      '2027-02-12 cjj reply_10d',
      '2027-02-22 cjj ReplyDeadlinePassed',
      '2027-02-23 cjj overdue_every_1d',
      '2027-02-24 cjj overdue_every_1d',
    ]);
  });
});
