/**
 * 答复期限 (Art. 19): a unit replies within three months of receiving the item (one for urgent
 * items). One that cannot files a written explanation before the deadline (延期说明); when the
 * deadline passes without a reply, the unit is "delayed with explanation" or overdue, and then its
 * leader in charge and its handler answer for it (accountability flagged). 催办 (Art. 17, SPEC §5):
 * reminders before the return window closes, before the reply deadline, and while overdue.
 *
 * 重新办理 (SPEC §5): a reply sent inside its deadline settles that deadline for good. When the
 * proposer sends the item back (the feedback form with a send-back, a provincial item's opinion
 * not accepted, a merged item's copy sent back — the events of art11-feedback and merging), this
 * slice adds RehandlingStarted: the re-handling runs against its own deadline, counted from the
 * send-back (policy `rehandlingPeriod`, 1 month), with its own reminders, explanation and overdue
 * check; the time the proposer took never makes the unit overdue. Earlier rounds stay in the
 * state (pastRounds), each with its own deadline.
 */
import { parsePeriod, shanghaiDate, shanghaiYear, type Period } from '@jyta/calendar-domain';
import type { DecidedEvent } from '../../events';
import type { ProposalCommandType, Slice, Timer } from '../../slice';
import { currentRound, type ProposalState, type UnitAssignment } from '../../state';
import { rehandlingDue } from '../../shared/deadlines';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { activeUnits, answersForItself, awaitingReply, findActiveUnit, findReply, isDay, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import { DEFAULT_POLICY, type Policy, type ReminderKind } from '../../shared/values';

type ReminderPlan = { key: string; reminder: ReminderKind; label: string; remindAt: string; dueAt: string };

/**
 * The unit's next reminder not yet issued (SPEC §5): before the return window closes, before the
 * reply deadline, then every so often while the deadline has passed unanswered. A reminder whose
 * time fell before the unit was assigned (a backdated item), or whose deadline has already ended,
 * is skipped rather than sent late.
 */
export function nextReminder(u: UnitAssignment, policy: Policy | undefined): ReminderPlan | undefined {
  const issued = new Set(u.remindersIssued ?? []);
  const assigned = Date.parse(u.assignedAt ?? '1970-01-01T00:00:00Z');
  // A re-handling round (SPEC §5) has its own reminders: keyed by round, none before it opened.
  const round = u.rehandling ? `r${u.rehandling.round}:` : '';
  const roundFrom = u.rehandling ? Date.parse(u.rehandling.startedAt) : assigned;
  const plans: ReminderPlan[] = [];
  const before = (kind: ReminderKind, dueAt: string, periods: string[], from: number, prefix: string) => {
    for (const raw of periods) {
      const p = safePeriod(raw);
      if (!p) continue;
      const at = Date.parse(dueAt) - periodMillis(p);
      const key = `${prefix}${kind}:${raw}`;
      if (at > from && !issued.has(key)) plans.push({ key, reminder: kind, label: `${kind}_${shortLabel(p)}`, remindAt: iso(at), dueAt });
    }
  };
  if (!u.returnWindowClosedAt) before('return_window', u.returnWindow.dueAt, policy?.returnWindowReminders ?? DEFAULT_POLICY.returnWindowReminders!, assigned, '');
  if (awaitingReply(u) && !u.replyDeadlinePassed) before('reply', u.replyDue.dueAt, policy?.replyReminders ?? DEFAULT_POLICY.replyReminders!, roundFrom, round);
  if (awaitingReply(u) && u.replyDeadlinePassed) {
    const raw = policy?.overdueReminderEvery ?? DEFAULT_POLICY.overdueReminderEvery!;
    const p = safePeriod(raw);
    if (p) {
      const n = [...issued].filter((k) => k.startsWith(`${round}overdue:`)).length + 1;
      const at = Date.parse(u.replyDeadlinePassed.at) + n * periodMillis(p);
      const label = raw === 'P7D' ? 'overdue_weekly' : `overdue_every_${shortLabel(p)}`;
      plans.push({ key: `${round}overdue:${n}`, reminder: 'overdue', label, remindAt: iso(at), dueAt: u.replyDue.dueAt });
    }
  }
  return plans.sort((a, b) => Date.parse(a.remindAt) - Date.parse(b.remindAt))[0];
}

/** Reminder offsets are plain lengths of time: days or (for test policies) seconds. */
function safePeriod(raw: string): Period | undefined {
  try {
    const p = parsePeriod(raw);
    return p.unit === 'day' || p.unit === 'second' ? p : undefined;
  } catch {
    return undefined;
  }
}
const periodMillis = (p: Period) => p.amount * (p.unit === 'day' ? 86_400_000 : 1000);
const shortLabel = (p: Period) => `${p.amount}${p.unit === 'day' ? 'd' : 's'}`;
const iso = (ms: number) => new Date(ms).toISOString();

// ---- 重新办理 --------------------------------------------------------------------------------------

/** The unit an event puts back to handling because the proposer sent its reply back, if any. */
function sentBack(e: DecidedEvent): { unitId: string; replyId: string } | undefined {
  // Municipal: the form with a send-back; provincial/national: an opinion not accepted (Art. 9, 10).
  if (e.type === 'FeedbackReceived' && (e.data.sendBack || e.data.awaitingDocument === false)) return { unitId: e.data.unitId, replyId: e.data.replyId };
  // 并案办理: a merged item's proposer sent the copy back and the unit handles the matter again.
  if (e.type === 'MergedItemReopened' && e.data.handlingAgain) return { unitId: e.data.unitId, replyId: e.data.replyId };
  return undefined;
}

/** The commands whose events may put a unit back to handling (feedback, a merged item's send-back, 并案 archive hooks). */
const REOPENING: ReadonlySet<ProposalCommandType> = new Set<ProposalCommandType>([
  'SubmitFeedback',
  'ReopenForMergedItem',
  'RecordMissingFeedback',
  'SendGovernmentDocument',
]);

/** After each event that reopens a unit: RehandlingStarted, with the round's own reply deadline. */
function withRehandling(state: ProposalState, events: DecidedEvent[], ctx: { policy?: Policy; calendar?: import('@jyta/calendar-domain').HolidayCalendar }): DecidedEvent[] {
  return events.flatMap((e) => {
    const back = sentBack(e);
    const unit = back && findActiveUnit(state, back.unitId);
    if (!back || !unit || !answersForItself(unit)) return [e];
    const round = Math.max(findReply(state, back.replyId)?.round ?? 1, unit.rehandling?.round ?? 1) + 1;
    const replyDue = rehandlingDue({ sentBackAt: e.occurredAt, policy: state.policy, calendar: ctx.calendar });
    return [e, { type: 'RehandlingStarted', occurredAt: e.occurredAt, data: { unitId: unit.unitId, round, replyId: back.replyId, replyDue } }];
  });
}

/** RehandlingStarted → the unit's current round is the new one; the one it ends is kept with its deadline. */
function startRound(state: ProposalState, e: Extract<DecidedEvent, { type: 'RehandlingStarted' }>): ProposalState {
  const { unitId, round, replyId, replyDue } = e.data;
  return updateActiveUnit(state, unitId, (u) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { explanation, replyDeadlinePassed, ...rest } = u;
    return {
      ...rest,
      pastRounds: [...(u.pastRounds ?? []), currentRound(u, state.replies)],
      rehandling: { round, startedAt: e.occurredAt, replyId },
      replyDue,
    };
  });
}

