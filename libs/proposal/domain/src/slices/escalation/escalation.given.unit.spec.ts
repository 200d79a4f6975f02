// 催办升级 in the given(events).when(command).then(events) form: the handler, then the leader in
// charge, then the liaison office and the office.
import { fold, nextDeadline, type DecidedEvent, type ProposalCommand } from '../../index';
import { assigned, given, registered } from '../../../test/given';
import { nextEscalation } from './index';

const assignment = assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' });
const past = [registered(), assignment];
const dueAt = assignment.type === 'ProposalAssigned' ? assignment.data.units[0].replyDue.dueAt : '';
const before = (days: number) => new Date(Date.parse(dueAt) - days * 86_400_000).toISOString();
const after = (days: number) => new Date(Date.parse(dueAt) + days * 86_400_000).toISOString();
const OPTS = { reminders: true, replyDeadlines: true, escalation: true };

/** Runs the item's timers up to `until`, the way the workflow does, and returns every event decided. */
function runTimers(from: DecidedEvent[], until: string, extra: ProposalCommand[] = []): DecidedEvent[] {
  const events = [...from];
  for (const c of extra) events.push(...given(events).when(c).then(() => undefined));
  for (let i = 0; i < 50; i++) {
    const next = nextDeadline(fold(events), OPTS);
    if (!next || Date.parse(next.at) > Date.parse(until)) break;
    events.push(...given(events).when(next.command, { now: next.at }).then(() => undefined));
  }
  return events.slice(from.length);
}
const levels = (es: DecidedEvent[]) =>
  es.filter((e) => e.type === 'ReminderIssued' || e.type === 'ReminderEscalated' || e.type === 'ReplyDeadlinePassed').map((e) => [
    e.type === 'ReminderEscalated' ? e.data.level : e.type === 'ReminderIssued' ? `handler:${e.data.reminder}` : 'deadline',
    e.occurredAt,
  ]);

describe('催办升级: reminders climb from the handler to the leader in charge, then to the supervisors', () => {
  it('30 and 7 days before: the handler; 7 and 3 days before: the leader; overdue: liaison and office at once and weekly', () => {
    const es = runTimers(past, after(15));
    expect(levels(es).filter(([l]) => l !== 'handler:return_window_3d')).toEqual([
      ['handler:reply_30d', before(30)],
      ['handler:reply_7d', before(7)],
      ['leader', before(7)],
      ['leader', before(3)],
      ['deadline', dueAt],
      ['supervision', dueAt],
      ['handler:overdue_weekly', after(7)],
      ['supervision', after(7)],
      ['handler:overdue_weekly', after(14)],
      ['supervision', after(14)],
    ]);
    const sup = es.find((e) => e.type === 'ReminderEscalated' && e.data.level === 'supervision')!;
    // A 建议 goes to the NPC's liaison office (a 提案 to the CPPCC's).
    expect(sup.data).toEqual({ unitId: 'cjj', level: 'supervision', key: 'supervision:1', dueAt, chamber: 'npc', overdue: true });
  });

  it('an explanation filed in time: delayed with explanation, not escalated to the supervisors', () => {
    const explain: ProposalCommand = { type: 'FileExplanation', data: { unitId: 'cjj', reasons: '需省厅批复', measures: '已请示', expectedOn: '2027-03-31' } };
    const es = runTimers(past, after(15), [explain]);
    expect(levels(es).filter(([l]) => l === 'supervision')).toEqual([]);
    expect(levels(es).filter(([l]) => l === 'leader')).toHaveLength(2);
  });

  it('a reply sent stops every escalation; a 提案 escalates to the CPPCC liaison office', () => {
    const unit = fold(past).units[0];
    expect(nextEscalation({ ...unit, status: 'replied' }, undefined)).toBeUndefined();
    const proposal = [registered({ kind: 'cppcc_proposal' }), assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' }, [registered({ kind: 'cppcc_proposal' })])];
    const es = runTimers(proposal, dueAt);
    expect(es.find((e) => e.type === 'ReminderEscalated' && e.data.level === 'supervision')?.data).toMatchObject({ chamber: 'cppcc' });
  });

  it('the same escalation twice records nothing more; none is planned before the item was assigned (a backdated item)', () => {
    const first = runTimers(past, before(7)).filter((e) => e.type === 'ReminderEscalated');
    expect(first).toHaveLength(1);
    const e = first[0];
    const again: ProposalCommand = { type: 'EscalateReminder', data: { unitId: 'cjj', level: 'leader', key: e.type === 'ReminderEscalated' ? e.data.key : '', remindAt: e.occurredAt, dueAt } };
    given([...past, ...runTimers(past, before(7))]).when(again).then([]);
    const unit = fold(past).units[0];
    expect(nextEscalation({ ...unit, assignedAt: before(2) }, undefined)).toBeUndefined();
  });

  it('without the timer option (items from before) nothing escalates; leader offsets and the interval are policy settings', () => {
    expect(runTimers(past, after(15)).some((e) => e.type === 'ReminderEscalated')).toBe(true);
    const unit = fold(past).units[0];
    expect(nextEscalation(unit, { ...fold(past).policy!, leaderReminders: ['P10D'] })?.remindAt).toBe(before(10));
    const plain = nextDeadline(fold(past), { reminders: true, replyDeadlines: true });
    expect(plain?.command.type).not.toBe('EscalateReminder');
  });
});
