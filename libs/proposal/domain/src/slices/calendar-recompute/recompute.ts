/**
 * 节假日安排调整 (SPEC §5, Art. 7, 19): when an administrator amends the holiday calendar (a
 * holiday announced late, a day missed, next year entered), the deadlines still running are
 * counted again with the item's own policy and the amended calendar, exactly as they were first
 * counted: the return window and the reply deadline from 接办之日 (AssignProposal) — a re-handling's
 * from the proposer's send-back (RehandlingStarted) —, a co-unit's
 * opinion deadline back from the lead's (new) reply deadline (shared/deadlines.ts), the proposer's
 * feedback period (Art. 11) from the day the reply was sent (SendReply). One event says what
 * moved and why; the item's timer loop re-plans on every change, so the timers (and the reminders
 * not yet issued, keyed on the deadline's name, not its date) follow by themselves.
 *
 * What is never moved:
 * - a deadline that has already ended (return window closed, reply deadline passed or answered,
 *   co-unit opinion sent or recorded overdue, feedback given or recorded missing): its end is a
 *   fact with its own event (ReturnWindowClosed, ReplyDeadlinePassed, …) and the people concerned
 *   acted on it. Even when the new calendar would extend a window that closed yesterday
 *   to today, the window stays closed: reopening it would undo a recorded closing and let a unit
 *   escape the responsibility Art. 7 gave it at that moment.
 * - a running deadline the new calendar would end in the past: the unit relied on the published
 *   date, and an amendment must not close a window or make anyone overdue retroactively.
 * - test periods in seconds: they ignore the calendar.
 */
import { computeDeadlineReported, parsePeriod, shanghaiDate, shanghaiYear, type Deadline, type Period } from '@jyta/calendar-domain';
import type { DecideContext, ProposalCommand } from '../../commands';
import { coUnitOpinionDue, rehandlingPeriod } from '../../shared/deadlines';
import { invalid } from '../../shared/errors';
import type { DecidedEvent } from '../../events';
import type { DeadlineBefore, DeadlineChange, RecomputedFeedback, RecomputedUnit } from './types';
import { activeUnits, DEFAULT_POLICY, type Policy, type ProposalState, type Reply, type UnitAssignment } from '../../shared/model';

export type RecomputeCommand = Extract<ProposalCommand, { type: 'RecomputeDeadlines' }>;
export type RecomputeEvent = Extract<DecidedEvent, { type: 'DeadlinesRecomputed' }>;

export const REASON_MAX = 200;

/**
 * The calendar years a recomputation at `now` loads. contextNeeds() sees the command, not the
 * state, so the span is fixed around today: no policy period is longer than about a year (the
 * admin API refuses longer ones), so a deadline still running began at most ~13 months ago and a
 * recomputed one ends at most ~13 months from now. decide() refuses, rather than mislabel, a
 * computation that reaches a year outside this span.
 */
export function recomputeCalendarYears(now: string): { fromYear: number; toYear: number } {
  const year = shanghaiYear(now);
  return { fromYear: year - 2, toYear: year + 2 };
}

/** Which deadlines of a unit are still running at `now`, and so may move. */
export function runningDeadlines(u: UnitAssignment, now: string): { returnWindow: boolean; replyDue: boolean; opinionDue: boolean } {
  const t = Date.parse(now);
  return {
    opinionDue:
      u.role === 'co' && u.status !== 'returned' && !!u.opinionDue && !u.opinionOverdue && !u.coUnitOpinions?.length && t < Date.parse(u.opinionDue.dueAt),
    // A window whose end has come is closed even if the timer has not recorded it yet.
    returnWindow: u.status !== 'returned' && !u.returnWindowClosedAt && t < Date.parse(u.returnWindow.dueAt),
    // Still to be answered: a unit that has replied (or is done) no longer runs against it.
    replyDue:
      (u.status === 'assigned' || u.status === 'handling') && !u.replyDeadlinePassed && t < Date.parse(u.replyDue.dueAt),
  };
}

/** A sent reply whose feedback period still runs at `now` (neither answered nor recorded missing). */
export const feedbackRunning = (r: Reply, now: string) =>
  r.status === 'sent' && !!r.sentAt && !!r.feedbackDueAt && !r.feedback && !r.feedbackMissingAt && Date.parse(now) < Date.parse(r.feedbackDueAt);

/**
 * Whether an amendment of `year` may move a deadline of this item (the admin API asks this of
 * every running item before sending RecomputeDeadlines): a running deadline counts from its start
 * (接办之日, or the day the reply was sent) to its last day, so only a year in between (or one it
 * counted as missing) matters.
 */
