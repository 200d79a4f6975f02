import { messageFor, noticesFor, NOTIFIED_EVENT_TYPES, recipientsFor, type DirectoryUser, type NotifiableEvent, type ProposalRef } from './messages';
import { names, user } from './testing/directory';

// 阅批 (Art. 6) and 阅示 (Art. 9): the vice mayor's readings.
const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('office-2', 'office'),
  user('office-reviewer', 'office_reviewer'),
  user('vice-mayor-1', 'vice_mayor'),
  user('vice-mayor-2', 'vice_mayor'),
  user('deputy-1', 'proposer'),
  user('jtj-handler', 'unit_handler', 'jtj'),
  user('jtj-leader', 'unit_leader', 'jtj'),
  user('cl-handler', 'unit_handler', 'cl'),
];
const unitNames = new Map([
  ['jtj', '市交通局'],
  ['cl', '市残联'],
]);
const unitKinds = new Map([
  ['jtj', 'department'],
  ['cl', 'organization'],
]);
const lookups = { unitNames, unitKinds };
const proposal: ProposalRef = { title: '关于调整轨道交通线网规划的建议', number: '2026-建议-0012', proposerUsernames: ['deputy-1'], leaderInCharge: 'vice-mayor-1' };
let n = 0;
const ev = (type: string, data: unknown): NotifiableEvent => ({ eventId: `e-${++n}`, type, data });

describe('Art. 6 阅批 notices', () => {
  const submitted = ev('MajorItemSubmittedForApproval', { viceMayor: 'vice-mayor-1', note: '涉及全市交通全局' });
  const approved = ev('MajorItemApproved', { viceMayor: 'vice-mayor-1', instructions: '请市交通局牵头，年内拿出方案' });

  it('the item put before vice-mayor-1 reaches vice-mayor-1 only (not vice-mayor-2, nor the office)', () => {
    expect(NOTIFIED_EVENT_TYPES).toEqual(expect.arrayContaining(['MajorItemSubmittedForApproval', 'MajorItemApproved']));
    expect(names(recipientsFor(submitted, directory, proposal))).toEqual(['vice-mayor-1']);
    expect(names(recipientsFor(ev('MajorItemSubmittedForApproval', { viceMayor: 'vice-mayor-2' }), directory, proposal))).toEqual(['vice-mayor-2']);
  });

  it('they read that it awaits their 阅批 before it can be assigned, with the office’s note', () => {
    expect(messageFor(submitted, proposal)).toEqual({
      kind: 'major_approval_requested',
      title: '待阅批：《关于调整轨道交通线网规划的建议》',
      body:
        '市政府办公厅将《关于调整轨道交通线网规划的建议》（2026-建议-0012）作为重大事项提请您阅批（第六条）。说明：涉及全市交通全局。' +
        '该件须经您阅批后方可交办，请登录系统阅批并作出批示。',
    });
    expect(messageFor(ev('MajorItemSubmittedForApproval', { viceMayor: 'vice-mayor-1' }), proposal)!.body).not.toContain('说明');
  });

  it('the approval reaches every office user, with the instructions, saying it may now be assigned', () => {
    expect(names(recipientsFor(approved, directory, proposal))).toEqual(['office', 'office-2']);
    const m = messageFor(approved, proposal)!;
    expect(m).toMatchObject({ kind: 'major_item_approved', title: '已阅批，可交办：《关于调整轨道交通线网规划的建议》' });
    expect(m.body).toContain('分管领导（vice-mayor-1）已阅批重大事项《关于调整轨道交通线网规划的建议》（2026-建议-0012）');
    expect(m.body).toContain('批示：请市交通局牵头，年内拿出方案。该件现可交办。');
    const plain = messageFor(ev('MajorItemApproved', { viceMayor: 'vice-mayor-1' }), proposal)!;
    expect(plain.body).not.toContain('批示');
    expect(plain.body).toContain('该件现可交办');
  });

  it('malformed data tells nobody', () => {
    expect(recipientsFor(ev('MajorItemSubmittedForApproval', { note: 'x' }), directory, proposal)).toEqual([]);
    expect(recipientsFor(ev('MajorItemSubmittedForApproval', { viceMayor: '' }), directory, proposal)).toEqual([]);
    expect(messageFor(ev('MajorItemApproved', {}), proposal)).toBeUndefined();
  });
});

describe('Art. 9 阅示 notices', () => {
  const feedback = (data: Record<string, unknown> = {}) =>
    ev('FeedbackReceived', { replyId: 'r-1', unitId: 'jtj', attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face', sendBack: false, ...data });
  const who = (e: NotifiableEvent, ref: ProposalRef | undefined = proposal) => names(recipientsFor(e, directory, ref, lookups));

  it('a department’s reply answered satisfied or basically satisfied reaches the vice mayor in charge only', () => {
    expect(who(feedback())).toEqual(['vice-mayor-1']);
    expect(who(feedback({ result: 'basically_satisfied' }))).toEqual(['vice-mayor-1']);
    expect(who(feedback(), { ...proposal, leaderInCharge: 'vice-mayor-2' })).toEqual(['vice-mayor-2']);
  });

  it('with no leader in charge named, every vice mayor hears of it', () => {
    expect(who(feedback(), { ...proposal, leaderInCharge: null })).toEqual(['vice-mayor-1', 'vice-mayor-2']);
    expect(who(feedback(), { title: proposal.title })).toEqual(['vice-mayor-1', 'vice-mayor-2']);
  });

  it('nobody hears of a dissatisfied answer, a send-back, a body that is not a government department, or a unit of unknown kind', () => {
    expect(who(feedback({ result: 'dissatisfied' }))).toEqual([]);
    expect(who(feedback({ result: 'satisfied', sendBack: true }))).toEqual([]);
    expect(who(feedback({ unitId: 'cl' }))).toEqual([]);
    expect(who(feedback({ unitId: 'nowhere' }))).toEqual([]);
    expect(names(recipientsFor(feedback(), directory, proposal))).toEqual([]); // kinds not known
    expect(who(feedback({ result: undefined }))).toEqual([]);
  });

  it('a provincial opinion’s feedback is not for 阅示: the office compiles the government document (provincial-messages.ts)', () => {
    const accepted = feedback({ awaitingDocument: true });
    expect(who(accepted)).toEqual(['office', 'office-2']);
    expect(messageFor(accepted, proposal, lookups)!.kind).toBe('document_to_compile');
    expect(who(feedback({ awaitingDocument: false }))).toEqual(['vice-mayor-1']);
    expect(who(feedback({ awaitingDocument: false, result: 'dissatisfied', sendBack: true }))).toEqual([]);
  });

  it('they read that the reply awaits their 阅示, naming the unit and the answer', () => {
    const [notice, ...rest] = noticesFor(feedback({ result: 'basically_satisfied' }), directory, proposal, lookups);
    expect(rest).toEqual([]);
    expect(notice.user.username).toBe('vice-mayor-1');
    expect(notice.msg).toEqual({
      kind: 'reading_requested',
      title: '待阅示：《关于调整轨道交通线网规划的建议》',
      body:
        '代表委员对市交通局就《关于调整轨道交通线网规划的建议》（2026-建议-0012）所作的答复表示基本满意。' +
        '按规定，政府组成部门办结且代表委员满意的建议提案报分管副市长阅示（第九条），请登录系统阅示。',
    });
    expect(messageFor(feedback({ result: 'dissatisfied' }), proposal, lookups)).toBeUndefined();
    expect(messageFor(feedback({ unitId: 'cl' }), proposal, lookups)).toBeUndefined();
  });
});
