// Art. 12 总结工作: given events → when command → then events, on the unit-year's own stream.
import { DEFAULT_POLICY, DomainError } from '../../index';
import {
  decideUnitSummary,
  evolveUnitSummary,
  initialUnitSummaryState,
  nextUnitSummaryTimer,
  unitSummaryOfStream,
  unitSummaryStreamId,
  type DecidedUnitSummaryEvent,
  type UnitSummaryCommand,
  type UnitSummaryState,
} from './index';

const NOW = '2026-12-10T02:00:00.000Z';
const fold = (events: DecidedUnitSummaryEvent[]) => events.reduce(evolveUnitSummary, initialUnitSummaryState());
const decide = (c: UnitSummaryCommand, s: UnitSummaryState, now = NOW) => decideUnitSummary(c, s, { now, policy: DEFAULT_POLICY });
const done = (items: number, lastDoneAt = '2026-12-09T08:00:00.000Z'): UnitSummaryCommand => ({ type: 'RecordUnitItemsDone', data: { unitId: 'rsj', year: 2026, items, lastDoneAt } });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('Art. 12 unit summaries', () => {
  const owed = decide(done(2), initialUnitSummaryState());

  it('a unit with two items, both done, owes a summary one month (policy) after the last was done', () => {
    expect(owed).toEqual([
      { type: 'UnitSummaryOwed', occurredAt: NOW, data: { unitId: 'rsj', year: 2026, items: 2, lastDoneAt: '2026-12-09T08:00:00.000Z', dueAt: '2027-01-09T08:00:00.000Z' } },
    ]);
  });

  it('one item owes nothing; the same news twice records nothing more; a later last item moves the deadline', () => {
    expect(decide(done(1), initialUnitSummaryState())).toEqual([]);
    expect(decide(done(2), fold(owed))).toEqual([]);
    const later = decide(done(3, '2026-12-20T08:00:00.000Z'), fold(owed));
    expect(later[0].data).toMatchObject({ items: 3, dueAt: '2027-01-20T08:00:00.000Z' });
  });

  it('timers: a reminder 7 days (policy) before the deadline, then the overdue finding at it; then none', () => {
    let events = [...owed];
    const first = nextUnitSummaryTimer(fold(events), DEFAULT_POLICY)!;
    expect(first).toEqual({ at: '2027-01-02T08:00:00.000Z', command: { type: 'RemindUnitSummary', data: { dueAt: '2027-01-09T08:00:00.000Z', remindAt: '2027-01-02T08:00:00.000Z' } } });
    events = [...events, ...decide(first.command, fold(events), first.at)];
    expect(events.at(-1)).toMatchObject({ type: 'UnitSummaryReminded', occurredAt: '2027-01-02T08:00:00.000Z' });
    const second = nextUnitSummaryTimer(fold(events), DEFAULT_POLICY)!;
    expect(second.command).toEqual({ type: 'RecordUnitSummaryOverdue', data: { dueAt: '2027-01-09T08:00:00.000Z' } });
    events = [...events, ...decide(second.command, fold(events), second.at)];
    expect(events.at(-1)).toEqual({ type: 'UnitSummaryOverdue', occurredAt: '2027-01-09T08:00:00.000Z', data: { unitId: 'rsj', year: 2026, dueAt: '2027-01-09T08:00:00.000Z' } });
    expect(nextUnitSummaryTimer(fold(events), DEFAULT_POLICY)).toBeUndefined();
    // Submitted late: recorded as late, and it clears the obligation.
    const submitted = decide({ type: 'SubmitUnitSummary', data: { text: ' 2026 年度办理工作总结…… ' } }, fold(events), '2027-01-12T02:00:00.000Z');
    expect(submitted[0].data).toEqual({ unitId: 'rsj', year: 2026, text: '2026 年度办理工作总结……', late: true });
    const after = fold([...events, ...submitted]);
    expect(after.status).toBe('submitted');
    expect(nextUnitSummaryTimer(after, DEFAULT_POLICY)).toBeUndefined();
  });

  it('submitting clears the timers; a summary not owed, twice, or empty is refused', () => {
    const s = fold([...owed, ...decide({ type: 'SubmitUnitSummary', data: { text: '总结' } }, fold(owed))]);
    expect(s).toMatchObject({ status: 'submitted', late: false });
    expect(nextUnitSummaryTimer(s, DEFAULT_POLICY)).toBeUndefined();
    expect(code(() => decide({ type: 'SubmitUnitSummary', data: { text: '总结' } }, s))).toBe('UNIT_SUMMARY_SUBMITTED');
    expect(code(() => decide({ type: 'SubmitUnitSummary', data: { text: '总结' } }, initialUnitSummaryState()))).toBe('UNIT_SUMMARY_NOT_OWED');
    expect(code(() => decide({ type: 'SubmitUnitSummary', data: { text: '  ' } }, fold(owed)))).toBe('VALIDATION_FAILED');
    expect(decide(done(4, '2027-02-01T00:00:00.000Z'), s)).toEqual([]);
  });

  it('stream ids name the unit and the year', () => {
    expect(unitSummaryStreamId('rsj', 2026)).toBe('unit-summary-rsj-2026');
    expect(unitSummaryOfStream('unit-summary-rsj-2026')).toEqual({ unitId: 'rsj', year: 2026 });
    expect(unitSummaryOfStream('proposal-1')).toBeUndefined();
  });
});
