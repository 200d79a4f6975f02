// Art. 14, 16 contacts with the proposer, with the one helper (test/given.ts).
import type { ProposalCommand } from '../../index';
import { assignTwo, eventsOf, given, NOW, register } from '../../../test/given';

describe('contacts with the proposer (Art. 14, 16)', () => {
  const contact = (data: Partial<{ unitId: string; method: string; on: string; summary: string }>) =>
    ({ type: 'RecordContact', data: { unitId: 'cjj', method: 'face_to_face', on: '2026-11-21', summary: '到代表所在社区面商', ...data } }) as ProposalCommand;

  it('records each contact; co-units may record theirs too', () => {
    given(eventsOf(register, assignTwo(), contact({})))
      .when(contact({ unitId: 'zfbzj', method: 'phone' }))
      .then((_, s) => {
        expect(s.units[0].contacts).toEqual([{ method: 'face_to_face', on: '2026-11-21', summary: '到代表所在社区面商', recordedAt: NOW }]);
        expect(s.units[1].contacts.map((c) => c.method)).toEqual(['phone']);
      });
  });
  it.each([
    [{ method: 'email' }, 'method'],
    [{ on: '2026-11-24' }, 'on'],
    [{ on: '2026-11-19' }, 'on'],
    [{ on: '21/11/2026' }, 'on'],
    [{ summary: ' ' }, 'summary'],
  ])('refuses %j (field %s)', (data, field) => {
    given(eventsOf(register, assignTwo())).when(contact(data)).thenFails('VALIDATION_FAILED', { status: 400, details: { field } });
  });
});

