import { supervisionFindings, type SupervisionEvent } from './supervision';

const ev = (number: string, type: string, data: object, occurredAt = '2026-05-01T00:00:00.000Z'): SupervisionEvent => ({
  proposalId: `id-${number}`,
  number,
  type,
  data,
  occurredAt,
});

describe('supervision findings (Art. 8): missed monthly reports and open category B promises per unit', () => {
  it('lists each missed month under its unit', () => {
    const f = supervisionFindings([
      ev('2026-0002', 'ProgressReportMissed', { unitId: 'rsj', month: '2026-06', dueAt: '2026-06-25T16:00:00.000Z' }),
      ev('2026-0001', 'ProgressReportMissed', { unitId: 'rsj', month: '2026-05', dueAt: '2026-05-25T16:00:00.000Z' }),
      ev('2026-0001', 'ProgressReportMissed', { unitId: 'jyj', month: '2026-05', dueAt: '2026-05-22T16:00:00.000Z' }),
    ]);
    expect(f.map((u) => [u.unitId, u.missedReports.map((m) => `${m.number}/${m.month}`)])).toEqual([
      ['jyj', ['2026-0001/2026-05']],
      ['rsj', ['2026-0001/2026-05', '2026-0002/2026-06']],
    ]);
  });

  it('a category B reply sent opens a promise; PromiseFulfilled for that reply closes it; A never opens one', () => {
    const history = [
      ev('2026-0001', 'ReplyDrafted', { replyId: 'r1', unitId: 'rsj', category: 'B' }),
      ev('2026-0001', 'ReplySent', { replyId: 'r1', unitId: 'rsj' }, '2026-05-02T00:00:00.000Z'),
      ev('2026-0002', 'ReplyDrafted', { replyId: 'r2', unitId: 'rsj', category: 'B' }),
      ev('2026-0002', 'ReplySent', { replyId: 'r2', unitId: 'rsj' }),
      ev('2026-0003', 'ReplyDrafted', { replyId: 'r3', unitId: 'jyj', category: 'A' }),
      ev('2026-0003', 'ReplySent', { replyId: 'r3', unitId: 'jyj' }),
      // a provincial opinion with category B sent to the proposer is a promise too
      ev('2026-0004', 'ReplyDrafted', { replyId: 'r4', unitId: 'jyj', category: 'B' }),
      ev('2026-0004', 'OpinionSentToProposer', { replyId: 'r4', unitId: 'jyj' }),
      // drafted B but never sent: no promise
      ev('2026-0005', 'ReplyDrafted', { replyId: 'r5', unitId: 'jyj', category: 'B' }),
      ev('2026-0001', 'PromiseFollowUpRequested', { unitId: 'rsj', replyId: 'r1', round: 1, dueAt: '2026-08-01T16:00:00.000Z' }),
      ev('2026-0001', 'PromiseFollowUpRequested', { unitId: 'rsj', replyId: 'r1', round: 2, dueAt: '2026-11-01T16:00:00.000Z' }),
      ev('2026-0001', 'PromiseProgressReported', { unitId: 'rsj', replyId: 'r1', text: '已完成招标', done: false }),
      ev('2026-0002', 'PromiseFulfilled', { unitId: 'rsj', replyId: 'r2' }),
    ];
    const f = supervisionFindings(history);
    expect(f.map((u) => [u.unitId, u.openPromises])).toEqual([
      ['jyj', [{ number: '2026-0004', replyId: 'r4', sentAt: '2026-05-01T00:00:00.000Z', followUps: 0 }]],
      ['rsj', [{ number: '2026-0001', replyId: 'r1', sentAt: '2026-05-02T00:00:00.000Z', followUps: 2, lastProgress: '已完成招标' }]],
    ]);
    // fulfilled: closed
    const closed = supervisionFindings([...history, ev('2026-0001', 'PromiseFulfilled', { unitId: 'rsj', replyId: 'r1' })]);
    expect(closed.find((u) => u.unitId === 'rsj')?.openPromises ?? []).toEqual([]);
  });

  it('fulfilling another reply does not close a promise; unknown events are ignored', () => {
    const f = supervisionFindings([
      ev('2026-0001', 'ReplyDrafted', { replyId: 'r1', unitId: 'rsj', category: 'B' }),
      ev('2026-0001', 'ReplySent', { replyId: 'r1', unitId: 'rsj' }),
      ev('2026-0001', 'PromiseFulfilled', { unitId: 'rsj', replyId: 'other' }),
      ev('2026-0001', 'SomethingNew', { replyId: 'r1' }),
    ]);
    expect(f.map((u) => [u.unitId, u.openPromises.map((p) => p.replyId)])).toEqual([['rsj', ['r1']]]);
  });
});
