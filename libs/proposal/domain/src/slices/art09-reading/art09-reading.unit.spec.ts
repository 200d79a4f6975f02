import type { ProposalCommand } from '../../index';
import { apply, eventsOf, given, NOW, registerWith } from '../../../test/given';

// given / when / then for 阅示 (Art. 9).
const register = (major: boolean) => registerWith({ proposers: [{ name: '代表甲', username: 'deputy-1' }], major });
const assign: ProposalCommand = { type: 'AssignProposal', data: { mode: 'single', leadUnitIds: ['jtj'], assignedOn: '2026-11-20', leaderInCharge: 'vice-mayor-1' } };

describe('阅示 of satisfied replies (Art. 9)', () => {
  const sign: ProposalCommand = { type: 'SignReceipt', data: { unitId: 'jtj' } };
  const replied = (result: 'satisfied' | 'basically_satisfied' | 'dissatisfied', sendBack = false): ProposalCommand[] => [
    { type: 'DraftReply', data: { replyId: 'r1', unitId: 'jtj', category: 'A', body: '已解决' } },
    { type: 'ReviewReply', data: { replyId: 'r1', stage: 'unit_leader', approve: true } },
    { type: 'ReviewReply', data: { replyId: 'r1', stage: 'office', approve: true } },
    { type: 'SendReply', data: { replyId: 'r1' } },
    { type: 'SubmitFeedback', data: { replyId: 'r1', attitude: 'satisfied', result, contact: 'face_to_face', sendBack } },
  ];
  const read = (comment?: string): ProposalCommand => ({ type: 'ReadSatisfiedReply', data: { replyId: 'r1', by: 'vice-mayor-1', ...(comment ? { comment } : {}) } });

  it('given a satisfied reply (the item is archived), when the vice mayor reads it, then the reading is kept', () => {
    const s = given(register(false), assign, sign, ...replied('satisfied'));
    expect(s.status).toBe('archived');
    const after = apply(s, read('办得好，继续跟踪'));
    expect(after.replies![0].reading).toEqual({ by: 'vice-mayor-1', at: NOW, comment: '办得好，继续跟踪' });
    given(after).when(read()).thenFails('ALREADY_READ');
  });

  it('basically satisfied counts as satisfied; dissatisfied or sent back is not read', () => {
    expect(apply(given(register(false), assign, sign, ...replied('basically_satisfied')), read()).replies![0].reading?.by).toBe('vice-mayor-1');
    given(eventsOf(register(false), assign, sign, ...replied('dissatisfied'))).when(read()).thenFails('NOT_SATISFIED');
    given(eventsOf(register(false), assign, sign, ...replied('satisfied', true))).when(read()).thenFails('NOT_SATISFIED');
  });

  it('an unknown reply is 404', () => {
    const s = given(register(false), assign, sign, ...replied('satisfied'));
    given(s).when({ type: 'ReadSatisfiedReply', data: { replyId: 'nope', by: 'vice-mayor-1' } }).thenFails('REPLY_NOT_FOUND', { status: 404 });
  });
});
