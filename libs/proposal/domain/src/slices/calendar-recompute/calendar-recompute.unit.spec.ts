import type { CalendarOverride, HolidayCalendar } from '@jyta/calendar-domain';
import {
  contextNeeds,
  decide,
  DEFAULT_POLICY,
  deadlinesTouchYear,
  evolve,
  initialState,
  nextDeadline,
  nextReminder,
  USER_COMMANDS,
  type DecidedEvent,
  type Policy,
  type ProposalCommand,
  type ProposalState,
} from '../../index';
import { given, NOW, refusal, registerWith } from '../../../test/given';

// 节假日安排调整 (SPEC §5, Art. 7, 19): running deadlines follow an amended holiday calendar.
// NOW is Monday 2026-11-23, 10:00 in Shanghai.

const cal = (overrides: CalendarOverride[] = [], coveredYears = [2026, 2027]): HolidayCalendar => ({ coveredYears, overrides });
const holiday = (date: string, name = '临时公布的假日'): CalendarOverride => ({ date, kind: 'holiday', name });
const REASON = '节假日安排调整：2026 年（管理员 admin）';

/** Decides with this calendar and policy at `now`, and folds the events in. */
function step(s: ProposalState, c: ProposalCommand, calendar: HolidayCalendar, now = NOW, policy: Policy = DEFAULT_POLICY) {
  const events = decide(c, s, { now, policy, calendar });
  return { events, state: events.reduce(evolve, s) };
}
const register = (urgent = false) => registerWith({ title: '关于延长地铁运营时间的建议', proposers: [{ name: '代表甲' }], urgent });
const assign = (assignedOn: string, coUnitIds: string[] = []): ProposalCommand => ({
  type: 'AssignProposal',
  data: { mode: coUnitIds.length ? 'lead' : 'single', leadUnitIds: ['jtj'], coUnitIds, assignedOn },
});
const recompute: ProposalCommand = { type: 'RecomputeDeadlines', data: { reason: REASON } };

/** Registered under `policy`, assigned on `assignedOn` with `calendar`, at `at`. */
function item(assignedOn: string, calendar: HolidayCalendar, opts: { policy?: Policy; urgent?: boolean; at?: string; co?: string[] } = {}) {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const at = opts.at ?? NOW;
  const registered = step(initialState(), register(opts.urgent), calendar, at, policy).state;
  return step(registered, assign(assignedOn, opts.co), calendar, at, policy).state;
}
const unit = (s: ProposalState, id = 'jtj') => s.units.find((u) => u.unitId === id)!;
const recomputed = (events: DecidedEvent[]) => {
  expect(events).toHaveLength(1);
  const [e] = events;
  if (e.type !== 'DeadlinesRecomputed') throw new Error(`expected DeadlinesRecomputed, got ${e.type}`);
  return e;
};

