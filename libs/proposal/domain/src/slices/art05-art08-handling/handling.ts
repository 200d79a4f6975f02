/**
 * 承办 steps beside the reply, as part of the item's decider (SPEC §4.2–§4.3):
 * - 会办意见: in `lead` mode each co-unit sends its opinion to the lead unit, by the lead's reply
 *   deadline minus a lead time (policy, 30 days); when that passes without an opinion the timer
 *   records it and both units are reminded. A late opinion is still taken, marked late.
 * - 请示 (Art. 5): a matter within a higher government's or department's authority needs a
 *   recorded request for instructions, answered, before the reply (不得越权答复).
 * - 督办台账: monthly progress reports — co-units to the lead by the 22nd, the other units to the
 *   office by the 25th (policy). A missed month is a supervision finding recorded by the timer,
 *   never a blocker.
 */
import { shanghaiDate } from '@jyta/calendar-domain';
import type {
  DecideContext,
  RecordCoUnitOpinionOverdue,
  RecordInstructions,
  RecordMissedProgressReport,
  RequestInstructions,
  SubmitCoUnitOpinion,
  SubmitProgressReport,
} from '../../commands';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { DecidedEvent } from '../../events';
import type { Timer } from '../../slice';
import { addMonths, dayOfMonth, endOfShanghaiDay, isDate, monthOf, MONTH, safePeriod } from '../../shared/deadlines';
import { activeUnits, DEFAULT_POLICY, findActiveUnit, type Policy, type ProposalState, type UnitAssignment } from '../../shared/model';

export type HandlingCommand = SubmitCoUnitOpinion | RecordCoUnitOpinionOverdue | RequestInstructions | RecordInstructions | SubmitProgressReport | RecordMissedProgressReport;
export type HandlingEvent = Extract<
  DecidedEvent,
  { type: 'CoUnitOpinionSubmitted' | 'CoUnitOpinionOverdue' | 'InstructionsRequested' | 'InstructionsReceived' | 'ProgressReportSubmitted' | 'ProgressReportMissed' }
>;

const leadUnitIds = (s: ProposalState) => activeUnits(s).filter((u) => u.role === 'lead').map((u) => u.unitId);

// ---- 督办台账: which month is due when ----------------------------------------------------------------

/** A unit owes monthly reports while it handles the item: not yet replied, done or returned. */
export const owesProgressReports = (u: UnitAssignment) => u.status === 'assigned' || u.status === 'handling';

/** The first month a unit reports in: the month after the one it received the item in (see nextProgressReport). */
export const firstReportMonth = (u: Pick<UnitAssignment, 'assignedOn'>) => addMonths(monthOf(u.assignedOn), 1);

/** The day of the month a unit's report is due: co-units report to the lead (22nd), the others to the office (25th). */
export function reportDay(u: Pick<UnitAssignment, 'role'>, policy: Policy | undefined): number {
  const days = policy?.progressReportDays ?? DEFAULT_POLICY.progressReportDays!;
  const d = u.role === 'co' ? days.co : days.lead;
  return Number.isInteger(d) && d >= 1 && d <= 31 ? d : u.role === 'co' ? 22 : 25;
}

/**
 * When `month`'s report of the unit is due: 24:00 Asia/Shanghai of the report day. The day is
 * fixed and does not move off weekends or holidays: a missed report is a finding for the office,
 * not a period with legal effect, so the Civil Code's moving of a period's last day does not
 * apply (the 督办台账 templates name a fixed day). A test policy may make the first month fall
 * due `progressReportFirstDueAfter` (seconds) after the assignment was recorded.
 */
export function progressReportDueAt(u: Pick<UnitAssignment, 'role' | 'assignedOn' | 'assignedAt'>, month: string, policy: Policy | undefined): string {
  const first = safePeriod(policy?.progressReportFirstDueAfter);
  if (first?.unit === 'second' && u.assignedAt && month === firstReportMonth(u)) {
    return new Date(Date.parse(u.assignedAt) + first.amount * 1000).toISOString();
  }
  return endOfShanghaiDay(dayOfMonth(month, reportDay(u, policy)));
}

/**
 * From when the unit's months count: when the assignment was recorded — months due before it (an
 * item imported or assigned with a backdated assignedOn) are not findings, the unit may well have
 * reported them on paper — or, when the proposer sent the item back, from then on: while the
 * unit's reply awaited the proposer it owed no reports.
 */
function reportingSince(u: UnitAssignment, state: ProposalState): number {
  let since = Date.parse(u.assignedAt ?? '1970-01-01T00:00:00Z');
  for (const r of state.replies ?? []) {
    if (r.unitId === u.unitId && r.sentBack && r.feedback?.at) since = Math.max(since, Date.parse(r.feedback.at));
  }
  return since;
}

