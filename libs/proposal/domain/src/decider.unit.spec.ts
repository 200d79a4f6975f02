import type { HolidayCalendar } from '@jyta/calendar-domain';
import {
  decide,
  DEFAULT_POLICY,
  DomainError,
  evolve,
  fold,
  initialState,
  nextDeadline,
  type DecidedEvent,
  type ProposalCommand,
  type ProposalState,
} from './index';

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

describe('registration (登记)', () => {
  it('records the item with the policy it starts under', () => {
    const [e] = when(initialState(), register);
    expect(e.type).toBe('ProposalRegistered');
    expect(e.data).toMatchObject({ number: '2026-建议-0001', policy: DEFAULT_POLICY, key: false, major: false });
  });
  it('refuses a second registration', () => {
    expect(refusal(() => when(given(register), register))).toMatchObject({ code: 'ALREADY_REGISTERED', status: 409 });
  });
  it('names the invalid field', () => {
    const bad = { ...register, data: { ...register.data, proposers: [{ name: ' ' }] } } as ProposalCommand;
    expect(refusal(() => when(initialState(), bad))).toMatchObject({ status: 400, details: { field: 'proposers[0].name' } });
  });
});

describe('assignment (交办, Art. 6)', () => {
  it('gives every unit its own return window and reply deadline counted from assignedOn', () => {
    const [e] = when(given(register), assignTwo('2026-11-20'));
    expect(e.type).toBe('ProposalAssigned');
    if (e.type !== 'ProposalAssigned') return;
    expect(e.data.units.map((u) => [u.unitId, u.role])).toEqual([
      ['cjj', 'lead'],
      ['zfbzj', 'co'],
    ]);
    // 20 Nov + 15 days = 5 Dec 2026, a Saturday → Monday 7 Dec, ends 24:00 Shanghai.
    expect(e.data.units[0].returnWindow.lastDay).toBe('2026-12-07');
    expect(e.data.units[0].returnWindow.dueAt).toBe('2026-12-07T16:00:00.000Z');
    // 20 Nov + 3 months = 20 Feb 2027 (Saturday) → 22 Feb.
    expect(e.data.units[0].replyDue.lastDay).toBe('2027-02-22');
  });
  it.each([
    [{ mode: 'single', leadUnitIds: ['cjj', 'jyj'] }, 'leadUnitIds'],
    [{ mode: 'single', leadUnitIds: [] }, 'leadUnitIds'],
    [{ mode: 'separate', leadUnitIds: ['cjj'] }, 'leadUnitIds'],
    [{ mode: 'separate', leadUnitIds: ['cjj', 'jyj'], coUnitIds: ['rsj'] }, 'coUnitIds'],
    [{ mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['cjj'] }, 'coUnitIds'],
    [{ mode: 'bogus', leadUnitIds: ['cjj'] }, 'mode'],
  ])('refuses a malformed assignment %j (field %s)', (data, field) => {
    const cmd = { type: 'AssignProposal', data: { assignedOn: '2026-11-20', ...data } } as ProposalCommand;
    expect(refusal(() => when(given(register), cmd))).toMatchObject({ status: 400, details: { field } });
  });
  it('refuses an assignment dated after today', () => {
    expect(refusal(() => when(given(register), assignTwo('2026-11-24')))).toMatchObject({ details: { field: 'assignedOn' } });
  });
  it('accepts several lead units', () => {
    const cmd: ProposalCommand = {
      type: 'AssignProposal',
      data: { mode: 'lead', leadUnitIds: ['cjj', 'zfbzj'], coUnitIds: ['czj'], assignedOn: '2026-11-20' },
    };
    const [e] = when(given(register), cmd);
    expect(e.type === 'ProposalAssigned' && e.data.units.filter((u) => u.role === 'lead')).toHaveLength(2);
  });
  it('refuses to assign an item that is already assigned', () => {
    expect(refusal(() => when(given(register, assignTwo()), assignTwo()))).toMatchObject({ code: 'ALREADY_ASSIGNED' });
  });
});

describe('sign (签收, Art. 17)', () => {
  it('records the receipt without moving any deadline', () => {
    const before = given(register, assignTwo());
    const after = when(before, { type: 'SignReceipt', data: { unitId: 'cjj' } }).reduce(evolve, before);
    expect(after.units[0].status).toBe('handling');
    expect(after.units[0].returnWindow).toEqual(before.units[0].returnWindow);
  });
  it('refuses a unit that was not assigned', () => {
    expect(refusal(() => when(given(register, assignTwo()), { type: 'SignReceipt', data: { unitId: 'jyj' } }))).toMatchObject({
      code: 'NOT_ASSIGNED_TO_UNIT',
      status: 409,
    });
  });
  it('refuses a second signature', () => {
    const s = given(register, assignTwo(), { type: 'SignReceipt', data: { unitId: 'cjj' } });
    expect(refusal(() => when(s, { type: 'SignReceipt', data: { unitId: 'cjj' } }))).toMatchObject({ code: 'ALREADY_SIGNED' });
  });
});

