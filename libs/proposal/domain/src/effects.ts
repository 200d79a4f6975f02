/**
 * What the item's workflow must fetch before deciding a command, and what it must do after the
 * events are stored. Kept here, beside the decider, so that a new command or event never needs a
 * change to the workflow shell: the workflow only carries these plans out.
 */
import type { ProposalCommand } from './commands';
import type { DecidedEvent } from './events';
import type { ProposalState } from './model';
import { recomputeCalendarYears } from './recompute';
import { mergingContextNeeds, mergingEffects } from './merging';

export interface ContextNeeds {
  /** The policy in force now (registration keeps it for the item's life). */
  policy?: boolean;
  /** A number to allocate (yearly per kind). */
  number?: { year: number; kind: import('./model').ProposalKind };
  /** The holiday calendar of these years. */
  calendar?: { fromYear: number; toYear: number };
}

/** What decide() needs besides the state for this command. */
export function contextNeeds(command: ProposalCommand, now: string): ContextNeeds {
  switch (command.type) {
    case 'RegisterProposal':
      return {
        policy: true,
        ...(command.data.number ? {} : { number: { year: command.data.sessionYear, kind: command.data.kind } }),
      };
    case 'AssignProposal': {
      // A reply period of months may run into the next year.
      const year = Number(command.data.assignedOn.slice(0, 4));
      return { calendar: { fromYear: year, toYear: year + 1 } };
    }
    case 'SendReply': {
      const year = Number(now.slice(0, 4));
      return { calendar: { fromYear: year, toYear: year + 1 } };
    }
    case 'RecomputeDeadlines':
      // Every year a running deadline may count through (see recomputeCalendarYears).
      return { calendar: recomputeCalendarYears(now) };
    case 'ReceiveMergedReply':
      // 并案办理: a merged item's copy has its own feedback deadline (merging.ts).
      return mergingContextNeeds(command);
    default:
      return {};
  }
}

/** A side effect of stored events, carried out by the workflow in this order. */
export type Effect =
  /** The feedback form's secret link (Art. 11), kept outside the events. */
  | { type: 'IssueFeedbackToken'; replyId: string; proposerUsername: string | null }
  /**
   * A command for another item's workflow (e.g. items handled together, 并案), delivered by a
   * durable signal; the other item decides it under its own rules and lock.
   */
  | { type: 'ForwardCommand'; proposalId: string; command: ProposalCommand };

/** Effects of events just stored; `state` is the state after them. */
export function effectsOf(events: DecidedEvent[], state: ProposalState): Effect[] {
  const effects: Effect[] = [];
  for (const e of events) {
    // The form's link goes to the first-named proposer (领衔人).
    // A provincial/national item's opinion goes to the proposer with the form too (Art. 10, 11).
    if (e.type === 'ReplySent' || e.type === 'OpinionSentToProposer') {
      effects.push({ type: 'IssueFeedbackToken', replyId: e.data.replyId, proposerUsername: state.details?.proposers[0]?.username ?? null });
    }
    // 并案办理: copies to merged items, their own forms, send-backs and completion to the main item (merging.ts).
    effects.push(...mergingEffects(e, state));
  }
  return effects;
}