/**
 * The unit's next month whose report is owed and neither submitted nor recorded as missed, with
 * its due time; undefined when the unit owes no reports. Months start with the one after the
 * month of assignedOn: a unit that received the item on the 24th does not owe a report the next
 * day, and every unit reports after at least a few weeks of handling.
 */
export function nextProgressReport(u: UnitAssignment, state: ProposalState): { month: string; dueAt: string } | undefined {
  if (!owesProgressReports(u)) return undefined;
  const since = reportingSince(u, state);
  const done = new Set([...(u.progressReports ?? []).map((r) => r.month), ...(u.progressReportsMissed ?? []).map((r) => r.month)]);
  let month = firstReportMonth(u);
  // Bounded: each month is either recorded (finitely many) or due before `since` (finitely many).
  for (let i = 0; i < 1200; i++, month = addMonths(month, 1)) {
    const dueAt = progressReportDueAt(u, month, state.policy);
    if (Date.parse(dueAt) > since && !done.has(month)) return { month, dueAt };
  }
  return undefined;
}

// ---- 请示 (Art. 5): the rule on replies ---------------------------------------------------------------------

const pendingOf = (u: UnitAssignment) => (u.instructionRequests ?? []).filter((r) => !r.answer);

/**
 * Art. 5: a matter within a higher authority's powers is answered only after the request for
 * instructions is answered (不得越权答复). Checked before a unit drafts or sends its reply. A
 * lead unit also waits for its co-units' requests: its reply carries their opinions, so it
 * would answer their matter before the higher authority has spoken.
 */
export function assertInstructionsAnswered(unitId: string | undefined, state: ProposalState): void {
  const unit = unitId ? findActiveUnit(state, unitId) : undefined;
  if (!unit) return; // the reply's own checks say why
  const concerned = unit.role === 'lead' ? [unit, ...activeUnits(state).filter((u) => u.role === 'co')] : [unit];
  const pending = concerned.flatMap((u) => pendingOf(u).map((r) => ({ unitId: u.unitId, ...r })));
  if (!pending.length) return;
  const first = pending[0];
  const who = first.unitId === unit.unitId ? '本单位' : `会办单位 ${first.unitId} `;
  throw new DomainError(
    ErrorCodes.INSTRUCTIONS_PENDING,
    `${who}就“${first.matter}”向${first.authority}的请示尚未得到答复。按第五条，涉及上级政府及其部门职权范围的事项，须请示后再答复代表委员，不得越权答复`,
    409,
    { requests: pending.map((r) => ({ unitId: r.unitId, requestId: r.requestId, authority: r.authority, requestedAt: r.requestedAt })) },
  );
}

// ---- assertAllowed / decide / evolve ---------------------------------------------------------------------

function requireUnit(state: ProposalState, unitId: string): UnitAssignment {
  const unit = findActiveUnit(state, unitId);
  if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, `单位 ${unitId} 未承办此件或已退转`, 409, { unitId });
  return unit;
}

const findRequest = (state: ProposalState, requestId: string) =>
  state.units.flatMap((u) => (u.instructionRequests ?? []).map((r) => ({ unit: u, request: r }))).find((x) => x.request.requestId === requestId);

