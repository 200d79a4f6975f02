import type { ContactEntry } from '@jyta/directory';
import { contactsProblems } from './contacts.service';

const c = (kind: ContactEntry['kind'], name = '某某'): ContactEntry => ({ kind, name, phone: '13800000000', position: '' });

describe('contactsProblems (Art. 14 通信录)', () => {
  it('accepts one of each leading post and several handlers, or an empty list', () => {
    expect(contactsProblems([c('main_leader'), c('leader_in_charge'), c('office_head'), c('handler'), c('handler')])).toEqual([]);
    expect(contactsProblems([])).toEqual([]);
  });

  it('names the second holder of a leading post', () => {
    expect(contactsProblems([c('main_leader'), c('handler'), c('main_leader'), c('office_head'), c('office_head')])).toEqual([
      { field: 'contacts.2.kind', errors: ['主要领导只能有一位'] },
      { field: 'contacts.4.kind', errors: ['办公室负责人只能有一位'] },
    ]);
  });

  it('bounds the handlers', () => {
    expect(contactsProblems(Array.from({ length: 21 }, () => c('handler')))).toEqual([{ field: 'contacts', errors: ['承办人员不能超过 20 位'] }]);
  });
});
