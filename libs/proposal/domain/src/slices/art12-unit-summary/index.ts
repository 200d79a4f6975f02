/**
 * 总结工作 (Art. 12): a unit that handled two or more items in a year reviews and summarises its
 * work in writing to the office (建议提案处) once its handling of that year is done. The obligation
 * arises when the unit's last item of the year is done (archived); the summary is due a policy
 * period later (`unitSummaryPeriod`, 1 month), with a reminder before (`unitSummaryReminderBefore`,
 * 7 days) and an overdue finding when the deadline passes unsubmitted.
 *
 * Not an item's slice: the obligation belongs to the unit and the year, in its own stream
 * `unit-summary-<unitId>-<year>` run by its own workflow, so it has its own small state and
 * decider here (same rules of the game: commands in, past-tense events out, time passed in).
 */
import { parsePeriod, type Period } from '@jyta/calendar-domain';
import { DomainError, invalid } from '../../shared/errors';
import { shiftBy } from '../../shared/deadlines';
import { DEFAULT_POLICY, type Policy } from '../../shared/values';

export const UNIT_SUMMARY_STREAM_PREFIX = 'unit-summary-';
export const unitSummaryStreamId = (unitId: string, year: number) => `${UNIT_SUMMARY_STREAM_PREFIX}${unitId}-${year}`;
/** The unit and year of a unit-summary stream id (unit codes have no '-' followed by a year at the end). */
export function unitSummaryOfStream(streamId: string): { unitId: string; year: number } | undefined {
  const m = /^unit-summary-(.+)-(\d{4})$/.exec(streamId);
  return m ? { unitId: m[1], year: Number(m[2]) } : undefined;
}

/** Below this many items of a year a unit owes no summary (Art. 12: 2件以上). */
export const UNIT_SUMMARY_MIN_ITEMS = 2;
export const MAX_UNIT_SUMMARY = 50_000;

export type UnitSummaryCommand =
  /** The unit's items of the year are all done (from the follower of the event store); repeated when a later one is done. */
  | { type: 'RecordUnitItemsDone'; data: { unitId: string; year: number; items: number; lastDoneAt: string } }
  | { type: 'RemindUnitSummary'; data: { dueAt: string; remindAt: string } }
  | { type: 'RecordUnitSummaryOverdue'; data: { dueAt: string } }
  | { type: 'SubmitUnitSummary'; data: { text: string } };

export type UnitSummaryEvent =
  | { type: 'UnitSummaryOwed'; data: { unitId: string; year: number; items: number; lastDoneAt: string; dueAt: string } }
  | { type: 'UnitSummaryReminded'; data: { unitId: string; year: number; dueAt: string } }
  | { type: 'UnitSummaryOverdue'; data: { unitId: string; year: number; dueAt: string } }
  | { type: 'UnitSummarySubmitted'; data: { unitId: string; year: number; text: string; late: boolean } };
export type DecidedUnitSummaryEvent = UnitSummaryEvent & { occurredAt: string };

export interface UnitSummaryState {
  unitId?: string;
  year?: number;
  status: 'not_owed' | 'owed' | 'submitted';
  items?: number;
  lastDoneAt?: string;
  owedAt?: string;
  dueAt?: string;
  remindedAt?: string;
  overdueAt?: string;
  submittedAt?: string;
  text?: string;
  late?: boolean;
}

export const initialUnitSummaryState = (): UnitSummaryState => ({ status: 'not_owed' });

function period(raw: string | undefined, fallback: string): Period {
  try {
    return parsePeriod(raw ?? fallback);
  } catch {
    return parsePeriod(fallback);
  }
}

/** When the summary is due: the policy period after the last item was done. */
export const unitSummaryDueAt = (lastDoneAt: string, policy: Policy | undefined) =>
  shiftBy(lastDoneAt, period(policy?.unitSummaryPeriod, DEFAULT_POLICY.unitSummaryPeriod!), 1);

/** The checks of a command on this state (the workflow's update validator calls them). */
export function assertUnitSummaryAllowed(command: UnitSummaryCommand, state: UnitSummaryState): void {
  if (command.type !== 'SubmitUnitSummary') return;
  if (state.status === 'not_owed') throw new DomainError('UNIT_SUMMARY_NOT_OWED', '本单位该年度尚无须报送办理工作总结（第十二条：承办 2 件以上且全部办结后报送）', 409);
  if (state.status === 'submitted') throw new DomainError('UNIT_SUMMARY_SUBMITTED', `该年度办理工作总结已于 ${state.submittedAt?.slice(0, 10)} 报送`, 409);
  const text = command.data.text;
  if (typeof text !== 'string' || !text.trim()) throw invalid('text', '请填写办理工作总结');
  if (text.length > MAX_UNIT_SUMMARY) throw invalid('text', `总结最多 ${MAX_UNIT_SUMMARY} 字`);
}

