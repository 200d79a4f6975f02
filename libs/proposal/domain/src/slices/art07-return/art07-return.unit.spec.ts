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

