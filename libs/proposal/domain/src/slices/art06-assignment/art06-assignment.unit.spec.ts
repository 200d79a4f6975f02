import type { HolidayCalendar } from '@jyta/calendar-domain';
import {
  decide,
  DEFAULT_POLICY,
  DomainError,
  evolve,
  initialState,
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