export const deadlineSlice: Slice = {
  name: 'art19-deadline',
  articles: ['第十九条', '第十七条（催办）', '第十条、第十一条（重新办理的答复期限）'],
  commands: ['FileExplanation', 'PassReplyDeadline', 'IssueReminder'],
  events: ['ExplanationFiled', 'ReplyDeadlinePassed', 'ReminderIssued', 'RehandlingStarted'],
  assert(command, state, now) {
    if (command.type !== 'FileExplanation') return;
    const unit = requireActiveUnit(state, command.data.unitId);
    const d = command.data;
    if (!answersForItself(unit)) {
      throw new DomainError(ErrorCodes.NOT_ANSWERING_UNIT, '会办单位不单独答复，延期说明由主办单位提交', 409, { unitId: unit.unitId });
    }
    if (!d.reasons?.trim()) throw invalid('reasons', '请说明办理中遇到的困难');
    if (!d.measures?.trim()) throw invalid('measures', '请说明已采取的措施');
    if (!isDay(d.expectedOn)) throw invalid('expectedOn', 'expectedOn 须为 YYYY-MM-DD 日期');
    if (d.expectedOn <= shanghaiDate(now)) throw invalid('expectedOn', '预计办结日期须晚于今天');
    if (unit.replyDeadlinePassed || Date.parse(now) >= Date.parse(unit.replyDue.dueAt)) {
      throw new DomainError(
        ErrorCodes.REPLY_DEADLINE_PASSED,
        `答复期限已于 ${unit.replyDue.lastDay ?? unit.replyDue.dueAt} 届满；延期说明须在期限内提交（第十九条）`,
        409,
        { dueAt: unit.replyDue.dueAt },
      );
    }
  },
  decide(command, state, ctx) {
    switch (command.type) {
      case 'FileExplanation': {
        const { unitId, reasons, measures, expectedOn } = command.data;
        return [{ type: 'ExplanationFiled', occurredAt: ctx.now, data: { unitId, reasons: reasons.trim(), measures: measures.trim(), expectedOn } }];
      }
      case 'IssueReminder': {
        const d = command.data;
        const unit = findActiveUnit(state, d.unitId);
        if (!unit || unit.remindersIssued?.includes(d.key)) return [];
        return [
          {
            type: 'ReminderIssued',
            occurredAt: d.remindAt,
            data: { unitId: d.unitId, kind: d.reminder, reminder: d.label, key: d.key, dueAt: d.dueAt },
          },
        ];
      }
      case 'PassReplyDeadline': {
        const unit = findActiveUnit(state, command.data.unitId);
        if (!unit || !awaitingReply(unit) || unit.replyDeadlinePassed) return [];
        const dueAt = unit.replyDue.dueAt;
        const explained = !!unit.explanation;
        return [{ type: 'ReplyDeadlinePassed', occurredAt: dueAt, data: { unitId: unit.unitId, dueAt, explained, accountabilityFlagged: !explained } }];
      }
      default:
        return [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ExplanationFiled': {
        const { reasons, measures, expectedOn } = event.data;
        return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, explanation: { reasons, measures, expectedOn, filedAt: event.occurredAt } }));
      }
      case 'ReminderIssued':
        return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, remindersIssued: [...(u.remindersIssued ?? []), event.data.key] }));
      case 'ReplyDeadlinePassed': {
        const { explained, accountabilityFlagged } = event.data;
        return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, replyDeadlinePassed: { at: event.occurredAt, explained, accountabilityFlagged } }));
      }
      case 'RehandlingStarted':
        return startRound(state, event);
      default:
        return state;
    }
  },
  // Art. 10, 11: a send-back decided by another slice opens the unit's re-handling round.
  amend: (command, state, events, ctx) => (ctx.rehandlingDeadlines !== false && REOPENING.has(command.type) ? withRehandling(state, events, ctx) : events),
  contextNeeds(command, now, flags) {
    if (flags.rehandlingDeadlines === false || !REOPENING.has(command.type)) return {};
    // The re-handling period may run into the next year; a late timer's send-back may be last year's.
    const year = shanghaiYear(now);
    return { calendar: { fromYear: year - 1, toYear: year + 1 } };
  },
  timers(state, opts) {
    const due: Timer[] = [];
    activeUnits(state).forEach((u, i) => {
      if (opts.reminders) {
        const r = nextReminder(u, state.policy);
        if (r) due.push({ at: r.remindAt, command: { type: 'IssueReminder', data: { unitId: u.unitId, ...r } }, order: [1, i, 0] });
      }
      if (opts.replyDeadlines && awaitingReply(u) && !u.replyDeadlinePassed) {
        due.push({ at: u.replyDue.dueAt, command: { type: 'PassReplyDeadline', data: { unitId: u.unitId } }, order: [1, i, 2] });
      }
    });
    return due;
  },
};
