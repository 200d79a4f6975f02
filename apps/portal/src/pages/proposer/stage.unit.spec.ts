import type { Detail } from '../../api/client';
import { proposerStage } from './stage';

const item = (over: Record<string, unknown>) => ({ status: 'assigned', replies: [], assignments: [], ...over }) as unknown as Detail;

describe("the proposer's view of where an item stands", () => {
  it('before and after handling: the item status in words', () => {
    expect(proposerStage(item({ status: 'registered' })).text).toBe('待交办');
    expect(proposerStage(item({ status: 'archived' })).text).toBe('已办结');
  });

  it('assigned: waiting for the units to sign, then handling', () => {
    expect(proposerStage(item({ assignments: [{ status: 'assigned', signedAt: null }] })).text).toBe('已交办，待签收');
    expect(proposerStage(item({ assignments: [{ status: 'handling', signedAt: '2026-11-20T00:00:00Z' }, { status: 'assigned', signedAt: null }] })).text).toBe('办理中');
  });

  it('a sent reply without feedback asks for the form, with its token; once answered it is 已答复', () => {
    const waiting = proposerStage(item({ replies: [{ status: 'sent', feedback: null, feedbackToken: 'tok' }] }));
    expect(waiting).toEqual({ text: '已答复，请填写征求意见表', color: 'orange', feedbackToken: 'tok' });
    expect(proposerStage(item({ replies: [{ status: 'sent', feedback: { result: 'satisfied' }, feedbackToken: 'tok' }] })).text).toBe('已答复');
  });
});
