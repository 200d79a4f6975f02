// Art. 7 in the given(events).when(command).then(events) form: past events, a command, the outcome.
import { assigned, at, given, registered } from '../../../test/given';

const past = [registered(), assigned({ mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn: '2026-11-20' })];
const requestReturn = (unitId: string, reason = '不属本单位职责') => ({ type: 'RequestReturn' as const, data: { unitId, reason } });

describe('Art. 7 退转, given events', () => {
  it('given an assignment, when a unit asks to return inside the window, then the request is recorded with its reason trimmed', () => {
    given(past).when(requestReturn('zfbzj', '  不属本单位职责 ')).then([
      { type: 'ReturnRequested', occurredAt: at('2026-11-23'), data: { unitId: 'zfbzj', reason: '不属本单位职责' } },
    ]);
  });
  it('given the window ended (24:00 Shanghai of its last day), when a unit asks to return, then RETURN_WINDOW_CLOSED', () => {
    given(past).when(requestReturn('cjj'), { now: '2026-12-07T16:00:00.000Z' }).thenFails('RETURN_WINDOW_CLOSED', { status: 409 });
  });
  it('given a pending request, when the unit asks again, then RETURN_ALREADY_REQUESTED', () => {
    const pending = given(past).when(requestReturn('zfbzj')).then((es) => expect(es).toHaveLength(1));
    given([...past, ...pending]).when(requestReturn('zfbzj')).thenFails('RETURN_ALREADY_REQUESTED');
  });
  it('given the only lead unit asked, when the office approves, then the item awaits re-assignment', () => {
    const pending = given(past).when(requestReturn('cjj')).then((es) => expect(es).toHaveLength(1));
    given([...past, ...pending])
      .when({ type: 'DecideReturn', data: { unitId: 'cjj', approve: true, comment: ' 同意 ' } })
      .then([{ type: 'ReturnApproved', occurredAt: at('2026-11-23'), data: { unitId: 'cjj', comment: '同意', awaitingReassignment: true } }]);
  });
  it('given no request, when the office decides, then NO_RETURN_REQUEST', () => {
    given(past).when({ type: 'DecideReturn', data: { unitId: 'cjj', approve: false } }).thenFails('NO_RETURN_REQUEST');
  });
  it('given the window already closed, when the timer fires again, then nothing is recorded', () => {
    const closed = given(past).when({ type: 'CloseReturnWindow', data: { unitId: 'cjj' } }).then((es) => expect(es[0].type).toBe('ReturnWindowClosed'));
    given([...past, ...closed]).when({ type: 'CloseReturnWindow', data: { unitId: 'cjj' } }).then([]);
  });
});
