/**
 * The handling steps beside the reply as @jyta/proposal-domain exported them before the slices:
 * 请示 (art05-instructions), 会办意见 (co-unit-opinions), 督办台账 (progress-reports) behind one
 * entry. Public API only; the decider goes through the registry.
 */
import type {
  DecideContext,
  RecordCoUnitOpinionOverdue,
  RecordInstructions,
  RecordMissedProgressReport,
  RequestInstructions,
  SubmitCoUnitOpinion,
  SubmitProgressReport,
} from './commands';
import type { DecidedEvent } from './events';
import type { Timer } from './slice';
import { assertInstructionsAllowed, decideInstructions, evolveInstructions } from './slices/art05-instructions';
import { assertCoUnitOpinionAllowed, coUnitOpinionTimers, decideCoUnitOpinion, evolveCoUnitOpinion } from './slices/co-unit-opinions';
import { assertProgressReportAllowed, decideProgressReport, evolveProgressReport, progressReportTimers } from './slices/progress-reports';
import type { ProposalState } from './state';

export type HandlingCommand = SubmitCoUnitOpinion | RecordCoUnitOpinionOverdue | RequestInstructions | RecordInstructions | SubmitProgressReport | RecordMissedProgressReport;
export type HandlingEvent = Extract<
  DecidedEvent,
  { type: 'CoUnitOpinionSubmitted' | 'CoUnitOpinionOverdue' | 'InstructionsRequested' | 'InstructionsReceived' | 'ProgressReportSubmitted' | 'ProgressReportMissed' }
>;

export function assertHandlingAllowed(command: HandlingCommand, state: ProposalState, now: string): void {
  switch (command.type) {
    case 'SubmitCoUnitOpinion':
      return assertCoUnitOpinionAllowed(command, state);
    case 'RequestInstructions':
    case 'RecordInstructions':
      return assertInstructionsAllowed(command, state, now);
    case 'SubmitProgressReport':
      return assertProgressReportAllowed(command, state, now);
    default:
      return;
  }
}

export function decideHandling(command: HandlingCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  switch (command.type) {
    case 'SubmitCoUnitOpinion':
    case 'RecordCoUnitOpinionOverdue':
      return decideCoUnitOpinion(command, state, ctx.now);
    case 'RequestInstructions':
    case 'RecordInstructions':
      return decideInstructions(command, ctx.now);
    default:
      return decideProgressReport(command, state, ctx.now);
  }
}

/** evolve for the events of these steps. */
export function evolveHandling(state: ProposalState, event: HandlingEvent): ProposalState {
  return evolveCoUnitOpinion(state, event) ?? evolveInstructions(state, event) ?? evolveProgressReport(state, event) ?? state;
}

/** The timers of these steps, per unit in order: a co-unit's opinion deadline, then its next monthly report. */
export function handlingTimers(state: ProposalState, opts: { coUnitOpinions?: boolean; progressReports?: boolean }): Timer[] {
  const due = [...coUnitOpinionTimers(state, opts), ...progressReportTimers(state, opts)];
  return due.sort((a, b) => a.order[1] - b.order[1] || a.order[2] - b.order[2]);
}
