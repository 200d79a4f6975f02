import type { ProposalCommand } from '../../index';
import { apply, eventsOf, given, NOW, registerWith } from '../../../test/given';

// given / when / then for 阅批 (Art. 6).
const register = (major: boolean) => registerWith({ proposers: [{ name: '代表甲', username: 'deputy-1' }], major });
const assign: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' } };
const submit = (viceMayor = 'vice-mayor-1'): ProposalCommand => ({ type: 'SubmitMajorItemForApproval', data: { viceMayor, note: '涉及全市交通全局' } });
const approve = (instructions?: string): ProposalCommand => ({ type: 'ApproveMajorItem', data: instructions ? { instructions } : {} });

describe('阅批 of a major item before assignment (Art. 6)', () => {
  it('given a major item not yet approved, when the office assigns it, then 409 MAJOR_APPROVAL_REQUIRED', () => {
    given(eventsOf(register(true))).when(assign).thenFails('MAJOR_APPROVAL_REQUIRED', { status: 409 });
    given(eventsOf(register(true), submit())).when(assign).thenFails('MAJOR_APPROVAL_REQUIRED');
  });

  it('given it was put before the vice mayor, when they approve with instructions, then it may be assigned', () => {
    let s = given(register(true), submit(), approve('请交通局牵头，年内拿出方案'));
    expect(s.majorApproval).toEqual({
      viceMayor: 'vice-mayor-1',
      submittedAt: NOW,
      note: '涉及全市交通全局',
      approvedAt: NOW,
      instructions: '请交通局牵头，年内拿出方案',
    });
    s = apply(s, assign);
    expect(s.status).toBe('assigned');
  });

  it('an item that is not major needs no approval and cannot be submitted for one', () => {
    expect(apply(given(register(false)), assign).status).toBe('assigned');
    given(eventsOf(register(false))).when(submit()).thenFails('NOT_MAJOR_ITEM');
  });

  it('refuses approving what was not submitted, approving twice, submitting after approval or after assignment', () => {
    given(eventsOf(register(true))).when(approve()).thenFails('NOT_SUBMITTED_FOR_APPROVAL');
    const approved = given(register(true), submit(), approve());
    given(approved).when(approve()).thenFails('ALREADY_DECIDED');
    given(approved).when(submit()).thenFails('ALREADY_DECIDED');
    given(apply(approved, assign)).when(submit()).thenFails('ALREADY_ASSIGNED');
    given(eventsOf(register(true))).when(submit(' ')).thenFails('VALIDATION_FAILED', { details: { field: 'viceMayor' } });
  });

  it('may be put before another vice mayor while not yet approved (the latest submission counts)', () => {
    const s = given(register(true), submit('vice-mayor-1'), submit('vice-mayor-2'));
    expect(s.majorApproval?.viceMayor).toBe('vice-mayor-2');
  });
});
