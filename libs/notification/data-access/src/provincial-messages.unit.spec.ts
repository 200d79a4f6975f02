import { messageFor, NOTIFIED_EVENT_TYPES, recipientsFor, type DirectoryUser, type NotifiableEvent } from './messages';
import { names, user } from './testing/directory';

// Notices of the provincial/national reply path (Art. 9, 10, 11).
const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('office-reviewer', 'office_reviewer'),
  user('vice-mayor-1', 'vice_mayor'),
  user('vice-mayor-2', 'vice_mayor'),
  user('deputy-1', 'proposer'),
  user('sthjj-handler', 'unit_handler', 'sthjj'),
  user('sthjj-leader', 'unit_leader', 'sthjj'),
];
const proposal = { title: '关于加快黄河流域生态保护的建议', number: '2026-建议-0031', proposerUsernames: ['deputy-1'] };
const unitNames = new Map([['sthjj', '市生态环境局']]);
let n = 0;
const ev = (type: string, data: Record<string, unknown>): NotifiableEvent => ({ eventId: `e-${++n}`, type, data: { replyId: 'r1', unitId: 'sthjj', ...data } });
const who = (type: string, data: Record<string, unknown> = {}) => names(recipientsFor(ev(type, data), directory, proposal));

describe('who hears of each step', () => {
  it('the opinion and the final document go to the proposer', () => {
    expect(who('OpinionSentToProposer', { feedbackDueAt: '2026-12-23T16:00:00.000Z' })).toEqual(['deputy-1']);
    expect(who('GovernmentDocumentSent', { documentNumber: '郑政文〔2026〕12号', cc: [] })).toEqual(['deputy-1']);
  });

  it('an accepted opinion, or one left without feedback, goes to the office; a municipal feedback to nobody', () => {
    expect(who('FeedbackReceived', { attitude: 'satisfied', result: 'satisfied', sendBack: false, awaitingDocument: true })).toEqual(['office']);
    expect(who('FeedbackMissing', { awaitingDocument: true })).toEqual(['office']);
    expect(who('FeedbackReceived', { attitude: 'satisfied', result: 'dissatisfied', sendBack: true, awaitingDocument: false })).toEqual([]);
    expect(who('FeedbackReceived', { attitude: 'satisfied', result: 'satisfied', sendBack: false })).toEqual([]);
    expect(who('FeedbackMissing', {})).toEqual([]);
  });

  it('a compiled document goes to the office division; reviewed, to the vice mayor in charge (or every vice mayor); sent back or signed, to the office', () => {
    expect(who('GovernmentDocumentCompiled', { round: 1 })).toEqual(['office-reviewer']);
    expect(who('GovernmentDocumentReviewed', { round: 1, stage: 'office_reviewer', approve: true, leaderInCharge: 'vice-mayor-1' })).toEqual(['vice-mayor-1']);
    expect(who('GovernmentDocumentReviewed', { round: 1, stage: 'office_reviewer', approve: true })).toEqual(['vice-mayor-1', 'vice-mayor-2']);
    expect(who('GovernmentDocumentReviewed', { round: 1, stage: 'vice_mayor_signature', approve: false, comment: '请补充' })).toEqual(['office']);
    expect(who('GovernmentDocumentSigned', { round: 1, comment: '' })).toEqual(['office']);
  });

  it('the projection handles these event types', () => {
    for (const t of ['OpinionSentToProposer', 'GovernmentDocumentCompiled', 'GovernmentDocumentSent']) expect(NOTIFIED_EVENT_TYPES).toContain(t);
  });
});

describe('what they read', () => {
  it('the opinion is a reply_sent notice (the inbox attaches the form’s token) with the feedback deadline', () => {
    const m = messageFor(ev('OpinionSentToProposer', { feedbackDueAt: '2026-12-23T16:00:00.000Z' }), proposal, { unitNames })!;
    expect(m).toMatchObject({ kind: 'reply_sent', title: '办理和答复意见已送达：《关于加快黄河流域生态保护的建议》' });
    expect(m.body).toContain('市生态环境局已就您提出的');
    expect(m.body).toContain('请于 2026-12-23 前反馈');
  });

  it.each([
    ['FeedbackReceived', { awaitingDocument: true }, 'document_to_compile', '待整理正式文件'],
    ['FeedbackMissing', { awaitingDocument: true }, 'document_to_compile', '逾期未反馈'],
    ['GovernmentDocumentCompiled', { round: 2 }, 'document_to_review', '正式文件待审查'],
    ['GovernmentDocumentReviewed', { round: 1, stage: 'office_reviewer', approve: true }, 'document_to_sign', '正式文件待签发'],
    ['GovernmentDocumentReviewed', { round: 1, stage: 'office_reviewer', approve: false, comment: '文字需规范' }, 'document_returned', '正式文件被退回'],
    ['GovernmentDocumentSigned', { round: 1, comment: '' }, 'document_signed', '已签发'],
    ['GovernmentDocumentSent', { documentNumber: '郑政文〔2026〕12号' }, 'document_sent', '市政府正式文件答复'],
  ])('%s → %s', (type, data, kind, words) => {
    const m = messageFor(ev(type, data), proposal, { unitNames })!;
    expect(m.kind).toBe(kind);
    expect(m.title).toContain(words);
    expect(m.title).toContain('《关于加快黄河流域生态保护的建议》');
  });

  it('the send-back carries the comment; the sent document its number', () => {
    expect(messageFor(ev('GovernmentDocumentReviewed', { round: 1, stage: 'vice_mayor_signature', approve: false, comment: '请补充时间表' }), proposal)!.body).toContain(
      '被分管副市长退回，请重新整理。意见：请补充时间表',
    );
    expect(messageFor(ev('GovernmentDocumentSent', { documentNumber: '郑政文〔2026〕12号' }), proposal)!.body).toContain('（郑政文〔2026〕12号）');
  });

  it('says nothing of malformed data', () => {
    expect(messageFor({ eventId: 'x', type: 'GovernmentDocumentCompiled', data: { round: 1 } }, proposal)).toBeUndefined();
    expect(recipientsFor({ eventId: 'x', type: 'GovernmentDocumentCompiled', data: null }, directory, proposal)).toEqual([]);
  });
});