export function deadlinesTouchYear(state: Pick<ProposalState, 'units' | 'replies'>, year: number, now: string): boolean {
  const spans = (startDay: string, lastDay: string) => Number(startDay.slice(0, 4)) <= year && Number(lastDay.slice(0, 4)) >= year;
  const units = (state.units ?? []).some((u) => {
    if (u.status === 'returned') return false;
    const running = runningDeadlines(u, now);
    const touches = (d: Deadline) => d.lastDay !== null && (spans(u.assignedOn, d.lastDay) || !!d.provisional?.missingYears.includes(year));
    return (
      (running.returnWindow && touches(u.returnWindow)) || (running.replyDue && touches(u.replyDue)) || (running.opinionDue && touches(u.opinionDue!))
    );
  });
  // feedbackDueAt is 24:00 of the last day, i.e. the first instant of the next day.
  return units || (state.replies ?? []).some((r) => feedbackRunning(r, now) && spans(shanghaiDate(r.sentAt!), shanghaiDate(iso(Date.parse(r.feedbackDueAt!) - 1))));
}

export function assertRecomputeAllowed(command: RecomputeCommand): void {
  const reason = command.data?.reason;
  if (typeof reason !== 'string' || !reason.trim()) throw invalid('reason', '请说明重新计算期限的原因');
  if (reason.trim().length > REASON_MAX) throw invalid('reason', `原因不能超过 ${REASON_MAX} 字`);
}

/** RecomputeDeadlines → DeadlinesRecomputed when something moved, else nothing. */
export function decideRecompute(command: RecomputeCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  assertRecomputeAllowed(command);
  const policy = state.policy;
  if (!ctx.calendar) throw new Error('decide(RecomputeDeadlines) needs the calendar');
  const units = activeUnits(state);
  if (units.length === 0 && !(state.replies ?? []).some((r) => feedbackRunning(r, ctx.now))) return [];
  if (!policy) throw new Error('decide(RecomputeDeadlines): a registered item without its policy');
  const now = Date.parse(ctx.now);
  const reason = command.data.reason.trim();
  const loaded = recomputeCalendarYears(ctx.now);
  const periods = periodsOf(policy, !!state.details?.urgent);

  const change = (old: Deadline, to: Deadline): DeadlineChange | undefined => {
    if (sameDeadline(old, to)) return undefined;
    if (Date.parse(to.dueAt) <= now) return undefined; // never ends a running deadline retroactively
    const from: DeadlineBefore = { lastDay: old.lastDay, dueAt: old.dueAt, ...(old.provisional ? { provisional: old.provisional } : {}) };
    return { from, to: { ...to, explanation: { ...to.explanation, text: `${to.explanation.text}${note(reason, from)}` } } };
  };

  const recompute = (u: UnitAssignment, old: Deadline, period: Period) =>
    period.unit === 'second' ? undefined : change(old, count(u.assignedOn, period, `unit ${u.unitId}`));
  const checked = (d: Deadline, what: string): Deadline => {
    const outside = d.provisional?.missingYears.filter((y) => y < loaded.fromYear || y > loaded.toYear) ?? [];
    if (outside.length) {
      // Not "not entered yet" but "not loaded": labelling it provisional would be false.
      throw new Error(`RecomputeDeadlines: ${what} needs calendar years ${outside.join(', ')} outside ${loaded.fromYear}–${loaded.toYear}`);
    }
    return d;
  };
  const count = (start: string, period: Period, what: string) => checked(computeDeadlineReported({ start, period, calendar: ctx.calendar! }), what);

  const changes = new Map<string, Omit<RecomputedUnit, 'unitId'>>();
  for (const u of units) {
    const running = runningDeadlines(u, ctx.now);
    const returnWindow = running.returnWindow ? recompute(u, u.returnWindow, periods.returnWindow) : undefined;
    // A re-handling round's deadline counts from the send-back with its own period (SPEC §5).
    const replyDue = !running.replyDue
      ? undefined
      : u.rehandling
        ? periods.rehandling.unit === 'second'
          ? undefined
          : change(u.replyDue, count(shanghaiDate(u.rehandling.startedAt), periods.rehandling, `unit ${u.unitId}`))
        : recompute(u, u.replyDue, periods.reply);
    changes.set(u.unitId, { ...(returnWindow ? { returnWindow } : {}), ...(replyDue ? { replyDue } : {}) });
  }
  // 会办意见: as at assignment, from the earliest reply deadline (as it now stands) of the lead
  // units assigned with the co-unit; a co-unit whose leads have all returned keeps its deadline.
  const replyDueNow = (u: UnitAssignment) => changes.get(u.unitId)?.replyDue?.to ?? u.replyDue;
  for (const u of units) {
    if (!runningDeadlines(u, ctx.now).opinionDue) continue;
    const leadDue = units
      // A lead re-handling after a send-back no longer runs on the deadline the opinion was counted from.
      .filter((l) => l.role === 'lead' && l.assignedOn === u.assignedOn && !l.rehandling)
      .map(replyDueNow)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
    const leadTime = policy.coUnitOpinionLeadTime ?? DEFAULT_POLICY.coUnitOpinionLeadTime!;
    // Test periods in seconds count in instants, without the calendar.
    if (!leadDue?.lastDay || isSeconds(leadTime)) continue;
    const to = checked(coUnitOpinionDue({ assignedOn: u.assignedOn, at: u.assignedAt ?? ctx.now, leadDue, leadTime, calendar: ctx.calendar }), `co-unit ${u.unitId}`);
    const opinionDue = change(u.opinionDue!, to);
    if (opinionDue) changes.set(u.unitId, { ...changes.get(u.unitId), opinionDue });
  }
  const changed: RecomputedUnit[] = units
    .filter((u) => Object.keys(changes.get(u.unitId) ?? {}).length > 0)
    .map((u) => ({ unitId: u.unitId, ...changes.get(u.unitId) }));
  const feedback: RecomputedFeedback[] = [];
  if (periods.feedback.unit !== 'second') {
    for (const r of state.replies ?? []) {
      if (!feedbackRunning(r, ctx.now)) continue;
      const to = count(shanghaiDate(r.sentAt!), periods.feedback, `reply ${r.replyId}`);
      if (to.dueAt === r.feedbackDueAt || Date.parse(to.dueAt) <= now) continue;
      feedback.push({ replyId: r.replyId, unitId: r.unitId, from: r.feedbackDueAt!, to: to.dueAt, lastDay: to.lastDay });
    }
  }
  if (changed.length === 0 && feedback.length === 0) return [];
  return [{ type: 'DeadlinesRecomputed', occurredAt: ctx.now, data: { reason, units: changed, ...(feedback.length ? { feedback } : {}) } }];
}

