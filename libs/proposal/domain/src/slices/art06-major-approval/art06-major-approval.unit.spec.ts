import type { ProposalCommand } from '../../index';
import { apply, given, NOW, refusal } from '../../../test/given';

// given / when / then for 阅批 (Art. 6) and 阅示 (Art. 9).
const register = (major: boolean): ProposalCommand => ({
  type: 'RegisterProposal',
  data: {
    proposalId: 'b3c1f0a4-0000-4000-8000-0000000000aa',
    number: '2026-建议-0042',
    kind: 'npc_suggestion',
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: '关于轨道交通线网规划调整的建议',
    content: '……',
    proposers: [{ name: '代表甲', username: 'deputy-1' }],
    major,
  },
});
const assign: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' } };
const submit = (viceMayor = 'vice-mayor-1'): ProposalCommand => ({ type: 'SubmitMajorItemForApproval', data: { viceMayor, note: '涉及全市交通全局' } });
const approve = (instructions?: string): ProposalCommand => ({ type: 'ApproveMajorItem', data: instructions ? { instructions } : {} });
const code = (f: () => unknown) => refusal(f).code;

describe('阅批 of a major item before assignment (Art. 6)', () => {
  it('given a major item not yet approved, when the office assigns it, then 409 MAJOR_APPROVAL_REQUIRED', () => {
    const s = given(register(true));
    expect(refusal(() => apply(s, assign))).toMatchObject({ code: 'MAJOR_APPROVAL_REQUIRED', status: 409 });
    expect(code(() => apply(given(register(true), submit()), assign))).toBe('MAJOR_APPROVAL_REQUIRED');
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
    expect(code(() => apply(given(register(false)), submit()))).toBe('NOT_MAJOR_ITEM');
  });

  it('refuses approving what was not submitted, approving twice, submitting after approval or after assignment', () => {
    expect(code(() => apply(given(register(true)), approve()))).toBe('NOT_SUBMITTED_FOR_APPROVAL');
    const approved = given(register(true), submit(), approve());
    expect(code(() => apply(approved, approve()))).toBe('ALREADY_DECIDED');
    expect(code(() => apply(approved, submit()))).toBe('ALREADY_DECIDED');
    expect(code(() => apply(apply(approved, assign), submit()))).toBe('ALREADY_ASSIGNED');
    expect(refusal(() => apply(given(register(true)), submit(' ')))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'viceMayor' } });
  });

  it('may be put before another vice mayor while not yet approved (the latest submission counts)', () => {
    const s = given(register(true), submit('vice-mayor-1'), submit('vice-mayor-2'));
    expect(s.majorApproval?.viceMayor).toBe('vice-mayor-2');
  });
});