describe('a holiday announced late (Art. 7, 19, SPEC §5)', () => {
  // Assigned Friday 2026-11-20: the return window (15 days) ends Saturday 5 Dec → Monday 7 Dec;
  // the reply deadline (3 months) ends Saturday 20 Feb 2027 → Monday 22 Feb.
  const before = item('2026-11-20', cal());

  it('moves the running return window and reply deadline to the next working day, in one event saying why', () => {
    expect(unit(before).returnWindow.lastDay).toBe('2026-12-07');
    expect(unit(before).replyDue.lastDay).toBe('2027-02-22');
    const { events, state } = step(before, recompute, cal([holiday('2026-12-07'), holiday('2027-02-22', '春节')]));
    const e = recomputed(events);
    expect(e.occurredAt).toBe(NOW);
    expect(e.data.reason).toBe(REASON);
    expect(e.data.units).toHaveLength(1);
    const [u] = e.data.units;
    expect(u.unitId).toBe('jtj');
    expect(u.returnWindow).toMatchObject({
      from: { lastDay: '2026-12-07', dueAt: '2026-12-07T16:00:00.000Z' },
      to: { lastDay: '2026-12-08', dueAt: '2026-12-08T16:00:00.000Z' },
    });
    expect(u.replyDue).toMatchObject({ from: { lastDay: '2027-02-22' }, to: { lastDay: '2027-02-23', dueAt: '2027-02-23T16:00:00.000Z' } });
    // The explanation shows the day skipped and why the deadline was counted again.
    expect(u.returnWindow!.to.explanation.text).toContain('2026-12-07（临时公布的假日）');
    expect(u.replyDue!.to.explanation.text).toContain('春节');
    expect(u.replyDue!.to.explanation.text).toContain(`已重新计算，原因：${REASON}；原期限至 2027-02-22 24:00。`);
    expect(unit(state).returnWindow.lastDay).toBe('2026-12-08');
    expect(unit(state).replyDue.lastDay).toBe('2027-02-23');
  });

  it('the timers follow: the window closes, the deadline passes and the reminders come at the new times', () => {
    const { state } = step(before, recompute, cal([holiday('2026-12-07'), holiday('2027-02-22')]));
    expect(nextDeadline(state, { replyDeadlines: true, reminders: false })).toEqual({
      at: '2026-12-08T16:00:00.000Z',
      command: { type: 'CloseReturnWindow', data: { unitId: 'jtj' } },
    });
    // Return window reminder (3 days before) and the reply reminders (30, 7 days before) move with them.
    expect(nextReminder(unit(before), before.policy)).toMatchObject({ key: 'return_window:P3D', remindAt: '2026-12-04T16:00:00.000Z' });
    expect(nextReminder(unit(state), state.policy)).toMatchObject({ key: 'return_window:P3D', remindAt: '2026-12-05T16:00:00.000Z' });
    const closed = step(state, { type: 'CloseReturnWindow', data: { unitId: 'jtj' } }, cal(), '2026-12-08T16:00:00.000Z').state;
    expect(nextReminder(unit(closed), closed.policy)).toMatchObject({ key: 'reply:P30D', remindAt: '2027-01-24T16:00:00.000Z', dueAt: '2027-02-23T16:00:00.000Z' });
    const afterWindow = { replyDeadlines: true, reminders: false };
    expect(nextDeadline(closed, afterWindow)).toEqual({ at: '2027-02-23T16:00:00.000Z', command: { type: 'PassReplyDeadline', data: { unitId: 'jtj' } } });
  });

  it('a reminder already issued for the old deadline is not issued again; the next one comes at the new time', () => {
    const reminded = step(
      before,
      { type: 'IssueReminder', data: { unitId: 'jtj', key: 'return_window:P3D', reminder: 'return_window', label: 'return_window_3d', remindAt: '2026-12-04T16:00:00.000Z', dueAt: '2026-12-07T16:00:00.000Z' } },
      cal(),
      '2026-12-04T16:00:00.000Z',
    ).state;
    const { state } = step(reminded, recompute, cal([holiday('2026-12-07'), holiday('2027-02-22')]), '2026-12-05T02:00:00.000Z');
    expect(unit(state).returnWindow.lastDay).toBe('2026-12-08');
    expect(nextReminder(unit(state), state.policy)).toMatchObject({ key: 'reply:P30D', remindAt: '2027-01-24T16:00:00.000Z' });
  });

  it('nothing changes, nothing is recorded (re-entering the same calendar is harmless)', () => {
    expect(decide(recompute, before, { now: NOW, calendar: cal([holiday('2026-12-25')]) })).toEqual([]);
    const { state } = step(before, recompute, cal([holiday('2026-12-07')]));
    // The same amendment again: the stored explanation carries a note, yet nothing moved.
    expect(decide(recompute, state, { now: NOW, calendar: cal([holiday('2026-12-07')]) })).toEqual([]);
  });

  it('a holiday taken back moves a deadline earlier, if it is still ahead', () => {
    const s = item('2026-11-20', cal([holiday('2026-12-07')]));
    expect(unit(s).returnWindow.lastDay).toBe('2026-12-08');
    const e = recomputed(step(s, recompute, cal()).events);
    expect(e.data.units[0].returnWindow!.to.lastDay).toBe('2026-12-07');
  });

  it('an urgent item is counted again with its own shorter period', () => {
    const s = item('2026-11-20', cal(), { urgent: true });
    expect(unit(s).replyDue.lastDay).toBe('2026-12-21'); // 1 month: Sunday 20 Dec → Monday 21 Dec
    const e = recomputed(step(s, recompute, cal([holiday('2026-12-21')])).events);
    expect(e.data.units[0].replyDue!.to.lastDay).toBe('2026-12-22');
  });

  it("working-day periods count the new holiday as a day off (the item's own policy, not today's)", () => {
    const policy: Policy = { ...DEFAULT_POLICY, version: 7, returnWindow: 'P10WD' };
    const s = item('2026-11-20', cal(), { policy });
    expect(unit(s).returnWindow.lastDay).toBe('2026-12-04'); // 10 working days from Mon 23 Nov
    // The calendar is passed without the policy: the item's copy is used.
    const events = decide(recompute, s, { now: NOW, calendar: cal([holiday('2026-11-30')]) });
    expect(recomputed(events).data.units[0].returnWindow!.to.lastDay).toBe('2026-12-07');
  });

  it('every active unit: a co-unit (会办) moves too, a unit that returned the item does not', () => {
    const s = item('2026-11-20', cal(), { co: ['cjj'] });
    const e = recomputed(step(s, recompute, cal([holiday('2026-12-07')])).events);
    expect(e.data.units.map((u) => u.unitId)).toEqual(['jtj', 'cjj']);
    const returned = step(
      step(s, { type: 'RequestReturn', data: { unitId: 'cjj', reason: '不属本单位职责' } }, cal()).state,
      { type: 'DecideReturn', data: { unitId: 'cjj', approve: true } },
      cal(),
    ).state;
    const e2 = recomputed(step(returned, recompute, cal([holiday('2026-12-07')])).events);
    expect(e2.data.units.map((u) => u.unitId)).toEqual(['jtj']);
    expect(unit(step(returned, recompute, cal([holiday('2026-12-07')])).state, 'cjj').returnWindow.lastDay).toBe('2026-12-07');
  });
});

