import type { HolidayCalendar } from '@jyta/calendar-domain';
import {
  decide,
  DEFAULT_POLICY,
  DomainError,
  evolve,
  initialState,
  nextDeadline,
  type ProposalCommand,
  type ProposalState,
} from '../../index';

// given / when / then, the Emmett way: past events, a command, the events it yields (or the refusal).
const calendar: HolidayCalendar = {
  coveredYears: [2026, 2027],
  overrides: [
    { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
    { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  ],
};
const NOW = '2026-11-23T02:00:00.000Z'; // 10:00 in Shanghai
const ctx = { now: NOW, policy: DEFAULT_POLICY, calendar };

const given = (...commands: ProposalCommand[]): ProposalState =>
  commands.reduce((state, c) => decide(c, state, ctx).reduce(evolve, state), initialState());
const when = (state: ProposalState, command: ProposalCommand, now = NOW) => decide(command, state, { ...ctx, now });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, status: e.status, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal');
};

const register: ProposalCommand = {
  type: 'RegisterProposal',
  data: {
    proposalId: '7b0d0c52-3f0f-4d43-9d39-8d3f4b1f6a01',
    number: '2026-建议-0001',
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '关于加强老旧小区加装电梯的建议',
    content: '……',
    proposers: [{ name: '王晓明', delegation: '金水区代表团' }],
  },
};
const assignTwo = (assignedOn = '2026-11-20'): ProposalCommand => ({
  type: 'AssignProposal',
  data: { mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn },
});

const noReminders = { replyDeadlines: true, reminders: false };

describe('explanation and the reply deadline (Art. 19)', () => {
  const explain = (unitId = 'cjj'): ProposalCommand => ({
    type: 'FileExplanation',
    data: { unitId, reasons: '涉及多部门协调，资金尚未落实', measures: '已列入明年计划，正在协调财政资金', expectedOn: '2027-06-30' },
  });
  const pass = (unitId = 'cjj'): ProposalCommand => ({ type: 'PassReplyDeadline', data: { unitId } });
  const dueAt = (s: ProposalState) => s.units[0].replyDue.dueAt;

  it('without an explanation the unit is overdue and accountability is flagged, dated when the deadline really ended', () => {
    const s = given(register, assignTwo());
    expect(when(s, pass(), '2027-03-01T00:00:00.000Z')).toEqual([
      { type: 'ReplyDeadlinePassed', occurredAt: dueAt(s), data: { unitId: 'cjj', dueAt: dueAt(s), explained: false, accountabilityFlagged: true } },
    ]);
  });
  it('with an explanation filed in time the unit is delayed with explanation, not flagged', () => {
    const s = given(register, assignTwo(), explain());
    const [e] = when(s, pass());
    expect(e.data).toMatchObject({ explained: true, accountabilityFlagged: false });
  });
  it('refuses an explanation after the deadline', () => {
    expect(refusal(() => when(given(register, assignTwo()), explain(), '2027-02-22T16:00:00.000Z'))).toMatchObject({
      code: 'REPLY_DEADLINE_PASSED',
      status: 409,
    });
  });
  it('refuses an explanation from a co-unit, which does not answer on its own', () => {
    expect(refusal(() => when(given(register, assignTwo()), explain('zfbzj')))).toMatchObject({ code: 'NOT_ANSWERING_UNIT' });
  });
  it('refuses an expected date that is not after today', () => {
    const cmd = { ...explain(), data: { ...(explain().data as object), expectedOn: '2026-11-23' } } as ProposalCommand;
    expect(refusal(() => when(given(register, assignTwo()), cmd))).toMatchObject({ details: { field: 'expectedOn' } });
  });
  it('the deadline passes once; the timer then moves on', () => {
    let s = given(register, assignTwo('2026-11-20'));
    for (const u of ['cjj', 'zfbzj']) s = when(s, { type: 'CloseReturnWindow', data: { unitId: u } }).reduce(evolve, s);
    s = when(s, pass()).reduce(evolve, s);
    expect(s.units[0].replyDeadlinePassed).toMatchObject({ explained: false, accountabilityFlagged: true });
    expect(when(s, pass())).toEqual([]);
    expect(nextDeadline(s, noReminders)).toBeUndefined();
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
    const s = given(register, assignTwo('2026-11-20'));
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
    const s = given(register, assignTwo('2026-10-20'));
    expect(runTimers(s, '2026-12-31T00:00:00.000Z')).toEqual(['2026-11-04 cjj ReturnWindowClosed', '2026-11-04 zfbzj ReturnWindowClosed', '2026-12-21 cjj reply_30d']);
  });

  it('issues each reminder once', () => {
    const s = given(register, assignTwo('2026-11-20'));
    const next = nextDeadline(s)!;
    const after = decide(next.command, s, ctx).reduce(evolve, s);
    expect(decide(next.command, after, ctx)).toEqual([]);
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
