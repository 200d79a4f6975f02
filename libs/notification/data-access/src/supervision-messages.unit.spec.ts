import { messageFor, recipientsFor, type DirectoryUser, type NotifiableEvent } from './messages';
import { names, user } from './testing/directory';

const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('rsj-handler', 'unit_handler', 'rsj'),
  user('rsj-leader', 'unit_leader', 'rsj'),
  user('wjw-handler', 'unit_handler', 'wjw'),
  user('wjw-leader', 'unit_leader', 'wjw'),
  user('jyj-handler', 'unit_handler', 'jyj'),
];
const unitNames = new Map([
  ['rsj', '市人社局'],
  ['wjw', '市卫健委'],
]);
const proposal = { title: '关于扩大公益性岗位安置的建议', number: '2026-建议-0009' };
let n = 0;
const ev = (type: string, data: unknown): NotifiableEvent => ({ eventId: `e-${++n}`, type, data });

describe('会办意见 notices (SPEC §4.2)', () => {
  const submitted = ev('CoUnitOpinionSubmitted', { unitId: 'wjw', opinion: '建议统筹医疗护理岗位', late: false, leadUnitIds: ['rsj'] });
  const overdue = ev('CoUnitOpinionOverdue', { unitId: 'wjw', dueAt: '2026-05-03T16:00:00.000Z', leadUnitIds: ['rsj'] });

  it('the opinion reaches the lead unit only', () => {
    expect(names(recipientsFor(submitted, directory))).toEqual(['rsj-handler', 'rsj-leader']);
    const m = messageFor(submitted, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(m.kind).toBe('co_opinion_received');
    expect(m.body).toContain('会办单位市卫健委');
    expect(m.body).toContain('建议统筹医疗护理岗位');
  });

  it('a missed opinion deadline reminds both the co-unit and the lead, each in its own words', () => {
    expect(names(recipientsFor(overdue, directory))).toEqual(['rsj-handler', 'rsj-leader', 'wjw-handler', 'wjw-leader']);
    const co = messageFor(overdue, proposal, { recipient: { unitId: 'wjw' }, unitNames })!;
    const lead = messageFor(overdue, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(co).toMatchObject({ kind: 'co_opinion_overdue' });
    expect(co.body).toContain('本单位（市卫健委）尚未向市人社局提交会办意见');
    expect(co.body).toContain('2026-05-03');
    expect(lead.body).toContain('会办单位市卫健委未在期限（2026-05-03）前提交会办意见');
  });
});

describe('督办台账 notices (SPEC §4.3)', () => {
  it('a missed month is told to the unit; a co-unit\'s also to the lead it was owed to', () => {
    const own = ev('ProgressReportMissed', { unitId: 'rsj', month: '2026-04', dueAt: '2026-04-25T16:00:00.000Z', reportsTo: 'office' });
    expect(names(recipientsFor(own, directory))).toEqual(['rsj-handler', 'rsj-leader']);
    const m = messageFor(own, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(m).toMatchObject({ kind: 'progress_report_missed' });
    expect(m.body).toContain('2026-04 的办理进度未在 2026-04-25 前报送市政府办公厅建议提案处');
    const co = ev('ProgressReportMissed', { unitId: 'wjw', month: '2026-04', dueAt: '2026-04-22T16:00:00.000Z', reportsTo: 'lead', leadUnitIds: ['rsj'] });
    expect(names(recipientsFor(co, directory))).toEqual(['rsj-handler', 'rsj-leader', 'wjw-handler', 'wjw-leader']);
    expect(messageFor(co, proposal, { recipient: { unitId: 'wjw' }, unitNames })!.body).toContain('报送市人社局');
    expect(messageFor(co, proposal, { recipient: { unitId: 'rsj' }, unitNames })!.body).toContain('会办单位市卫健委');
  });

  it('ignores a malformed event', () => {
    expect(recipientsFor(ev('ProgressReportMissed', { month: '2026-04' }), directory)).toEqual([]);
  });
});

it('the assignment notice tells a co-unit when its opinion is due', () => {
  const d = (lastDay: string) => ({ lastDay, dueAt: `${lastDay}T16:00:00.000Z`, explanation: { text: '' } });
  const assigned = ev('ProposalAssigned', {
    mode: 'lead',
    assignedOn: '2026-03-02',
    reassignment: false,
    units: [
      { unitId: 'rsj', role: 'lead', returnWindow: d('2026-03-17'), replyDue: d('2026-06-02') },
      { unitId: 'wjw', role: 'co', returnWindow: d('2026-03-17'), replyDue: d('2026-06-02'), opinionDue: d('2026-05-04') },
    ],
  });
  expect(messageFor(assigned, proposal, { recipient: { unitId: 'wjw' }, unitNames })!.body).toContain('会办意见请于 2026-05-04 前送主办单位');
  expect(messageFor(assigned, proposal, { recipient: { unitId: 'rsj' }, unitNames })!.body).not.toContain('会办意见请于');
});
