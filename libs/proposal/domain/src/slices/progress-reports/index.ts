/**
 * 督办台账 (Art. 8, SPEC §4.3): monthly progress reports — co-units to the lead by the 22nd, the
 * other units to the office by the 25th (policy). A missed month is a supervision finding recorded
 * by the timer, never a blocker.
 */
import { shanghaiDate } from '@jyta/calendar-domain';
import type { RecordMissedProgressReport, SubmitProgressReport } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice, Timer } from '../../slice';
import { addMonths, dayOfMonth, endOfShanghaiDay, monthOf, MONTH, safePeriod } from '../../shared/deadlines';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { activeUnits, findActiveUnit, leadUnitIds, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import { DEFAULT_POLICY, type Policy, type ProposalState, type UnitAssignment } from '../../shared/model';

export type { MissedProgressReport, ProgressReport } from './types';


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

export function assertProgressReportAllowed(command: SubmitProgressReport, state: ProposalState, now: string): void {
  switch (command.type) {
    case 'SubmitProgressReport': {
      const d = command.data;
      const unit = requireActiveUnit(state, d.unitId);
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
  }
}

export function decideProgressReport(command: SubmitProgressReport | RecordMissedProgressReport, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
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

export function evolveProgressReport(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
    case 'ProgressReportSubmitted': {
      const { month, progress, dueAt, late } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        progressReports: [...(u.progressReports ?? []), { month, progress, dueAt, late, submittedAt: event.occurredAt }],
      }));
    }
    case 'ProgressReportMissed': {
      const { month, dueAt } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, progressReportsMissed: [...(u.progressReportsMissed ?? []), { month, dueAt }] }));
    }
    default:
      return undefined;
  }
}

/** Each unit's next monthly report, when its flag is on (workflow patch, see TimerOptions). */
export function progressReportTimers(state: ProposalState, opts: { progressReports?: boolean }): Timer[] {
  const due: Timer[] = [];
  activeUnits(state).forEach((u, i) => {
    if (opts.progressReports) {
      const next = nextProgressReport(u, state);
      if (next) due.push({ at: next.dueAt, command: { type: 'RecordMissedProgressReport', data: { unitId: u.unitId, month: next.month } }, order: [2, i, 1] });
    }
  });
  return due;
}

export const progressReportSlice: Slice = {
  name: 'progress-reports',
  articles: ['第八条'],
  commands: ['SubmitProgressReport', 'RecordMissedProgressReport'],
  events: ['ProgressReportSubmitted', 'ProgressReportMissed'],
  assert(command, state, now) {
    if (command.type === 'SubmitProgressReport') assertProgressReportAllowed(command, state, now);
  },
  decide: (command, state, ctx) =>
    command.type === 'SubmitProgressReport' || command.type === 'RecordMissedProgressReport' ? decideProgressReport(command, state, ctx.now) : [],
  evolve: (state, event) => evolveProgressReport(state, event) ?? state,
  timers: (state, opts) => progressReportTimers(state, opts),
};
