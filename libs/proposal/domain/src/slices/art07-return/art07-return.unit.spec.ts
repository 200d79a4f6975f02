// Art. 7 退转 and the return window timer, with the one helper (test/given.ts).
import { fold, nextDeadline, type ProposalCommand } from '../../index';
import { assignTwo, eventsOf, given, register } from '../../../test/given';

const requestReturn = (unitId: string, reason = '不属本单位职责'): ProposalCommand => ({ type: 'RequestReturn', data: { unitId, reason } });
const decideReturn = (unitId: string, approve: boolean, comment?: string): ProposalCommand => ({
  type: 'DecideReturn',
  data: comment === undefined ? { unitId, approve } : { unitId, approve, comment },
});

describe('return (退转, Art. 7)', () => {
  const requested = () => eventsOf(register, assignTwo(), requestReturn('zfbzj'));

  it('accepts a request inside the window', () => {
    expect(fold(requested()).units[1].returnRequests).toHaveLength(1);
  });
  it('refuses a request without reasons', () => {
    given(eventsOf(register, assignTwo())).when(requestReturn('cjj', '  ')).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'reason' } });
  });
  it('refuses a request after the window, even before the timer fired', () => {
    given(eventsOf(register, assignTwo())).when(requestReturn('cjj'), { now: '2026-12-07T16:00:00.000Z' }).thenFails('RETURN_WINDOW_CLOSED', { status: 409 });
  });
  it('lets the office decide after the window closed on a request made inside it', () => {
    given(requested())
      .when(decideReturn('zfbzj', false, '属于职责范围'), { now: '2027-01-05T00:00:00.000Z' })
      .then(([e]) => expect(e.type).toBe('ReturnRejected'));
  });
  it('approving lets the unit leave; the lead keeps the item', () => {
    given(requested())
      .when(decideReturn('zfbzj', true))
      .then((_, after) => {
        expect(after.units[1].status).toBe('returned');
        expect(after.status).toBe('assigned');
      });
  });
  it('when the only lead unit leaves, the item waits for re-assignment and new units get fresh windows', () => {
    const past = eventsOf(register, assignTwo('2026-11-18'), requestReturn('cjj'));
    const approved = given(past)
      .when(decideReturn('cjj', true))
      .then((_, s) => expect(s.status).toBe('awaiting_reassignment'));
    given([...past, ...approved])
      .when({ type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: '2026-11-23' } })
      .then(([e], s) => {
        expect(e.type === 'ProposalAssigned' && e.data.reassignment).toBe(true);
        expect(s.units.find((u) => u.unitId === 'jtj')?.returnWindow.lastDay).toBe('2026-12-08');
      });
  });
  it('refuses a second decision', () => {
    given(eventsOf(register, assignTwo(), requestReturn('zfbzj'), decideReturn('zfbzj', false))).when(decideReturn('zfbzj', true)).thenFails('ALREADY_DECIDED');
  });
  it('refuses a decision when nothing was requested', () => {
    given(eventsOf(register, assignTwo())).when(decideReturn('cjj', true)).thenFails('NO_RETURN_REQUEST');
  });
});

const noReminders = { replyDeadlines: true, reminders: false };

describe('return window timer', () => {
  it('plans the earliest open window and closes it dated when it really closed', () => {
    const past = eventsOf(register, assignTwo('2026-10-20'));
    const next = nextDeadline(fold(past), noReminders)!;
    expect(next.command).toEqual({ type: 'CloseReturnWindow', data: { unitId: 'cjj' } });
    const events = given(past).when(next.command).then([
      { type: 'ReturnWindowClosed', occurredAt: next.at, data: { unitId: 'cjj', closedAt: next.at } },
    ]);
    const closedBothEvents = [
      ...past,
      ...events,
      ...given([...past, ...events]).when({ type: 'CloseReturnWindow', data: { unitId: 'zfbzj' } }).then((es) => expect(es).toHaveLength(1)),
    ];
    const closedBoth = fold(closedBothEvents);
    // What remains is the lead unit's reply deadline (a co-unit does not answer on its own).
    expect(nextDeadline(closedBoth, noReminders)?.command).toEqual({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } });
    expect(nextDeadline(closedBoth, { replyDeadlines: false })).toBeUndefined();
    // Closing twice records nothing.
    given(closedBothEvents).when({ type: 'CloseReturnWindow', data: { unitId: 'cjj' } }).then([]);
  });
});