export function assertHandlingAllowed(command: HandlingCommand, state: ProposalState, now: string): void {
  switch (command.type) {
    case 'SubmitCoUnitOpinion': {
      const unit = requireUnit(state, command.data.unitId);
      if (unit.role !== 'co') {
        throw new DomainError(ErrorCodes.NOT_CO_UNIT, '只有会办单位向主办单位提交会办意见；主办、单独或分别办理的单位直接答复', 409, { unitId: unit.unitId, role: unit.role });
      }
      if (!unit.signedAt) throw new DomainError(ErrorCodes.NOT_SIGNED, '请先签收再提交会办意见（第十七条）');
      if (typeof command.data.opinion !== 'string' || !command.data.opinion.trim()) throw invalid('opinion', '会办意见不能为空');
      return;
    }
    case 'RequestInstructions': {
      // Any assigned unit may have to ask: Art. 5 binds every 承办机关 that meets a matter of a
      // higher authority, co-units included (their opinion goes into the lead's reply).
      requireUnit(state, command.data.unitId);
      const d = command.data;
      if (typeof d.requestId !== 'string' || !d.requestId.trim()) throw invalid('requestId', '请示编号不能为空');
      if (findRequest(state, d.requestId)) throw invalid('requestId', '请示编号重复');
      if (typeof d.authority !== 'string' || !d.authority.trim()) throw invalid('authority', '请写明请示的上级政府或部门');
      if (typeof d.matter !== 'string' || !d.matter.trim()) throw invalid('matter', '请写明请示事项');
      return;
    }
    case 'RecordInstructions': {
      const d = command.data;
      requireUnit(state, d.unitId);
      const found = findRequest(state, d.requestId);
      if (!found || found.unit.unitId !== d.unitId) {
        throw new DomainError(ErrorCodes.INSTRUCTIONS_REQUEST_NOT_FOUND, '本单位没有这项请示', 404, { requestId: d.requestId });
      }
      if (found.request.answer) throw new DomainError(ErrorCodes.INSTRUCTIONS_ALREADY_ANSWERED, '该请示已记录答复', 409, { requestId: d.requestId });
      if (typeof d.answer !== 'string' || !d.answer.trim()) throw invalid('answer', '请填写上级的答复（批复）意见');
      if (!isDate(d.on)) throw invalid('on', 'on 须为 YYYY-MM-DD 日期');
      if (d.on > shanghaiDate(now)) throw invalid('on', '答复日期不能晚于今天');
      if (d.on < shanghaiDate(found.request.requestedAt)) throw invalid('on', `答复日期不能早于请示日期 ${shanghaiDate(found.request.requestedAt)}`);
      return;
    }
    case 'SubmitProgressReport': {
      const d = command.data;
      const unit = requireUnit(state, d.unitId);
      if (typeof d.month !== 'string' || !MONTH.test(d.month)) throw invalid('month', 'month 须为 YYYY-MM 月份');
      const first = firstReportMonth(unit);
      if (d.month < first) throw invalid('month', `本单位 ${unit.assignedOn} 接办，办理进度自 ${first} 起按月报送`);
      // The coming month's report may be filed early (at the end of the month before), no later one.
      if (d.month > addMonths(monthOf(shanghaiDate(now)), 1)) throw invalid('month', '不能报送尚未到来的月份');
      if (typeof d.progress !== 'string' || !d.progress.trim()) throw invalid('progress', '请填写办理进展');
      if (!unit.signedAt) throw new DomainError(ErrorCodes.NOT_SIGNED, '请先签收再报送办理进度（第十七条）');
      if (!owesProgressReports(unit)) {
        throw new DomainError(ErrorCodes.NOT_HANDLING, '本单位已答复、办结或已送出会办意见，不再按月报送办理进度', 409, { status: unit.status });
      }
      if ((unit.progressReports ?? []).some((r) => r.month === d.month)) {
        throw new DomainError(ErrorCodes.PROGRESS_ALREADY_REPORTED, `本单位 ${d.month} 的办理进度已报送`, 409, { month: d.month });
      }
      return;
    }
    case 'RecordCoUnitOpinionOverdue':
    case 'RecordMissedProgressReport':
      return;
  }
}

export function decideHandling(command: HandlingCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  const at = ctx.now;
  switch (command.type) {
    case 'SubmitCoUnitOpinion': {
      const unit = findActiveUnit(state, command.data.unitId)!;
      const late = !!unit.opinionOverdue || (!!unit.opinionDue && Date.parse(at) >= Date.parse(unit.opinionDue.dueAt));
      return [
        {
          type: 'CoUnitOpinionSubmitted',
          occurredAt: at,
          data: { unitId: unit.unitId, opinion: command.data.opinion.trim(), late, leadUnitIds: leadUnitIds(state) },
        },
      ];
    }
    case 'RecordCoUnitOpinionOverdue': {
      const unit = findActiveUnit(state, command.data.unitId);
      // Given in time, already recorded, or the unit left: nothing to record (a timer may fire twice around a change).
      if (!unit || unit.role !== 'co' || !unit.opinionDue || unit.opinionOverdue || unit.coUnitOpinions?.length) return [];
      const dueAt = unit.opinionDue.dueAt;
      return [{ type: 'CoUnitOpinionOverdue', occurredAt: dueAt, data: { unitId: unit.unitId, dueAt, leadUnitIds: leadUnitIds(state) } }];
    }
    case 'RequestInstructions': {
      const { requestId, unitId, authority, matter } = command.data;
      return [{ type: 'InstructionsRequested', occurredAt: at, data: { requestId, unitId, authority: authority.trim(), matter: matter.trim() } }];
    }
    case 'RecordInstructions': {
      const { requestId, unitId, answer, on } = command.data;
      return [{ type: 'InstructionsReceived', occurredAt: at, data: { requestId, unitId, answer: answer.trim(), on } }];
    }
    case 'SubmitProgressReport': {
      const unit = findActiveUnit(state, command.data.unitId)!;
      const dueAt = progressReportDueAt(unit, command.data.month, state.policy);
      return [
        {
          type: 'ProgressReportSubmitted',
          occurredAt: at,
          data: {
            unitId: unit.unitId,
            month: command.data.month,
            progress: command.data.progress.trim(),
            dueAt,
            late: Date.parse(at) > Date.parse(dueAt),
            reportsTo: unit.role === 'co' ? 'lead' : 'office',
          },
        },
      ];
    }
    case 'RecordMissedProgressReport': {
      const unit = findActiveUnit(state, command.data.unitId);
      if (!unit) return [];
      // Only the month the plan names, and only while it is still owed (a report or a reply may have come first).
      const next = nextProgressReport(unit, state);
      if (!next || next.month !== command.data.month || Date.parse(next.dueAt) > Date.parse(at)) return [];
      return [
        {
          type: 'ProgressReportMissed',
          occurredAt: next.dueAt,
          data: {
            unitId: unit.unitId,
            month: next.month,
            dueAt: next.dueAt,
            reportsTo: unit.role === 'co' ? 'lead' : 'office',
            ...(unit.role === 'co' ? { leadUnitIds: leadUnitIds(state) } : {}),
          },
        },
      ];
    }
  }
}