describe('deadlines that hang on others (SPEC §4.2, Art. 11)', () => {
  it("a co-unit's opinion deadline follows the lead's reply deadline and the new holidays; once sent it stays", () => {
    const s = item('2026-11-20', cal(), { co: ['cjj'] });
    // 30 days before the lead's last day (22 Feb): Saturday 23 Jan → Monday 25 Jan.
    expect(unit(s, 'cjj').opinionDue?.lastDay).toBe('2027-01-25');
    const e = recomputed(step(s, recompute, cal([holiday('2027-01-25')])).events);
    expect(e.data.units.find((u) => u.unitId === 'cjj')?.opinionDue).toMatchObject({ from: { lastDay: '2027-01-25' }, to: { lastDay: '2027-01-26' } });
    // The lead's deadline moves a week (a long holiday): the opinion deadline moves with it.
    const week = ['2027-02-22', '2027-02-23', '2027-02-24', '2027-02-25', '2027-02-26'].map((d) => holiday(d, '春节'));
    const moved = step(s, recompute, cal(week)).state;
    expect(unit(moved).replyDue.lastDay).toBe('2027-03-01');
    expect(unit(moved, 'cjj').opinionDue?.lastDay).toBe('2027-02-01'); // 30 days before 1 Mar: Saturday 30 Jan → Monday
    const signed = step(s, { type: 'SignReceipt', data: { unitId: 'cjj' } }, cal()).state;
    const sent = step(signed, { type: 'SubmitCoUnitOpinion', data: { unitId: 'cjj', opinion: '同意主办单位意见' } }, cal()).state;
    const e2 = recomputed(step(sent, recompute, cal([holiday('2027-01-25'), holiday('2027-02-22')])).events);
    expect(e2.data.units.find((u) => u.unitId === 'cjj')?.opinionDue).toBeUndefined();
  });

  it("the proposer's feedback period (from the day the reply was sent) moves too, while it runs", () => {
    const replied = [
      { type: 'SignReceipt', data: { unitId: 'jtj' } },
      { type: 'DraftReply', data: { replyId: 'r1', unitId: 'jtj', category: 'A', body: '已解决' } },
      { type: 'ReviewReply', data: { replyId: 'r1', stage: 'unit_leader', approve: true } },
      { type: 'ReviewReply', data: { replyId: 'r1', stage: 'office', approve: true } },
      { type: 'SendReply', data: { replyId: 'r1' } },
    ] as ProposalCommand[];
    const s = replied.reduce((st, c) => step(st, c, cal()).state, fresh());
    // Sent Monday 23 Nov: 30 days → Wednesday 23 Dec.
    expect(s.replies![0].feedbackDueAt).toBe('2026-12-23T16:00:00.000Z');
    const { events, state } = step(s, recompute, cal([holiday('2026-12-23')]));
    expect(recomputed(events).data.feedback).toEqual([
      { replyId: 'r1', unitId: 'jtj', from: '2026-12-23T16:00:00.000Z', to: '2026-12-24T16:00:00.000Z', lastDay: '2026-12-24' },
    ]);
    expect(state.replies![0].feedbackDueAt).toBe('2026-12-24T16:00:00.000Z');
    expect(nextDeadline(state, { replyDeadlines: true, reminders: false })).toEqual({
      at: '2026-12-07T16:00:00.000Z', // the return window still runs; then the feedback period
      command: { type: 'CloseReturnWindow', data: { unitId: 'jtj' } },
    });
    expect(deadlinesTouchYear(s, 2026, '2026-12-10T00:00:00.000Z')).toBe(true);
    expect(deadlinesTouchYear(s, 2027, '2026-12-10T00:00:00.000Z')).toBe(false);
  });
});