/** Command + state (+ time, the policy in force) → events. Pure. */
export function decideUnitSummary(command: UnitSummaryCommand, state: UnitSummaryState, ctx: { now: string; policy?: Policy }): DecidedUnitSummaryEvent[] {
  assertUnitSummaryAllowed(command, state);
  const { unitId = '', year = 0 } = state;
  switch (command.type) {
    case 'RecordUnitItemsDone': {
      const d = command.data;
      if (d.items < UNIT_SUMMARY_MIN_ITEMS || state.status === 'submitted') return [];
      // The same news twice (a retried signal, a replayed follower) records nothing; a later last item moves the deadline.
      if (state.lastDoneAt && Date.parse(d.lastDoneAt) <= Date.parse(state.lastDoneAt) && d.items <= (state.items ?? 0)) return [];
      const dueAt = unitSummaryDueAt(d.lastDoneAt, ctx.policy);
      return [{ type: 'UnitSummaryOwed', occurredAt: ctx.now, data: { unitId: d.unitId, year: d.year, items: d.items, lastDoneAt: d.lastDoneAt, dueAt } }];
    }
    case 'RemindUnitSummary':
      if (state.status !== 'owed' || state.dueAt !== command.data.dueAt || state.remindedAt) return [];
      // Dated when it was due, as the items' reminders are (a timer that fired late under load is not a later reminder).
      return [{ type: 'UnitSummaryReminded', occurredAt: command.data.remindAt, data: { unitId, year, dueAt: command.data.dueAt } }];
    case 'RecordUnitSummaryOverdue':
      if (state.status !== 'owed' || state.dueAt !== command.data.dueAt || state.overdueAt) return [];
      return [{ type: 'UnitSummaryOverdue', occurredAt: command.data.dueAt, data: { unitId, year, dueAt: command.data.dueAt } }];
    case 'SubmitUnitSummary':
      return [
        {
          type: 'UnitSummarySubmitted',
          occurredAt: ctx.now,
          data: { unitId, year, text: command.data.text.trim(), late: !!state.dueAt && Date.parse(ctx.now) > Date.parse(state.dueAt) },
        },
      ];
  }
}

export function evolveUnitSummary(state: UnitSummaryState, event: DecidedUnitSummaryEvent): UnitSummaryState {
  switch (event.type) {
    case 'UnitSummaryOwed': {
      const { unitId, year, items, lastDoneAt, dueAt } = event.data;
      // A moved deadline asks for its own reminder and finding.
      return { unitId, year, status: 'owed', items, lastDoneAt, dueAt, owedAt: state.owedAt ?? event.occurredAt };
    }
    case 'UnitSummaryReminded':
      return { ...state, remindedAt: event.occurredAt };
    case 'UnitSummaryOverdue':
      return { ...state, overdueAt: event.occurredAt };
    case 'UnitSummarySubmitted':
      return { ...state, status: 'submitted', submittedAt: event.occurredAt, text: event.data.text, late: event.data.late };
    default:
      return state;
  }
}

/** The next timer of the obligation: the reminder before the deadline, then the overdue finding. */
export function nextUnitSummaryTimer(state: UnitSummaryState, policy: Policy | undefined): { at: string; command: UnitSummaryCommand } | undefined {
  if (state.status !== 'owed' || !state.dueAt) return undefined;
  const before = period(policy?.unitSummaryReminderBefore, DEFAULT_POLICY.unitSummaryReminderBefore!);
  const remindAt = shiftBy(state.dueAt, before, -1);
  if (!state.remindedAt && Date.parse(remindAt) > Date.parse(state.owedAt ?? state.dueAt)) return { at: remindAt, command: { type: 'RemindUnitSummary', data: { dueAt: state.dueAt, remindAt } } };
  if (!state.overdueAt) return { at: state.dueAt, command: { type: 'RecordUnitSummaryOverdue', data: { dueAt: state.dueAt } } };
  return undefined;
}
