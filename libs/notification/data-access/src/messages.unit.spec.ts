import { formatDeadline, formatDueAt, messageFor, recipientsFor, type DirectoryUser, type NotifiableEvent } from './messages';
import { names, user } from './testing/directory';

const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('office-2', 'office'),
  user('office-reviewer', 'office_reviewer'),
  user('vice-mayor-1', 'vice_mayor'),
  user('deputy-1', 'proposer'),
  user('deputy-2', 'proposer'),
  user('rsj-handler', 'unit_handler', 'rsj'),
  user('rsj-handler-2', 'unit_handler', 'rsj'),
  user('rsj-leader', 'unit_leader', 'rsj'),
  user('jyj-handler', 'unit_handler', 'jyj'),
  user('jyj-leader', 'unit_leader', 'jyj'),
  user('cjj-handler', 'unit_handler', 'cjj'),
];
const unitNames = new Map([
  ['rsj', '市人社局'],
  ['jyj', '市教育局'],
]);
const proposal = { title: '关于加强职业技能培训的建议', number: '2026-建议-0007' };

let n = 0;
const ev = (type: string, data: unknown, recordedAt?: string): NotifiableEvent => ({ eventId: `e-${++n}`, type, data, recordedAt });
const deadline = (lastDay: string | null, dueAt: string) => ({ lastDay, dueAt, explanation: { text: '' } });

const assigned = (reassignment = false) =>
  ev('ProposalAssigned', {
    mode: 'lead',
    assignedOn: '2026-03-02',
    reassignment,
    units: [
      { unitId: 'rsj', role: 'lead', returnWindow: deadline('2026-03-17', '2026-03-17T16:00:00.000Z'), replyDue: deadline('2026-06-02', '2026-06-02T16:00:00.000Z') },
      { unitId: 'jyj', role: 'co', returnWindow: deadline('2026-03-17', '2026-03-17T16:00:00.000Z'), replyDue: deadline('2026-05-03', '2026-05-03T16:00:00.000Z') },
    ],
  });

describe('recipientsFor', () => {
  it('ProposalAssigned: every handler and leader of each assigned unit, nobody else', () => {
    expect(names(recipientsFor(assigned(), directory))).toEqual(['rsj-handler', 'rsj-handler-2', 'rsj-leader', 'jyj-handler', 'jyj-leader']);
  });

  it('ReturnRequested: every office user', () => {
    expect(names(recipientsFor(ev('ReturnRequested', { unitId: 'rsj', reason: '不属于本单位职责' }), directory))).toEqual(['office', 'office-2']);
  });

  it.each(['ReturnApproved', 'ReturnRejected', 'ReturnWindowClosed'])('%s: the handlers of that unit only', (type) => {
    expect(names(recipientsFor(ev(type, { unitId: 'rsj', comment: '', closedAt: '2026-03-17T16:00:00Z' }), directory))).toEqual([
      'rsj-handler',
      'rsj-handler-2',
    ]);
  });

  it.each([
    ['ReplyDeadlinePassed', { unitId: 'jyj', dueAt: '2026-05-03T16:00:00.000Z', explained: false, accountabilityFlagged: true }],
    ['ReminderIssued', { unitId: 'jyj', kind: 'reply', reminder: 'reply_7d', key: 'reply:P7D', dueAt: '2026-05-03T16:00:00.000Z' }],
  ])('%s: the handlers and leaders of that unit', (type, data) => {
    expect(names(recipientsFor(ev(type, data), directory))).toEqual(['jyj-handler', 'jyj-leader']);
  });

  it('ReplySent: the item’s proposers with an account, nobody else', () => {
    const e = ev('ReplySent', { replyId: 'r-1', unitId: 'rsj', cc: [], feedbackDueAt: '2026-07-02T16:00:00.000Z' });
    expect(names(recipientsFor(e, directory, { ...proposal, proposerUsernames: ['deputy-1', 'rsj-handler'] }))).toEqual(['deputy-1']);
    expect(recipientsFor(e, directory, proposal)).toEqual([]);
    expect(recipientsFor(e, directory)).toEqual([]);
  });

  it('ignores unknown event types and malformed data', () => {
    expect(recipientsFor(ev('ReceiptSigned', { unitId: 'rsj' }), directory)).toEqual([]);
    expect(recipientsFor(ev('SomethingNew', { unitId: 'rsj' }), directory)).toEqual([]);
    expect(recipientsFor(ev('ReturnApproved', null), directory)).toEqual([]);
    expect(recipientsFor(ev('ProposalAssigned', { units: 'rsj' }), directory)).toEqual([]);
    expect(recipientsFor(ev('ProposalAssigned', { units: [null, { unitId: 'rsj' }] }), directory)).toEqual([]);
    expect(messageFor(ev('ProposalAssigned', { units: [{ role: 'lead' }] }), proposal)).toBeUndefined();
  });

  it('leaves out users created after the event was recorded (a replay tells nobody new of old events)', () => {
    const dir = [
      user('rsj-handler', 'unit_handler', 'rsj', { createdAt: '2026-01-01T00:00:00Z' }),
      user('rsj-newcomer', 'unit_handler', 'rsj', { createdAt: '2026-04-01T00:00:00Z' }),
    ];
    const e = ev('ReturnWindowClosed', { unitId: 'rsj', closedAt: '2026-03-17T16:00:00Z' }, '2026-03-17T16:00:01Z');
    expect(names(recipientsFor(e, dir))).toEqual(['rsj-handler']);
  });

  it('names a user once even if the directory repeats them', () => {
    expect(names(recipientsFor(ev('ReturnRejected', { unitId: 'rsj', comment: '' }), [directory[6], directory[6]]))).toEqual(['rsj-handler']);
  });
});