describe('what an amendment never moves', () => {
  // Assigned Thursday 2026-11-05: the return window ended Friday 20 Nov (24:00), before NOW.
  const s = item('2026-11-05', cal(), { at: '2026-11-05T02:00:00.000Z' });
  const closed = step(s, { type: 'CloseReturnWindow', data: { unitId: 'jtj' } }, cal(), '2026-11-20T16:00:00.000Z').state;

  it('a return window that has closed stays closed, even if the new calendar would extend it to today', () => {
    expect(unit(closed).returnWindowClosedAt).toBe('2026-11-20T16:00:00.000Z');
    // 20 Nov declared a holiday: counted again, the window would end Monday 23 Nov (today) and reopen.
    const { events, state } = step(closed, recompute, cal([holiday('2026-11-20'), holiday('2027-02-05')]));
    const e = recomputed(events);
    expect(e.data.units[0].returnWindow).toBeUndefined();
    expect(e.data.units[0].replyDue!.to.lastDay).toBe('2027-02-08'); // the reply deadline still runs: it moves
    expect(unit(state).returnWindow).toEqual(unit(closed).returnWindow);
    expect(unit(state).returnWindowClosedAt).toBe('2026-11-20T16:00:00.000Z');
    expect(refusal(() => decide({ type: 'RequestReturn', data: { unitId: 'jtj', reason: '不属本单位职责' } }, state, { now: NOW })).code).toBe(
      'RETURN_WINDOW_CLOSED',
    );
  });

  it('nor one whose end has come while its timer has not yet recorded it', () => {
    expect(unit(s).returnWindowClosedAt).toBeUndefined();
    expect(decide(recompute, s, { now: NOW, calendar: cal([holiday('2026-11-20')]) })).toEqual([]);
  });

  it('a passed or answered reply deadline stays as it was', () => {
    const policy: Policy = { ...DEFAULT_POLICY, replyPeriod: 'P10D' };
    const late = item('2026-11-05', cal(), { policy, at: '2026-11-05T02:00:00.000Z' }); // reply deadline: Monday 16 Nov
    const passed = step(late, { type: 'PassReplyDeadline', data: { unitId: 'jtj' } }, cal(), '2026-11-16T16:00:00.000Z').state;
    expect(unit(passed).replyDeadlinePassed).toBeDefined();
    expect(decide(recompute, passed, { now: NOW, calendar: cal([holiday('2026-11-16')]) })).toEqual([]);
    // A unit that has replied no longer runs against its reply deadline.
    const replied: ProposalState = { ...fresh(), units: fresh().units.map((u) => ({ ...u, status: 'replied' as const, returnWindowClosedAt: '2026-12-07T16:00:00.000Z' })) };
    expect(decide(recompute, replied, { now: NOW, calendar: cal([holiday('2027-02-22')]) })).toEqual([]);
  });

  it('a running deadline the new calendar would end in the past is kept: nobody becomes late retroactively', () => {
    // 20 Nov was a holiday: the window rolled to Monday 23 Nov (24:00), still running at NOW.
    const rolled = item('2026-11-05', cal([holiday('2026-11-20')]), { at: '2026-11-05T02:00:00.000Z' });
    expect(unit(rolled).returnWindow.lastDay).toBe('2026-11-23');
    // The holiday is taken back: counted again the window would have ended on Friday.
    expect(decide(recompute, rolled, { now: NOW, calendar: cal() })).toEqual([]);
  });

  it('test periods in seconds ignore the calendar', () => {
    const policy: Policy = { ...DEFAULT_POLICY, returnWindow: 'PT60S', replyPeriod: 'PT120S' };
    const quick = item('2026-11-23', cal(), { policy });
    expect(decide(recompute, quick, { now: NOW, calendar: cal([holiday('2026-11-23'), holiday('2026-11-24')]) })).toEqual([]);
  });

  it('an archived item is read-only; a registered item without units has nothing to move', () => {
    const archived: ProposalState = { ...fresh(), status: 'archived' };
    given(archived).when(recompute, { calendar: cal() }).thenFails('ARCHIVED', { status: 409 });
    const registered = step(initialState(), register(), cal()).state;
    expect(decide(recompute, registered, { now: NOW, calendar: cal() })).toEqual([]);
  });

  it('the reason is required', () => {
    const bad = { type: 'RecomputeDeadlines', data: { reason: ' ' } } as ProposalCommand;
    given(fresh()).when(bad, { calendar: cal() }).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'reason' } });
  });
});

