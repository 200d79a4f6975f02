import { computeDeadlineReported, parsePeriod, type Period } from '@jyta/calendar-domain';
import type { DecideContext, ProposalCommand } from './commands';
import { DomainError, ErrorCodes, invalid } from './errors';
import type { AssignedUnit, DecidedEvent } from './events';
import { assertDisclosureAllowed, decideDisclosure, evolveDisclosure } from './disclosure';
import { assertLeadershipAllowed, assertMajorItemApproved, decideLeadership, evolveLeadership } from './leadership';
import { assertReplyAllowed, awaitingReply, decideReply, evolveReply, findReply } from './replies';
import { assertHandlingAllowed, assertInstructionsAnswered, decideHandling, evolveHandling, handlingTimers, withOpinionDues } from './handling';
import { assertDocumentAllowed, evolveDocument } from './government-document';
import { assertRecomputeAllowed, decideRecompute, evolveRecompute } from './recompute';
import { assertMergingAllowed, assertNotMergedAway, decideMerging, evolveMerging, withMergedCopies } from './merging';
import {
  activeUnits,
  answersForItself,
  ASSIGNMENT_MODES,
  CONTACT_METHODS,
  DEFAULT_POLICY,
  findActiveUnit,
  initialState,
  PROPOSAL_KINDS,
  PROPOSAL_LEVELS,
  SESSION_PERIODS,
  type Policy,
  type ProposalState,
  type ReminderKind,
  type UnitAssignment,
  type UnitRole,
} from './model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Not changes of the handling: publication (Art. 20) and the vice mayor's reading (Art. 9) mostly come after archiving. */
export const AFTER_ARCHIVE: ReadonlySet<ProposalCommand['type']> = new Set(['ChooseDisclosure', 'ReadSatisfiedReply']);

/**
 * Checks that a command may run on this state, without computing anything that needs the
 * calendar. The workflow's update validators call it, so a refused step is answered at once and
 * leaves no trace in the history; decide() calls it again under the item's lock.
 */