export function evolveRecompute(state: ProposalState, event: RecomputeEvent): ProposalState {
  const byUnit = new Map(event.data.units.map((c) => [c.unitId, c]));
  const byReply = new Map((event.data.feedback ?? []).map((f) => [f.replyId, f]));
  return {
    ...state,
    ...(state.replies && byReply.size
      ? { replies: state.replies.map((r) => (byReply.has(r.replyId) ? { ...r, feedbackDueAt: byReply.get(r.replyId)!.to } : r)) }
      : {}),
    units: state.units.map((u) => {
      const c = u.status === 'returned' ? undefined : byUnit.get(u.unitId);
      if (!c) return u;
      return {
        ...u,
        ...(c.returnWindow ? { returnWindow: c.returnWindow.to } : {}),
        ...(c.replyDue ? { replyDue: c.replyDue.to } : {}),
        ...(c.opinionDue ? { opinionDue: c.opinionDue.to } : {}),
      };
    }),
  };
}

/** The item's own periods, as AssignProposal used them (urgent items have the shorter reply period). */
function periodsOf(policy: Policy, urgent: boolean): { returnWindow: Period; reply: Period; feedback: Period; rehandling: Period } {
  return {
    rehandling: rehandlingPeriod(policy),
    returnWindow: parsePeriod(policy.returnWindow),
    reply: parsePeriod(urgent ? policy.urgentReplyPeriod : policy.replyPeriod),
    feedback: parsePeriod(policy.feedbackPeriod ?? DEFAULT_POLICY.feedbackPeriod!),
  };
}

/**
 * Same end, same provisional status and the same days skipped for the same reasons. The text is
 * not compared: a recomputed deadline carries a note of why it was recomputed.
 */
function sameDeadline(a: Deadline, b: Deadline): boolean {
  return (
    a.dueAt === b.dueAt &&
    a.lastDay === b.lastDay &&
    JSON.stringify(a.provisional?.missingYears ?? []) === JSON.stringify(b.provisional?.missingYears ?? []) &&
    JSON.stringify(a.explanation?.adjustments ?? []) === JSON.stringify(b.explanation?.adjustments ?? [])
  );
}

function note(reason: string, from: DeadlineBefore): string {
  const before = from.lastDay ? `${from.lastDay} 24:00` : from.dueAt;
  return `已重新计算，原因：${reason}；原期限至 ${before}${from.provisional ? '（暂算）' : ''}。`;
}

function isSeconds(raw: string): boolean {
  try {
    return parsePeriod(raw).unit === 'second';
  } catch {
    return false;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