describe('a year not entered yet (provisional deadlines)', () => {
  it('once the year is entered, a provisional deadline becomes exact (and moves if a holiday says so)', () => {
    const s = item('2026-11-20', cal([], [2026]));
    expect(unit(s).replyDue).toMatchObject({ lastDay: '2027-02-22', provisional: { missingYears: [2027] } });
    // Entered with no holiday on that day: the same day, no longer provisional.
    const same = recomputed(step(s, recompute, cal()).events).data.units[0];
    expect(same.replyDue!.from).toEqual({ lastDay: '2027-02-22', dueAt: '2027-02-22T16:00:00.000Z', provisional: { missingYears: [2027] } });
    expect(same.replyDue!.to.provisional).toBeUndefined();
    expect(same.replyDue!.to.explanation.text).not.toContain('尚未录入，暂按');
    expect(same.replyDue!.to.explanation.text).toContain('原期限至 2027-02-22 24:00（暂算）');
    // Entered with 22 Feb in the Spring Festival: moved.
    const moved = recomputed(step(s, recompute, cal([holiday('2027-02-22', '春节')])).events).data.units[0];
    expect(moved.replyDue!.to.lastDay).toBe('2027-02-23');
  });
});

describe('plumbing', () => {
  it('is a command the API may send (a Workflow Update), and it needs the calendar around today', () => {
    expect(USER_COMMANDS).toContain('RecomputeDeadlines');
    expect(contextNeeds(recompute, NOW)).toEqual({ calendar: { fromYear: 2024, toYear: 2028 } });
  });

  it('refuses to guess about a year it did not load', () => {
    // Longer than the admin API allows, to reach back beyond the span loaded (2027–2031).
    const policy: Policy = { ...DEFAULT_POLICY, replyPeriod: 'P600WD' };
    const long = item('2026-11-20', cal([], [2026, 2027, 2028, 2029]), { policy });
    expect(unit(long).replyDue.lastDay! > '2029-01-02').toBe(true);
    expect(() => decide(recompute, long, { now: '2029-01-02T02:00:00.000Z', calendar: cal([], [2027, 2028, 2029, 2030, 2031]) })).toThrow(
      /needs calendar years 2026 outside 2027–2031/,
    );
  });

  it('tells the admin API which items an amended year may touch', () => {
    const u = fresh().units;
    expect(deadlinesTouchYear({ units: u }, 2026, NOW)).toBe(true); // the return window ends in 2026
    expect(deadlinesTouchYear({ units: u }, 2027, NOW)).toBe(true); // the reply deadline in 2027
    expect(deadlinesTouchYear({ units: u }, 2028, NOW)).toBe(false);
    expect(deadlinesTouchYear({ units: u }, 2025, NOW)).toBe(false);
    // Once both have ended, no amendment touches the item.
    expect(deadlinesTouchYear({ units: u }, 2026, '2027-03-01T00:00:00.000Z')).toBe(false);
  });
});

function fresh() {
  return item('2026-11-20', cal());
}