function updateUnit(state: ProposalState, unitId: string, f: (u: UnitAssignment) => UnitAssignment): ProposalState {
  return { ...state, units: state.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? f(u) : u)) };
}

/** evolve for the events of this file. */
export function evolveHandling(state: ProposalState, event: HandlingEvent): ProposalState {
  switch (event.type) {
    case 'CoUnitOpinionSubmitted': {
      const { opinion, late } = event.data;
      // The co-unit's part is its opinion: once given, the unit is done (its monthly reports stop);
      // it may still add to it, e.g. after the proposer sends the item back.
      return updateUnit(state, event.data.unitId, (u) => ({
        ...u,
        status: u.status === 'assigned' || u.status === 'handling' ? 'done' : u.status,
        coUnitOpinions: [...(u.coUnitOpinions ?? []), { opinion, submittedAt: event.occurredAt, late }],
      }));
    }
    case 'CoUnitOpinionOverdue':
      return updateUnit(state, event.data.unitId, (u) => ({ ...u, opinionOverdue: { dueAt: event.data.dueAt, at: event.occurredAt } }));
    case 'InstructionsRequested': {
      const { requestId, authority, matter } = event.data;
      return updateUnit(state, event.data.unitId, (u) => ({
        ...u,
        instructionRequests: [...(u.instructionRequests ?? []), { requestId, authority, matter, requestedAt: event.occurredAt }],
      }));
    }
    case 'InstructionsReceived': {
      const { requestId, answer, on } = event.data;
      return updateUnit(state, event.data.unitId, (u) => ({
        ...u,
        instructionRequests: (u.instructionRequests ?? []).map((r) => (r.requestId === requestId ? { ...r, answer: { answer, on, recordedAt: event.occurredAt } } : r)),
      }));
    }
    case 'ProgressReportSubmitted': {
      const { month, progress, dueAt, late } = event.data;
      return updateUnit(state, event.data.unitId, (u) => ({
        ...u,
        progressReports: [...(u.progressReports ?? []), { month, progress, dueAt, late, submittedAt: event.occurredAt }],
      }));
    }
    case 'ProgressReportMissed': {
      const { month, dueAt } = event.data;
      return updateUnit(state, event.data.unitId, (u) => ({ ...u, progressReportsMissed: [...(u.progressReportsMissed ?? []), { month, dueAt }] }));
    }
  }
}

// ---- timers ----------------------------------------------------------------------------------------------

/**
 * The timers of this file (see nextDeadline): a co-unit's opinion deadline, and each unit's next
 * monthly report. Each kind only when its flag is on (workflow patches, see TimerOptions).
 */
export function handlingTimers(
  state: ProposalState,
  opts: { coUnitOpinions?: boolean; progressReports?: boolean },
): Timer[] {
  const due: Timer[] = [];
  activeUnits(state).forEach((u, i) => {
    if (opts.coUnitOpinions && u.role === 'co' && u.opinionDue && !u.opinionOverdue && !u.coUnitOpinions?.length) {
      due.push({ at: u.opinionDue.dueAt, command: { type: 'RecordCoUnitOpinionOverdue', data: { unitId: u.unitId } }, order: [2, i, 0] });
    }
    if (opts.progressReports) {
      const next = nextProgressReport(u, state);
      if (next) due.push({ at: next.dueAt, command: { type: 'RecordMissedProgressReport', data: { unitId: u.unitId, month: next.month } }, order: [2, i, 1] });
    }
  });
  return due;
}
