// Art. 14 in the given(events).when(command).then(events) form.
import { assigned, at, given, registered } from '../../../test/given';

const past = [registered(), assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' })];
const contact = (on: string, summary = ' 电话沟通办理思路 ') => ({ type: 'RecordContact' as const, data: { unitId: 'cjj', method: 'phone' as const, on, summary } });

describe('Art. 14 与代表委员沟通, given events', () => {
  it('given an assignment, when the unit records a contact of today, then ContactRecorded with the summary trimmed', () => {
    given(past).when(contact('2026-11-23')).then([
      { type: 'ContactRecorded', occurredAt: at('2026-11-23'), data: { unitId: 'cjj', method: 'phone', on: '2026-11-23', summary: '电话沟通办理思路' } },
    ]);
  });
  it('when the day is after today in Shanghai, then VALIDATION_FAILED on `on`', () => {
    given(past).when(contact('2026-11-24')).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'on' } });
  });
  it('when the day is before the unit received the item, then VALIDATION_FAILED on `on`', () => {
    given(past).when(contact('2026-11-19')).thenFails('VALIDATION_FAILED', { details: { field: 'on' } });
  });
  it('when a unit that does not handle the item records one, then NOT_ASSIGNED_TO_UNIT', () => {
    given(past).when({ ...contact('2026-11-23'), data: { ...contact('2026-11-23').data, unitId: 'other' } }).thenFails('NOT_ASSIGNED_TO_UNIT');
  });
});