describe('messageFor', () => {
  it('ProposalAssigned: 新交办 with the title and the recipient unit’s own reply deadline', () => {
    const e = assigned();
    const rsj = messageFor(e, proposal, { recipient: { unitId: 'rsj' }, unitNames })!;
    expect(rsj.kind).toBe('assigned');
    expect(rsj.title).toBe('新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02');
    expect(rsj.body).toContain('2026-建议-0007');
    expect(rsj.body).toContain('市人社局主办');
    expect(rsj.body).toContain('市教育局（会办）');
    expect(rsj.body).toContain('退转期限 2026-03-17');
    const jyj = messageFor(e, proposal, { recipient: { unitId: 'jyj' }, unitNames })!;
    expect(jyj.title).toBe('新交办：《关于加强职业技能培训的建议》，答复期限 2026-05-03');
    expect(jyj.body).toContain('市教育局会办');
    expect(messageFor(assigned(true), proposal, { recipient: { unitId: 'rsj' } })!.title).toMatch(/^重新交办：/);
  });

  it('PartReassigned (改派, 分别办理): the new unit hears of it as a freshly assigned unit, naming the part it takes over', () => {
    const e = ev('PartReassigned', {
      fromUnitId: 'rsj',
      assignedOn: '2026-03-20',
      unit: { unitId: 'jyj', role: 'separate', returnWindow: deadline('2026-04-07', '2026-04-07T16:00:00.000Z'), replyDue: deadline('2026-06-22', '2026-06-22T16:00:00.000Z') },
    });
    expect(names(recipientsFor(e, directory))).toEqual(['jyj-handler', 'jyj-leader']);
    const m = messageFor(e, proposal, { recipient: { unitId: 'jyj' }, unitNames })!;
    expect(m.kind).toBe('assigned');
    expect(m.title).toBe('改派：《关于加强职业技能培训的建议》，答复期限 2026-06-22');
    expect(m.body).toContain('市教育局分别办理，接办日期 2026-03-20');
    expect(m.body).toContain('原由市人社局办理（已退转）的部分');
    expect(m.body).toContain('退转期限 2026-04-07');
  });

  it('a deadline counted in seconds (test policies) is shown with its time, Shanghai time', () => {
    const e = ev('ProposalAssigned', {
      mode: 'single',
      assignedOn: '2026-03-02',
      reassignment: false,
      units: [{ unitId: 'rsj', role: 'lead', returnWindow: deadline(null, '2026-03-02T02:00:12.000Z'), replyDue: deadline(null, '2026-03-02T02:01:00.000Z') }],
    });
    expect(messageFor(e, proposal)!.title).toBe('新交办：《关于加强职业技能培训的建议》，答复期限 2026-03-02 10:01:00');
  });

  it('ReturnRequested names the unit and the reason', () => {
    const m = messageFor(ev('ReturnRequested', { unitId: 'rsj', reason: '该事项属市教育局职责' }), proposal, { unitNames })!;
    expect(m).toMatchObject({ kind: 'return_requested', title: '退转申请：市人社局申请退转《关于加强职业技能培训的建议》' });
    expect(m.body).toContain('理由：该事项属市教育局职责');
  });

  it('ReturnApproved / ReturnRejected carry the office’s comment', () => {
    const ok = messageFor(ev('ReturnApproved', { unitId: 'rsj', comment: '同意退转', awaitingReassignment: true }), proposal)!;
    expect(ok.kind).toBe('return_approved');
    expect(ok.title).toContain('已同意');
    expect(ok.body).toContain('同意退转');
    const no = messageFor(ev('ReturnRejected', { unitId: 'rsj', comment: '属本单位职责' }), proposal)!;
    expect(no.kind).toBe('return_rejected');
    expect(no.title).toContain('未同意');
    expect(no.body).toContain('属本单位职责');
  });

  it('ReturnWindowClosed: the unit is responsible now', () => {
    const m = messageFor(ev('ReturnWindowClosed', { unitId: 'rsj', closedAt: '2026-03-17T16:00:00.000Z' }), proposal)!;
    expect(m.kind).toBe('return_window_closed');
    expect(m.body).toContain('退转期限已届满，由本单位');
    expect(m.body).toContain('负责办理');
  });

  it('ReplyDeadlinePassed: 超期 and 追究责任 when accountability is flagged, 已说明延期 otherwise', () => {
    const overdue = messageFor(
      ev('ReplyDeadlinePassed', { unitId: 'rsj', dueAt: '2026-06-02T16:00:00.000Z', explained: false, accountabilityFlagged: true }),
      proposal,
    )!;
    expect(overdue.kind).toBe('reply_overdue');
    expect(overdue.title).toContain('超期');
    expect(overdue.body).toContain('追究责任');
    expect(overdue.body).toContain('2026-06-02');
    const delayed = messageFor(
      ev('ReplyDeadlinePassed', { unitId: 'rsj', dueAt: '2026-06-02T16:00:00.000Z', explained: true, accountabilityFlagged: false }),
      proposal,
    )!;
    expect(delayed.kind).toBe('reply_delayed');
    expect(delayed.body).toContain('已说明延期');
    expect(delayed.body).not.toContain('追究');
  });

  it.each([
    ['reply', 'reply_30d', '距答复期限（2026-06-02）还有 30 天'],
    ['reply', 'reply_7d', '距答复期限（2026-06-02）还有 7 天'],
    ['return_window', 'return_window_3d', '距退转期限（2026-06-02）届满还有 3 天'],
    ['overdue', 'overdue_weekly', '已超过答复期限（2026-06-02）'],
    [undefined, 'reply_7d', '还有 7 天'],
    [undefined, 'overdue_weekly', '已超过答复期限'],
    ['reply', 'reply_10s', '答复期限（2026-06-02）即将届满'],
  ])('ReminderIssued %s %s: 催办', (kind, reminder, words) => {
    const m = messageFor(ev('ReminderIssued', { unitId: 'rsj', kind, reminder, key: `${kind}:x`, dueAt: '2026-06-02T16:00:00.000Z' }), proposal)!;
    expect(m.kind).toBe('reminder');
    expect(m.title).toBe('催办：《关于加强职业技能培训的建议》');
    expect(m.body).toContain(words);
    expect(m.body).toContain('2026-建议-0007');
  });

  it('ReplySent: 答复已送达, with the feedback deadline', () => {
    const m = messageFor(ev('ReplySent', { replyId: 'r-1', unitId: 'rsj', cc: [], feedbackDueAt: '2026-07-02T16:00:00.000Z' }), proposal, { unitNames })!;
    expect(m).toMatchObject({ kind: 'reply_sent', title: '答复已送达：《关于加强职业技能培训的建议》' });
    expect(m.body).toContain('市人社局已就您提出的');
    expect(m.body).toContain('征求意见表（请于 2026-07-02 前反馈）');
  });

  it('says nothing of unknown events or reminders, and copes with an unknown title', () => {
    expect(messageFor(ev('ReceiptSigned', { unitId: 'rsj' }), proposal)).toBeUndefined();
    expect(messageFor(ev('ReminderIssued', { unitId: 'rsj', reminder: 'someday', dueAt: '2026-06-02T16:00:00Z' }), proposal)).toBeUndefined();
    expect(messageFor(ev('ReminderIssued', { unitId: 'rsj', kind: 'reply', reminder: 'reply_7d' }), proposal)).toBeUndefined();
    expect(messageFor(ev('ReturnWindowClosed', { unitId: 'rsj', closedAt: '' }), undefined)!.title).toContain('标题未知');
  });
});

describe('deadline texts', () => {
  it('24:00 Shanghai time reads as that day', () => {
    expect(formatDueAt('2026-06-02T16:00:00.000Z')).toBe('2026-06-02');
    expect(formatDueAt('2026-06-02T16:00:05.000Z')).toBe('2026-06-03 00:00:05');
    expect(formatDeadline({ lastDay: '2026-06-02', dueAt: '2026-06-02T16:00:00.000Z' })).toBe('2026-06-02');
    expect(formatDeadline(undefined)).toBe('（未定）');
  });
});
