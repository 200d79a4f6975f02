/**
 * 征求意见表 (Art. 11, 14): to whom each form went is an event of the item (never the token), and
 * where the lead proposer has no account the office designates the proposer who gets the forms.
 */
import { effectsOf, fold, type DecidedEvent, type ProposalCommand, type Proposer } from '../../index';
import { assigned, at, given, registered, NOW } from '../../../test/given';

const proposers: Proposer[] = [
  { name: '王晓明', delegation: '金水区代表团' },
  { name: '李红', phone: '13800000002' },
  { name: '赵刚', username: 'deputy-zhao', email: 'zhao@example.cn' },
];
const past = (p = proposers) => [registered({ proposers: p }), assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' }, [registered({ proposers: p })])];

/** The item with reply r1 sent (its form open). */
function withSentReply(p = proposers): DecidedEvent[] {
  const start = past(p);
  const steps: ProposalCommand[] = [
    { type: 'SignReceipt', data: { unitId: 'cjj' } },
    { type: 'DraftReply', data: { replyId: 'r1', unitId: 'cjj', category: 'B', body: '已列入明年计划' } },
    { type: 'ReviewReply', data: { replyId: 'r1', stage: 'unit_leader', approve: true } },
    { type: 'ReviewReply', data: { replyId: 'r1', stage: 'office', approve: true } },
    { type: 'SendReply', data: { replyId: 'r1' } },
  ];
  const out = [...start];
  for (const c of steps) out.push(...given(out).when(c, { now: at('2026-11-24') }).then(() => undefined));
  expect(fold(out).replies?.[0]?.status).toBe('sent');
  return out;
}

describe('FeedbackFormIssued: to whom the form went', () => {
  it('records the recipient the activity chose, never a token', () => {
    const events = given(withSentReply())
      .when({ type: 'RecordFeedbackFormIssued', data: { replyId: 'r1', recipient: { channel: 'account', username: 'deputy-zhao', proposerIndex: 2 } } })
      .then([{ type: 'FeedbackFormIssued', occurredAt: NOW, data: { replyId: 'r1', recipient: { channel: 'account', username: 'deputy-zhao', proposerIndex: 2 } } }]);
    const s = fold([...withSentReply(), ...events]);
    expect(s.replies?.[0]?.feedbackRecipient).toEqual({ channel: 'account', username: 'deputy-zhao', proposerIndex: 2, at: NOW });
    expect(JSON.stringify(events)).not.toMatch(/token/i);
  });

  it('an SMS or e-mail recipient is named by their place among the proposers', () => {
    given(withSentReply())
      .when({ type: 'RecordFeedbackFormIssued', data: { replyId: 'r1', recipient: { channel: 'sms', proposerIndex: 1 } } })
      .then([{ type: 'FeedbackFormIssued', occurredAt: NOW, data: { replyId: 'r1', recipient: { channel: 'sms', proposerIndex: 1 } } }]);
    given(withSentReply())
      .when({ type: 'RecordFeedbackFormIssued', data: { replyId: 'r1', recipient: { channel: 'email', proposerIndex: 7 } } })
      .thenFails('VALIDATION_FAILED', { details: { field: 'recipient.proposerIndex' } });
  });

  it('refuses an unknown reply or channel', () => {
    given(withSentReply()).when({ type: 'RecordFeedbackFormIssued', data: { replyId: 'nope', recipient: { channel: 'none' } } }).thenFails('REPLY_NOT_FOUND');
    given(withSentReply())
      .when({ type: 'RecordFeedbackFormIssued', data: { replyId: 'r1', recipient: { channel: 'fax' } as never } })
      .thenFails('VALIDATION_FAILED', { details: { field: 'recipient.channel' } });
  });
});

describe('DesignateFeedbackRecipient (Art. 11, 14)', () => {
  it('the office designates a proposer when the lead has no account; the open forms are issued again to them', () => {
    const history = withSentReply();
    const events = given(history)
      .when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex: 1 } })
      .then([{ type: 'FeedbackRecipientDesignated', occurredAt: NOW, data: { proposerIndex: 1, name: '李红', replyIds: ['r1'] } }]);
    const after = fold([...history, ...events]);
    expect(after.feedbackDesignee).toEqual({ proposerIndex: 1, at: NOW });
    expect(effectsOf(events, after)).toEqual([{ type: 'IssueFeedbackToken', replyId: 'r1', proposerUsername: null, designee: 1, reissue: true }]);
  });

  it('later replies go to the designee', () => {
    const history = [...past(), ...given(past()).when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex: 2 } }).then(() => undefined)];
    const sent: DecidedEvent = { type: 'ReplySent', occurredAt: at('2026-12-01'), data: { replyId: 'r9', unitId: 'cjj', cc: [], feedbackDueAt: at('2027-01-01') } };
    expect(effectsOf([sent], fold(history))).toEqual([{ type: 'IssueFeedbackToken', replyId: 'r9', proposerUsername: 'deputy-zhao', designee: 2 }]);
  });

  it('the designee must be a proposer of the item (never a unit user): by place in the list', () => {
    for (const proposerIndex of [-1, 3, 1.5, '1' as never]) {
      given(past()).when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex } }).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'proposerIndex' } });
    }
  });

  it('a lead with an account keeps the forms: no designation', () => {
    const withAccount = [{ name: '王晓明', username: 'deputy-wang' }, ...proposers.slice(1)];
    given(past(withAccount)).when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex: 1 } }).thenFails('LEAD_PROPOSER_HAS_ACCOUNT', { status: 409 });
  });

  it('the same designee again changes nothing', () => {
    const history = [...past(), ...given(past()).when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex: 1 } }).then(() => undefined)];
    given(history).when({ type: 'DesignateFeedbackRecipient', data: { proposerIndex: 1 } }).then([]);
  });

  it('without a designation the lead is named, as before', () => {
    const e: DecidedEvent = { type: 'ReplySent', occurredAt: NOW, data: { replyId: 'r1', unitId: 'cjj', cc: [], feedbackDueAt: at('2027-01-01') } };
    expect(effectsOf([e], fold(past([{ name: 'a', username: 'u1' }])))).toEqual([{ type: 'IssueFeedbackToken', replyId: 'r1', proposerUsername: 'u1' }]);
  });
});