export function assertAllowed(command: ProposalCommand, state: ProposalState, now: string): void {
  // Publication (Art. 20) is not a change of the handling and mostly comes after archiving.
  if (state.status === 'archived' && !AFTER_ARCHIVE.has(command.type)) throw new DomainError(ErrorCodes.ARCHIVED, '该件已归档，不能再更改（第十七条）');
  if (command.type !== 'RegisterProposal' && state.status === 'unregistered') {
    throw new DomainError(ErrorCodes.NOT_REGISTERED, '建议提案尚未登记');
  }
  // 并案办理: a merged item follows its main item and takes no step of its own handling (merging.ts).
  assertNotMergedAway(command, state);
  switch (command.type) {
    case 'RegisterProposal':
      return checkRegistration(command.data, state);
    case 'AssignProposal':
      checkAssignment(command.data, state, now);
      return assertMajorItemApproved(state);
    case 'SubmitMajorItemForApproval':
    case 'ApproveMajorItem':
    case 'ReadSatisfiedReply':
      return assertLeadershipAllowed(command, state);
    case 'SignReceipt': {
      const unit = requireActiveUnit(state, command.data.unitId);
      if (unit.signedAt) throw new DomainError(ErrorCodes.ALREADY_SIGNED, '该单位已签收');
      return;
    }
    case 'RequestReturn': {
      const unit = requireActiveUnit(state, command.data.unitId);
      if (!command.data.reason?.trim()) throw invalid('reason', '退转须以公函形式说明理由');
      if (isReturnWindowClosed(unit, now)) {
        throw new DomainError(
          ErrorCodes.RETURN_WINDOW_CLOSED,
          `退转期限已于 ${unit.returnWindow.lastDay ?? unit.returnWindow.dueAt} 届满，由接办单位负责办理（第七条）`,
          409,
          { closedAt: unit.returnWindowClosedAt ?? unit.returnWindow.dueAt },
        );
      }
      if (pendingReturn(unit)) throw new DomainError(ErrorCodes.RETURN_ALREADY_REQUESTED, '已提出退转申请，等待建议提案处决定');
      return;
    }
    case 'DecideReturn': {
      const unit = state.units.find((u) => u.unitId === command.data.unitId);
      if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, '该单位未承办此件');
      const last = unit.returnRequests.at(-1);
      if (!last) throw new DomainError(ErrorCodes.NO_RETURN_REQUEST, '该单位没有退转申请');
      if (last.decision) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该退转申请已有决定');
      return;
    }
    case 'RecordContact': {
      const unit = requireActiveUnit(state, command.data.unitId);
      const d = command.data;
      if (!CONTACT_METHODS.includes(d.method)) throw invalid('method', `method 须为 ${CONTACT_METHODS.join(' / ')}`);
      if (!isDate(d.on)) throw invalid('on', 'on 须为 YYYY-MM-DD 日期');
      if (d.on > shanghaiDate(now)) throw invalid('on', '沟通日期不能晚于今天');
      if (d.on < unit.assignedOn) throw invalid('on', `沟通日期不能早于接办日期 ${unit.assignedOn}`);
      if (!d.summary?.trim()) throw invalid('summary', '请填写沟通情况');
      return;
    }
    case 'FileExplanation': {
      const unit = requireActiveUnit(state, command.data.unitId);
      const d = command.data;
      if (!answersForItself(unit)) {
        throw new DomainError(ErrorCodes.NOT_ANSWERING_UNIT, '会办单位不单独答复，延期说明由主办单位提交', 409, { unitId: unit.unitId });
      }
      if (!d.reasons?.trim()) throw invalid('reasons', '请说明办理中遇到的困难');
      if (!d.measures?.trim()) throw invalid('measures', '请说明已采取的措施');
      if (!isDate(d.expectedOn)) throw invalid('expectedOn', 'expectedOn 须为 YYYY-MM-DD 日期');
      if (d.expectedOn <= shanghaiDate(now)) throw invalid('expectedOn', '预计办结日期须晚于今天');
      if (unit.replyDeadlinePassed || Date.parse(now) >= Date.parse(unit.replyDue.dueAt)) {
        throw new DomainError(
          ErrorCodes.REPLY_DEADLINE_PASSED,
          `答复期限已于 ${unit.replyDue.lastDay ?? unit.replyDue.dueAt} 届满；延期说明须在期限内提交（第十九条）`,
          409,
          { dueAt: unit.replyDue.dueAt },
        );
      }
      return;
    }
    case 'DraftReply':
    case 'SendReply':
      // Art. 5 (不得越权答复), before replies.ts's own checks: no reply is drafted or sent while the
      // unit's (or, for a lead, a co-unit's) request for instructions is unanswered (handling.ts).
      assertInstructionsAnswered(command.type === 'DraftReply' ? command.data.unitId : findReply(state, command.data.replyId)?.unitId, state);
      return assertReplyAllowed(command, state);
    case 'ReviewReply':
    case 'SubmitFeedback':
      return assertReplyAllowed(command, state);
    case 'SubmitCoUnitOpinion':
    case 'RequestInstructions':
    case 'RecordInstructions':
    case 'SubmitProgressReport':
    case 'RecordCoUnitOpinionOverdue':
    case 'RecordMissedProgressReport':
      return assertHandlingAllowed(command, state, now);
    case 'CompileGovernmentDocument':
    case 'SendGovernmentDocument':
      return assertDocumentAllowed(command, state);
    case 'ChooseDisclosure':
      return assertDisclosureAllowed(command, state);
    case 'RecomputeDeadlines':
      return assertRecomputeAllowed(command);
    case 'MergeIntoProposal':
    case 'AcceptMergedProposals':
    case 'SplitMergedProposal':
    case 'SplitFromProposal':
    case 'ReceiveMergedReply':
    case 'ReopenForMergedItem':
    case 'MergedItemDone':
      return assertMergingAllowed(command, state);
    case 'CloseReturnWindow':
    case 'PassReplyDeadline':
    case 'IssueReminder':
    case 'RecordMissingFeedback':
      return;
  }
}

