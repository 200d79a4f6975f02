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

