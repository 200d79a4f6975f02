// Art. 19 in the given(events).when(command).then(events) form.
import { assigned, given, registered } from '../../../test/given';

const assignment = assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' });
const past = [registered(), assignment];
const dueAt = assignment.type === 'ProposalAssigned' ? assignment.data.units[0].replyDue.dueAt : '';
const explanation = { type: 'FileExplanation' as const, data: { unitId: 'cjj', reasons: ' 需省厅批复 ', measures: ' 已请示 ', expectedOn: '2027-03-31' } };

describe('Art. 19 答复期限, given events', () => {
  it('given no explanation, when the reply deadline passes, then the unit is overdue and accountability is flagged', () => {
    given(past).when({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } }).then([
      { type: 'ReplyDeadlinePassed', occurredAt: dueAt, data: { unitId: 'cjj', dueAt, explained: false, accountabilityFlagged: true } },
    ]);
  });
  it('given an explanation filed in time, when the deadline passes, then delayed with explanation, not flagged', () => {
    const filed = given(past).when(explanation).then((es) => expect(es[0].data).toMatchObject({ reasons: '需省厅批复', measures: '已请示' }));
    given([...past, ...filed]).when({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } }).then((es) =>
      expect(es[0].data).toMatchObject({ explained: true, accountabilityFlagged: false }),
    );
  });
  it('when an explanation comes at or after the deadline, then REPLY_DEADLINE_PASSED', () => {
    given(past).when(explanation, { now: dueAt }).thenFails('REPLY_DEADLINE_PASSED', { details: { dueAt } });
  });
  it('given the deadline passed once, when the timer fires again, then nothing more is recorded', () => {
    const passed = given(past).when({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } }).then((es) => expect(es).toHaveLength(1));
    given([...past, ...passed]).when({ type: 'PassReplyDeadline', data: { unitId: 'cjj' } }).then([]);
  });
});
