import { messageFor, recipientsFor, type DirectoryUser, type NotifiableEvent } from './messages';
import { names, user } from './testing/directory';

const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('npc-liaison', 'npc_liaison'),
  user('cppcc-liaison', 'cppcc_liaison'),
  user('rsj-handler', 'unit_handler', 'rsj'),
  user('rsj-leader', 'unit_leader', 'rsj'),
  user('wjw-handler', 'unit_handler', 'wjw'),
];
const unitNames = new Map([['rsj', '市人社局']]);
const proposal = { title: '关于扩大公益性岗位安置的建议', number: '2026-建议-0009' };
let n = 0;
const ev = (type: string, data: unknown): NotifiableEvent => ({ eventId: `e-${++n}`, type, data });
const dueAt = '2027-02-23T16:00:00.000Z';

describe('催办升级 notices', () => {
  it('before the deadline: the leader in charge of the unit only (the handler has its own reminder)', () => {
    const e = ev('ReminderEscalated', { unitId: 'rsj', level: 'leader', key: 'leader:P7D', dueAt, chamber: 'npc', overdue: false });
    expect(names(recipientsFor(e, directory))).toEqual(['rsj-leader']);
    const m = messageFor(e, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(m.kind).toBe('reminder_escalated');
    expect(m.body).toContain('本单位（市人社局）');
    expect(m.body).toContain('请分管领导督促');
  });

  it('overdue: the office and the liaison office of the item’s chamber, not the other chamber’s', () => {
    const npc = ev('ReminderEscalated', { unitId: 'rsj', level: 'supervision', key: 'supervision:1', dueAt, chamber: 'npc', overdue: true });
    expect(names(recipientsFor(npc, directory))).toEqual(['office', 'npc-liaison']);
    const cppcc = ev('ReminderEscalated', { unitId: 'rsj', level: 'supervision', key: 'supervision:1', dueAt, chamber: 'cppcc', overdue: true });
    expect(names(recipientsFor(cppcc, directory))).toEqual(['office', 'cppcc-liaison']);
    const m = messageFor(npc, proposal, { unitNames })!;
    expect(m.title).toContain('超期通报：市人社局');
    expect(m.body).toContain('市人大常委会选任联工委');
    expect(m.body).toContain('追究该单位分管领导和承办人员的责任');
  });

  it('a malformed escalation tells nobody', () => {
    expect(recipientsFor(ev('ReminderEscalated', { unitId: 'rsj', level: 'supervision', dueAt, chamber: 'x' }), directory)).toEqual([]);
    expect(recipientsFor(ev('ReminderEscalated', { level: 'leader', dueAt }), directory)).toEqual([]);
  });
});

describe('承诺事项跟踪 notices', () => {
  it('a follow-up request reaches the unit’s handler and leader with the date the report is due', () => {
    const e = ev('PromiseFollowUpRequested', { unitId: 'rsj', replyId: 'r1', round: 2, dueAt });
    expect(names(recipientsFor(e, directory))).toEqual(['rsj-handler', 'rsj-leader']);
    const m = messageFor(e, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(m).toMatchObject({ kind: 'promise_follow_up', title: '请报告承诺事项进展：《关于扩大公益性岗位安置的建议》' });
    expect(m.body).toContain('2027-02-23');
    expect(m.body).toContain('第 2 次');
  });
});

describe('总结工作 notices (Art. 12)', () => {
  const owed = ev('UnitSummaryOwed', { unitId: 'rsj', year: 2026, items: 2, lastDoneAt: '2026-12-01T02:00:00.000Z', dueAt });
  it('the unit hears that it owes the summary, and is reminded; the office hears when it is overdue', () => {
    expect(names(recipientsFor(owed, directory))).toEqual(['rsj-handler', 'rsj-leader']);
    expect(messageFor(owed, undefined, { unitNames })).toMatchObject({ kind: 'unit_summary_owed', title: '请报送 2026 年度办理工作总结' });
    expect(messageFor(owed, undefined, { unitNames })!.body).toContain('2027-02-23');
    const reminded = ev('UnitSummaryReminded', { unitId: 'rsj', year: 2026, dueAt });
    expect(names(recipientsFor(reminded, directory))).toEqual(['rsj-handler', 'rsj-leader']);
    const overdue = ev('UnitSummaryOverdue', { unitId: 'rsj', year: 2026, dueAt });
    expect(names(recipientsFor(overdue, directory))).toEqual(['office']);
    expect(messageFor(overdue, undefined, { unitNames })!.title).toBe('办理工作总结逾期：市人社局（2026 年度）');
  });
});