/** decide: command + state (+ time, policy, calendar) → new events. Pure. */
export function decide(command: ProposalCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  assertAllowed(command, state, ctx.now);
  const at = ctx.now;
  switch (command.type) {
    case 'RegisterProposal': {
      if (!ctx.policy) throw new Error('decide(RegisterProposal) needs the policy');
      const d = command.data;
      if (!d.number) throw new Error('decide(RegisterProposal) needs the allocated number');
      return [
        {
          type: 'ProposalRegistered',
          occurredAt: at,
          data: {
            proposalId: d.proposalId,
            number: d.number,
            kind: d.kind,
            level: d.level,
            sessionYear: d.sessionYear,
            period: d.period,
            title: d.title.trim(),
            content: d.content,
            topic: d.topic,
            proposers: d.proposers,
            key: !!d.key,
            major: !!d.major,
            urgent: !!d.urgent,
            policy: ctx.policy,
          },
        },
      ];
    }
    case 'AssignProposal': {
      const d = command.data;
      const policy = state.policy;
      if (!policy || !ctx.calendar) throw new Error('decide(AssignProposal) needs the policy and the calendar');
      const replyPeriod = parsePeriod(state.details?.urgent ? policy.urgentReplyPeriod : policy.replyPeriod);
      const returnPeriod = parsePeriod(policy.returnWindow);
      const unit = (unitId: string, role: UnitRole): AssignedUnit => ({
        unitId,
        role,
        responsiblePerson: d.responsiblePersons?.[unitId],
        returnWindow: computeDeadlineReported({ start: d.assignedOn, startInstant: at, period: returnPeriod, calendar: ctx.calendar! }),
        replyDue: computeDeadlineReported({ start: d.assignedOn, startInstant: at, period: replyPeriod, calendar: ctx.calendar! }),
      });
      const units =
        d.mode === 'separate'
          ? d.leadUnitIds.map((id) => unit(id, 'separate'))
          : [...d.leadUnitIds.map((id) => unit(id, 'lead')), ...(d.coUnitIds ?? []).map((id) => unit(id, 'co'))];
      return [
        {
          type: 'ProposalAssigned',
          occurredAt: at,
          data: {
            mode: d.mode,
            assignedOn: d.assignedOn,
            leaderInCharge: d.leaderInCharge,
            division: d.division,
            // Co-units also get their opinion deadline (SPEC §4.2, handling.ts).
            units: withOpinionDues(units, { assignedOn: d.assignedOn, at, policy, calendar: ctx.calendar }),
            reassignment: state.status === 'awaiting_reassignment',
          },
        },
      ];
    }
    case 'SignReceipt':
      return [{ type: 'ReceiptSigned', occurredAt: at, data: { unitId: command.data.unitId } }];
    case 'RequestReturn':
      return [
        { type: 'ReturnRequested', occurredAt: at, data: { unitId: command.data.unitId, reason: command.data.reason.trim() } },
      ];
    case 'DecideReturn': {
      const { unitId, approve } = command.data;
      const comment = command.data.comment?.trim() ?? '';
      if (!approve) return [{ type: 'ReturnRejected', occurredAt: at, data: { unitId, comment } }];
      const remaining = activeUnits(state).filter((u) => u.unitId !== unitId);
      return [
        {
          type: 'ReturnApproved',
          occurredAt: at,
          data: { unitId, comment, awaitingReassignment: !remaining.some(answersForItself) },
        },
      ];
    }
    case 'RecomputeDeadlines':
      return decideRecompute(command, state, ctx);
    case 'CloseReturnWindow': {
      const unit = findActiveUnit(state, command.data.unitId);
      // Already closed, or the unit left: nothing to record (a timer may fire twice around a change).
      if (!unit || unit.returnWindowClosedAt) return [];
      const closedAt = unit.returnWindow.dueAt;
      return [{ type: 'ReturnWindowClosed', occurredAt: closedAt, data: { unitId: unit.unitId, closedAt } }];
    }
    case 'RecordContact': {
      const { unitId, method, on, summary } = command.data;
      return [{ type: 'ContactRecorded', occurredAt: at, data: { unitId, method, on, summary: summary.trim() } }];
    }
    case 'FileExplanation': {
      const { unitId, reasons, measures, expectedOn } = command.data;
      return [
        { type: 'ExplanationFiled', occurredAt: at, data: { unitId, reasons: reasons.trim(), measures: measures.trim(), expectedOn } },
      ];
    }
    case 'SendReply':
      // 并案办理: a main item's reply is copied to the items merged into it (merging.ts).
      return withMergedCopies(state, decideReply(command, state, ctx));
    case 'MergeIntoProposal':
    case 'AcceptMergedProposals':
    case 'SplitMergedProposal':
    case 'SplitFromProposal':
    case 'ReceiveMergedReply':
    case 'ReopenForMergedItem':
    case 'MergedItemDone':
      return decideMerging(command, state, ctx);
    case 'DraftReply':
    case 'ReviewReply':
    case 'SubmitFeedback':
    case 'RecordMissingFeedback':
    case 'CompileGovernmentDocument':
    case 'SendGovernmentDocument':
      return decideReply(command, state, ctx);
    case 'ChooseDisclosure':
      return decideDisclosure(command, state, at);
    case 'SubmitCoUnitOpinion':
    case 'RecordCoUnitOpinionOverdue':
    case 'RequestInstructions':
    case 'RecordInstructions':
    case 'SubmitProgressReport':
    case 'RecordMissedProgressReport':
      return decideHandling(command, state, ctx);
    case 'SubmitMajorItemForApproval':
    case 'ApproveMajorItem':
    case 'ReadSatisfiedReply':
      return decideLeadership(command, state, at);
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
      return [
        {
          type: 'ReplyDeadlinePassed',
          occurredAt: dueAt,
          data: { unitId: unit.unitId, dueAt, explained, accountabilityFlagged: !explained },
        },
      ];
    }
  }
}

