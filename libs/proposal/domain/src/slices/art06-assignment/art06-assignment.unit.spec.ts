// Registration, Art. 6 assignment and Art. 17 sign in the given(events).when(command).then(events | error) form.
import { DEFAULT_POLICY, type ProposalCommand } from '../../index';
import { assignTwo, eventsOf, given, register } from '../../../test/given';

const sign = (unitId: string): ProposalCommand => ({ type: 'SignReceipt', data: { unitId } });

describe('registration (登记)', () => {
  it('records the item with the policy it starts under', () => {
    const [e] = given([]).when(register).then((es) => expect(es).toHaveLength(1));
    expect(e.type).toBe('ProposalRegistered');
    expect(e.data).toMatchObject({ number: '2026-建议-0001', policy: DEFAULT_POLICY, key: false, major: false });
  });
  it('refuses a second registration', () => {
    given(eventsOf(register)).when(register).thenFails('ALREADY_REGISTERED', { status: 409 });
  });
  it('names the invalid field', () => {
    const bad = { ...register, data: { ...register.data, proposers: [{ name: ' ' }] } } as ProposalCommand;
    given([]).when(bad).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'proposers[0].name' } });
  });
});

describe('assignment (交办, Art. 6)', () => {
  it('gives every unit its own return window and reply deadline counted from assignedOn', () => {
    const [e] = given(eventsOf(register)).when(assignTwo('2026-11-20')).then((es) => expect(es).toHaveLength(1));
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
    given(eventsOf(register)).when(cmd).thenFails('VALIDATION_FAILED', { status: 400, details: { field } });
  });
  it('refuses an assignment dated after today', () => {
    given(eventsOf(register)).when(assignTwo('2026-11-24')).thenFails('VALIDATION_FAILED', { details: { field: 'assignedOn' } });
  });
  it('accepts several lead units', () => {
    const cmd: ProposalCommand = {
      type: 'AssignProposal',
      data: { mode: 'lead', leadUnitIds: ['cjj', 'zfbzj'], coUnitIds: ['czj'], assignedOn: '2026-11-20' },
    };
    given(eventsOf(register))
      .when(cmd)
      .then(([e]) => expect(e.type === 'ProposalAssigned' && e.data.units.filter((u) => u.role === 'lead')).toHaveLength(2));
  });
  it('refuses to assign an item that is already assigned', () => {
    given(eventsOf(register, assignTwo())).when(assignTwo()).thenFails('ALREADY_ASSIGNED');
  });
});

describe('sign (签收, Art. 17)', () => {
  it('records the receipt without moving any deadline', () => {
    const before = given(eventsOf(register, assignTwo()));
    before.when(sign('cjj')).then((_, after) => {
      expect(after.units[0].status).toBe('handling');
      expect(after.units[0].returnWindow).toEqual(before.state.units[0].returnWindow);
    });
  });
  it('refuses a unit that was not assigned', () => {
    given(eventsOf(register, assignTwo())).when(sign('jyj')).thenFails('NOT_ASSIGNED_TO_UNIT', { status: 409 });
  });
  it('refuses a second signature', () => {
    given(eventsOf(register, assignTwo(), sign('cjj'))).when(sign('cjj')).thenFails('ALREADY_SIGNED');
  });
});