describe('return (退转, Art. 7)', () => {
  const requested = () => given(register, assignTwo(), { type: 'RequestReturn', data: { unitId: 'zfbzj', reason: '不属本单位职责' } });

  it('accepts a request inside the window', () => {
    expect(requested().units[1].returnRequests).toHaveLength(1);
  });
  it('refuses a request without reasons', () => {
    const cmd: ProposalCommand = { type: 'RequestReturn', data: { unitId: 'cjj', reason: '  ' } };
    expect(refusal(() => when(given(register, assignTwo()), cmd))).toMatchObject({ status: 400, details: { field: 'reason' } });
  });
  it('refuses a request after the window, even before the timer fired', () => {
    const cmd: ProposalCommand = { type: 'RequestReturn', data: { unitId: 'cjj', reason: '不属本单位职责' } };
    expect(refusal(() => when(given(register, assignTwo()), cmd, '2026-12-07T16:00:00.000Z'))).toMatchObject({
      code: 'RETURN_WINDOW_CLOSED',
      status: 409,
    });
  });
  it('lets the office decide after the window closed on a request made inside it', () => {
    const [e] = when(requested(), { type: 'DecideReturn', data: { unitId: 'zfbzj', approve: false, comment: '属于职责范围' } }, '2027-01-05T00:00:00.000Z');
    expect(e.type).toBe('ReturnRejected');
  });
  it('approving lets the unit leave; the lead keeps the item', () => {
    const s = requested();
    const after = when(s, { type: 'DecideReturn', data: { unitId: 'zfbzj', approve: true } }).reduce(evolve, s);
    expect(after.units[1].status).toBe('returned');
    expect(after.status).toBe('assigned');
  });
  it('when the only lead unit leaves, the item waits for re-assignment and new units get fresh windows', () => {
    let s = given(register, assignTwo('2026-11-18'), { type: 'RequestReturn', data: { unitId: 'cjj', reason: '不属本单位职责' } });
    s = when(s, { type: 'DecideReturn', data: { unitId: 'cjj', approve: true } }).reduce(evolve, s);
    expect(s.status).toBe('awaiting_reassignment');
    const [e] = when(s, { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: '2026-11-23' } });
    expect(e.type === 'ProposalAssigned' && e.data.reassignment).toBe(true);
    s = evolve(s, e);
    expect(s.units.find((u) => u.unitId === 'jtj')?.returnWindow.lastDay).toBe('2026-12-08');
  });
  it('refuses a second decision', () => {
    let s = requested();
    s = when(s, { type: 'DecideReturn', data: { unitId: 'zfbzj', approve: false } }).reduce(evolve, s);
    expect(refusal(() => when(s, { type: 'DecideReturn', data: { unitId: 'zfbzj', approve: true } }))).toMatchObject({
      code: 'ALREADY_DECIDED',
    });
  });
  it('refuses a decision when nothing was requested', () => {
    expect(refusal(() => when(given(register, assignTwo()), { type: 'DecideReturn', data: { unitId: 'cjj', approve: true } }))).toMatchObject({
      code: 'NO_RETURN_REQUEST',
    });
  });
});

const noReminders = { replyDeadlines: true, reminders: false };

describe('return window timer', () => {
  it('plans the earliest open window and closes it dated when it really closed', () => {
    const s = given(register, assignTwo('2026-10-20'));
    const next = nextDeadline(s, noReminders)!;
    expect(next.command).toEqual({ type: 'CloseReturnWindow', data: { unitId: 'cjj' } });
    const events = when(s, next.command);
    expect(events).toEqual([
      { type: 'ReturnWindowClosed', occurredAt: next.at, data: { unitId: 'cjj', closedAt: next.at } },
    ]);
    const closedBoth = fold(
      [...events, ...when(evolve(s, events[0] as DecidedEvent), { type: 'CloseReturnWindow', data: { unitId: 'zfbzj' } })],
      s,
    );
    // What remains is the lead unit's reply deadline (a co-unit does not answer on its own).
    expect(nextDeadline(closedBoth, noReminders)?.command).toEqual({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } });
    expect(nextDeadline(closedBoth, { replyDeadlines: false })).toBeUndefined();
    // Closing twice records nothing.
    expect(when(closedBoth, { type: 'CloseReturnWindow', data: { unitId: 'cjj' } })).toEqual([]);
  });
});

describe('contacts with the proposer (Art. 14, 16)', () => {
  const contact = (data: Partial<{ unitId: string; method: string; on: string; summary: string }>) =>
    ({ type: 'RecordContact', data: { unitId: 'cjj', method: 'face_to_face', on: '2026-11-21', summary: '到代表所在社区面商', ...data } }) as ProposalCommand;

  it('records each contact; co-units may record theirs too', () => {
    let s = given(register, assignTwo());
    s = when(s, contact({})).reduce(evolve, s);
    s = when(s, contact({ unitId: 'zfbzj', method: 'phone' })).reduce(evolve, s);
    expect(s.units[0].contacts).toEqual([{ method: 'face_to_face', on: '2026-11-21', summary: '到代表所在社区面商', recordedAt: NOW }]);
    expect(s.units[1].contacts.map((c) => c.method)).toEqual(['phone']);
  });
  it.each([
    [{ method: 'email' }, 'method'],
    [{ on: '2026-11-24' }, 'on'],
    [{ on: '2026-11-19' }, 'on'],
    [{ on: '21/11/2026' }, 'on'],
    [{ summary: ' ' }, 'summary'],
  ])('refuses %j (field %s)', (data, field) => {
    expect(refusal(() => when(given(register, assignTwo()), contact(data)))).toMatchObject({ status: 400, details: { field } });
  });
});

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