/** evolve: state + event → state. Pure; the only way state changes. */
export function evolve(state: ProposalState, event: DecidedEvent): ProposalState {
  switch (event.type) {
    case 'ProposalRegistered': {
      const { policy, ...details } = event.data;
      return { ...state, status: 'registered', details: { ...details, registeredAt: event.occurredAt }, policy };
    }
    case 'ProposalAssigned': {
      const d = event.data;
      const added: UnitAssignment[] = d.units.map((u) => ({
        unitId: u.unitId,
        role: u.role,
        responsiblePerson: u.responsiblePerson,
        status: 'assigned',
        assignedOn: d.assignedOn,
        returnWindow: u.returnWindow,
        replyDue: u.replyDue,
        returnRequests: [],
        contacts: [],
        assignedAt: event.occurredAt,
        remindersIssued: [],
        ...(u.opinionDue ? { opinionDue: u.opinionDue } : {}),
      }));
      return {
        ...state,
        status: 'assigned',
        assignment: { mode: d.mode, leaderInCharge: d.leaderInCharge, division: d.division },
        units: [...state.units, ...added],
      };
    }
    case 'ReceiptSigned':
      return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, status: 'handling', signedAt: event.occurredAt }));
    case 'ReturnRequested':
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        returnRequests: [...u.returnRequests, { reason: event.data.reason, requestedAt: event.occurredAt }],
      }));
    case 'ReturnApproved':
    case 'ReturnRejected': {
      const approve = event.type === 'ReturnApproved';
      const next = updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        status: approve ? 'returned' : u.status,
        returnRequests: u.returnRequests.map((r, i, all) =>
          i === all.length - 1 ? { ...r, decision: { approve, comment: event.data.comment, decidedAt: event.occurredAt } } : r,
        ),
      }));
      if (event.type === 'ReturnApproved' && event.data.awaitingReassignment) return { ...next, status: 'awaiting_reassignment' };
      return next;
    }
    case 'ReturnWindowClosed':
      return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, returnWindowClosedAt: event.data.closedAt }));
    case 'ContactRecorded': {
      const { method, on, summary } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        contacts: [...(u.contacts ?? []), { method, on, summary, recordedAt: event.occurredAt }],
      }));
    }
    case 'ExplanationFiled': {
      const { reasons, measures, expectedOn } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        explanation: { reasons, measures, expectedOn, filedAt: event.occurredAt },
      }));
    }
    case 'ReplyDrafted':
    case 'ReplyReviewed':
    case 'ReplySent':
    case 'FeedbackReceived':
    case 'FeedbackMissing':
    case 'OpinionSentToProposer':
    case 'ProposalArchived':
      return evolveReply(state, event) ?? state;
    case 'GovernmentDocumentCompiled':
    case 'GovernmentDocumentReviewed':
    case 'GovernmentDocumentSigned':
    case 'GovernmentDocumentSent':
      return evolveDocument(state, event) ?? state;
    case 'DisclosureChosen':
      return evolveDisclosure(state, event);
    case 'MajorItemSubmittedForApproval':
    case 'MajorItemApproved':
    case 'SatisfiedReplyRead':
      return evolveLeadership(state, event) ?? state;
    case 'DeadlinesRecomputed':
      return evolveRecompute(state, event);
    case 'ProposalsMerged':
    case 'MergedIntoProposal':
    case 'ReplyCopiedToMergedItems':
    case 'MergedReplyReceived':
    case 'MergedItemReopened':
    case 'MergedItemCompleted':
    case 'MergedProposalSplit':
    case 'ProposalSplitOff':
      return evolveMerging(state, event);
    case 'CoUnitOpinionSubmitted':
    case 'CoUnitOpinionOverdue':
    case 'InstructionsRequested':
    case 'InstructionsReceived':
    case 'ProgressReportSubmitted':
    case 'ProgressReportMissed':
      return evolveHandling(state, event);
    case 'ReminderIssued':
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        remindersIssued: [...(u.remindersIssued ?? []), event.data.key],
      }));
    case 'ReplyDeadlinePassed': {
      const { explained, accountabilityFlagged } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        replyDeadlinePassed: { at: event.occurredAt, explained, accountabilityFlagged },
      }));
    }
  }
}

