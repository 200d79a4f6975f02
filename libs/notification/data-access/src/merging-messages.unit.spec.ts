import { messageFor, recipientsFor, type NotifiableEvent } from './messages';
import { user } from './testing/directory';

// 并案办理: the merged item's own proposers hear of their item's merge and of each copy of a reply.
const directory = [user('office', 'office'), user('deputy-1', 'proposer'), user('deputy-2', 'proposer'), user('rsj-handler', 'unit_handler', 'rsj')];
const merged = { title: '关于加装电梯的建议', number: '2026-建议-0002', proposerUsernames: ['deputy-2'] };
const ev = (type: string, data: unknown): NotifiableEvent => ({ eventId: 'e-1', type, data });
const copy = ev('MergedReplyReceived', {
  replyId: 'r-1.b',
  mainProposalId: 'a',
  mainNumber: '2026-建议-0001',
  mainReplyId: 'r-1',
  unitId: 'rsj',
  round: 1,
  category: 'B',
  body: '……',
  cc: [],
  sentAt: '2026-06-02T02:00:00.000Z',
  feedbackDueAt: '2026-07-02T16:00:00.000Z',
  answeringUnitIds: ['rsj'],
});

describe('并案办理 notices', () => {
  it('a copy of the reply goes to the merged item\'s proposers as "reply sent", naming the main item and the deadline', () => {
    expect(recipientsFor(copy, directory, merged).map((u) => u.username)).toEqual(['deputy-2']);
    const m = messageFor(copy, merged, { unitNames: new Map([['rsj', '市人社局']]) })!;
    expect(m.kind).toBe('reply_sent');
    expect(m.body).toContain('2026-建议-0001');
    expect(m.body).toContain('市人社局已作出答复');
    expect(m.body).toContain('2026-07-02');
  });

  it('the merge itself is told to the merged item\'s proposers', () => {
    const e = ev('MergedIntoProposal', { mainProposalId: 'a', mainNumber: '2026-建议-0001' });
    expect(recipientsFor(e, directory, merged).map((u) => u.username)).toEqual(['deputy-2']);
    expect(messageFor(e, merged)).toMatchObject({ kind: 'merged', title: '并案办理：《关于加装电梯的建议》' });
  });

  it('ignores malformed data', () => {
    expect(recipientsFor(ev('MergedReplyReceived', { mainNumber: 'x' }), directory, merged)).toEqual([]);
    expect(messageFor(ev('MergedIntoProposal', {}), merged)).toBeUndefined();
  });
});