export const fold = (events: DecidedEvent[], from: ProposalState = initialState()) => events.reduce(evolve, from);

export interface TimerOptions {
  /** Reply deadlines (Art. 19) run timers; off only when replaying items started before they existed. */
  replyDeadlines?: boolean;
  /** Reminders (催办) run timers; likewise. */
  reminders?: boolean;
  /** Co-units' opinion deadlines (SPEC §4.2) run timers; off unless set (callers that predate them keep their plans). */
  coUnitOpinions?: boolean;
  /** Monthly progress reports (SPEC §4.3) run timers; off unless set, likewise. */
  progressReports?: boolean;
}

/** The next timer the item must wake up for, if any. */
export function nextDeadline(
  state: ProposalState,
  opts: TimerOptions = { replyDeadlines: true, reminders: true },
): { at: string; command: ProposalCommand } | undefined {
  const due: { at: string; command: ProposalCommand }[] = [];
  if (state.status === 'archived') return undefined;
  for (const r of state.replies ?? []) {
    if (r.status === 'sent' && r.feedbackDueAt) due.push({ at: r.feedbackDueAt, command: { type: 'RecordMissingFeedback', data: { replyId: r.replyId } } });
  }
  for (const u of activeUnits(state)) {
    if (opts.reminders) {
      const r = nextReminder(u, state.policy);
      if (r) due.push({ at: r.remindAt, command: { type: 'IssueReminder', data: { unitId: u.unitId, ...r } } });
    }
    if (!u.returnWindowClosedAt) {
      due.push({ at: u.returnWindow.dueAt, command: { type: 'CloseReturnWindow', data: { unitId: u.unitId } } });
    }
    if (opts.replyDeadlines && awaitingReply(u) && !u.replyDeadlinePassed) {
      due.push({ at: u.replyDue.dueAt, command: { type: 'PassReplyDeadline', data: { unitId: u.unitId } } });
    }
  }
  due.push(...handlingTimers(state, opts));
  return due.reduce<(typeof due)[number] | undefined>((a, b) => (!a || Date.parse(b.at) < Date.parse(a.at) ? b : a), undefined);
}

type ReminderPlan = { key: string; reminder: ReminderKind; label: string; remindAt: string; dueAt: string };

/**
 * The unit's next reminder not yet issued (SPEC §5): before the return window closes, before the
 * reply deadline, then every so often while the deadline has passed unanswered. A reminder whose
 * time fell before the unit was assigned (a backdated item), or whose deadline has already ended,
 * is skipped rather than sent late.
 */
export function nextReminder(u: UnitAssignment, policy: Policy | undefined): ReminderPlan | undefined {
  const issued = new Set(u.remindersIssued ?? []);
  const from = Date.parse(u.assignedAt ?? '1970-01-01T00:00:00Z');
  const plans: ReminderPlan[] = [];
  const before = (kind: ReminderKind, dueAt: string, periods: string[]) => {
    for (const raw of periods) {
      const p = safePeriod(raw);
      if (!p) continue;
      const at = Date.parse(dueAt) - periodMillis(p);
      const key = `${kind}:${raw}`;
      if (at > from && !issued.has(key)) plans.push({ key, reminder: kind, label: `${kind}_${shortLabel(p)}`, remindAt: iso(at), dueAt });
    }
  };
  if (!u.returnWindowClosedAt) before('return_window', u.returnWindow.dueAt, policy?.returnWindowReminders ?? DEFAULT_POLICY.returnWindowReminders!);
  if (awaitingReply(u) && !u.replyDeadlinePassed) before('reply', u.replyDue.dueAt, policy?.replyReminders ?? DEFAULT_POLICY.replyReminders!);
  if (awaitingReply(u) && u.replyDeadlinePassed) {
    const raw = policy?.overdueReminderEvery ?? DEFAULT_POLICY.overdueReminderEvery!;
    const p = safePeriod(raw);
    if (p) {
      const n = [...issued].filter((k) => k.startsWith('overdue:')).length + 1;
      const at = Date.parse(u.replyDeadlinePassed.at) + n * periodMillis(p);
      const label = raw === 'P7D' ? 'overdue_weekly' : `overdue_every_${shortLabel(p)}`;
      plans.push({ key: `overdue:${n}`, reminder: 'overdue', label, remindAt: iso(at), dueAt: u.replyDue.dueAt });
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

export function isReturnWindowClosed(unit: UnitAssignment, now: string): boolean {
  return !!unit.returnWindowClosedAt || Date.parse(now) >= Date.parse(unit.returnWindow.dueAt);
}

const isDate = (s: string | undefined) => !!s && DATE.test(s) && !Number.isNaN(Date.parse(s));

const pendingReturn = (u: UnitAssignment) => {
  const last = u.returnRequests.at(-1);
  return !!last && !last.decision;
};

function requireActiveUnit(state: ProposalState, unitId: string): UnitAssignment {
  const unit = findActiveUnit(state, unitId);
  if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, `单位 ${unitId} 未承办此件或已退转`, 409, { unitId });
  return unit;
}

function updateActiveUnit(state: ProposalState, unitId: string, f: (u: UnitAssignment) => UnitAssignment): ProposalState {
  return { ...state, units: state.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? f(u) : u)) };
}

function checkRegistration(d: Extract<ProposalCommand, { type: 'RegisterProposal' }>['data'], state: ProposalState) {
  if (state.status !== 'unregistered') throw new DomainError(ErrorCodes.ALREADY_REGISTERED, '该件已登记');
  if (!PROPOSAL_KINDS.includes(d.kind)) throw invalid('kind', `kind 须为 ${PROPOSAL_KINDS.join(' / ')}`);
  if (!PROPOSAL_LEVELS.includes(d.level)) throw invalid('level', `level 须为 ${PROPOSAL_LEVELS.join(' / ')}`);
  if (!SESSION_PERIODS.includes(d.period)) throw invalid('period', `period 须为 ${SESSION_PERIODS.join(' / ')}`);
  if (!Number.isInteger(d.sessionYear) || d.sessionYear < 2000 || d.sessionYear > 2100) throw invalid('sessionYear', '届次年份无效');
  if (!d.title?.trim()) throw invalid('title', '标题不能为空');
  if (!d.content?.trim()) throw invalid('content', '正文不能为空');
  if (!d.proposers?.length) throw invalid('proposers', '至少需要一位提出人');
  d.proposers.forEach((p, i) => {
    if (!p.name?.trim()) throw invalid(`proposers[${i}].name`, '提出人姓名不能为空');
  });
}

function checkAssignment(d: Extract<ProposalCommand, { type: 'AssignProposal' }>['data'], state: ProposalState, now: string) {
  if (state.status === 'assigned') {
    throw new DomainError(ErrorCodes.ALREADY_ASSIGNED, '该件已交办；只有全部主办单位退转后才能重新交办');
  }
  if (!ASSIGNMENT_MODES.includes(d.mode)) throw invalid('mode', `mode 须为 ${ASSIGNMENT_MODES.join(' / ')}`);
  if (!isDate(d.assignedOn)) {
    throw invalid('assignedOn', 'assignedOn 须为 YYYY-MM-DD 日期');
  }
  // Compare as Shanghai calendar days: an assignment may not be dated after today.
  if (d.assignedOn > shanghaiDate(now)) throw invalid('assignedOn', '接办日期不能晚于今天');
  const leads = d.leadUnitIds ?? [];
  const cos = d.coUnitIds ?? [];
  if (leads.length === 0) throw invalid('leadUnitIds', '至少需要一个承办单位');
  if (d.mode === 'single' && (leads.length !== 1 || cos.length > 0)) {
    throw invalid('leadUnitIds', '单一办理只能交一个单位，且没有会办单位');
  }
  if (d.mode === 'separate' && cos.length > 0) throw invalid('coUnitIds', '分别办理没有会办单位，每个单位各自答复');
  if (d.mode === 'separate' && leads.length < 2) throw invalid('leadUnitIds', '分别办理至少需要两个单位');
  const all = [...leads, ...cos];
  const dup = all.find((id, i) => all.indexOf(id) !== i);
  if (dup) throw invalid('coUnitIds', `单位 ${dup} 重复`);
  const stillActive = all.find((id) => findActiveUnit(state, id));
  if (stillActive) throw invalid('leadUnitIds', `单位 ${stillActive} 仍在承办此件`);
}

/** The calendar day in Asia/Shanghai (UTC+8, no DST) of an instant. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);
}
