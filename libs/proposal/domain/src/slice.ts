/**
 * The one shape every slice fills (STYLE "The domain, one slice per article"). A slice owns the
 * commands and events of one article or feature: its checks, its decisions, how its events fold
 * into the state, its timers and the effects of its events. The registry puts the slices in one
 * table; the decider runs a command through it. Slices import this file, the shared module and
 * the calendar — never another slice, never the registry.
 */
import type { DecideContext, ProposalCommand, ProposalCommandType } from './commands';
import type { DecidedEvent } from './events';
import type { ProposalKind } from './shared/values';
import type { ProposalState } from './state';

export type { DecideContext, ProposalCommand, ProposalCommandType } from './commands';
export type { DecidedEvent } from './events';
export type { ProposalState } from './state';

export type EventType = DecidedEvent['type'];
export type CommandOf<T extends ProposalCommandType> = Extract<ProposalCommand, { type: T }>;
export type EventOf<T extends EventType> = Extract<DecidedEvent, { type: T }>;

/** What the item's workflow must fetch before deciding a command. */
export interface ContextNeeds {
  /** The policy in force now (registration keeps it for the item's life). */
  policy?: boolean;
  /** A number to allocate (yearly per kind). */
  number?: { year: number; kind: ProposalKind };
  /** The holiday calendar of these years. */
  calendar?: { fromYear: number; toYear: number };
}

/** The switches of DecideContext that change what a command needs (see DecideContext). */
export type ContextFlags = Pick<DecideContext, 'rehandlingDeadlines'>;

/** A side effect of stored events, carried out by the workflow in this order. */
export type Effect =
  /** The feedback form's secret link (Art. 11), kept outside the events. */
  | {
      type: 'IssueFeedbackToken';
      replyId: string;
      proposerUsername: string | null;
      /** The proposer the office designated (their place in the list), chosen before the lead's fallbacks. */
      designee?: number;
      /** Issue again after a designation: a new token replaces the old, which stops working. */
      reissue?: boolean;
    }
  /**
   * A command for another item's workflow (e.g. items handled together, 并案), delivered by a
   * durable signal; the other item decides it under its own rules and lock.
   */
  | { type: 'ForwardCommand'; proposalId: string; command: ProposalCommand };

export interface TimerOptions {
  /** Reply deadlines (Art. 19) run timers; off only when replaying items started before they existed. */
  replyDeadlines?: boolean;
  /** Reminders (催办) run timers; likewise. */
  reminders?: boolean;
  /** Co-units' opinion deadlines (SPEC §4.2) run timers; off unless set (callers that predate them keep their plans). */
  coUnitOpinions?: boolean;
  /** Monthly progress reports (SPEC §4.3) run timers; off unless set, likewise. */
  progressReports?: boolean;
  /** Reminders escalated to the leader in charge and the supervisors (escalation) run timers; off unless set. */
  escalation?: boolean;
  /** Follow-ups of category B promises (b-promises) run timers, also after archiving; off unless set. */
  promiseFollowUps?: boolean;
}

/**
 * A timer the item must wake up for: at `at`, decide `command`. `order` ranks timers due at the
 * same instant (compared element by element): the item decides them in the order it always has,
 * so recorded histories replay — [0, i] feedback periods, [1, unit, 0|1|2] a unit's reminder,
 * return window, reply deadline, [2, unit, 0|1] a co-unit's opinion, a unit's monthly report,
 * [1, unit, 3] an escalated reminder, [3, reply] a promise's follow-up.
 */
export interface Timer {
  at: string;
  command: ProposalCommand;
  order: readonly number[];
}

/** A check of commands the slice does not own (e.g. 并案: a merged item takes no step of its own). */
export type Guard = (command: ProposalCommand, state: ProposalState, now: string) => void;

export interface Slice {
  /** The folder, e.g. 'art07-return'. */
  name: string;
  /** The articles of the regulation it implements, e.g. ['第七条']; none for features without one. */
  articles: readonly string[];
  /** The commands it owns (decides). */
  commands: readonly ProposalCommandType[];
  /** The events it owns (folds). */
  events: readonly EventType[];
  /** Checks of its own commands on this state, without the calendar (the workflow's validators call them). */
  assert?(command: ProposalCommand, state: ProposalState, now: string): void;
  /** Its timers go on after the item is archived (a promise outlives the handling); others stop there. */
  runsAfterArchive?: boolean;
  /** Its own commands → new events. Pure; called after assert. */
  decide(command: ProposalCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[];
  /** Its own events → state. Pure. */
  evolve(state: ProposalState, event: DecidedEvent): ProposalState;
  /** Checks it adds to other slices' commands: `before` theirs, or `after` them. */
  guards?: { before?: Guard; after?: Guard };
  /** A command of another slice it decides instead on this state (e.g. a reply's government document in review). */
  claims?(command: ProposalCommand, state: ProposalState): boolean;
  /** Events another slice decided, amended by this one (e.g. 并案: a sent reply is copied to the merged items). */
  amend?(command: ProposalCommand, state: ProposalState, events: DecidedEvent[], ctx: DecideContext): DecidedEvent[];
  /** The timers its rules run on this state (planning only: pure). */
  timers?(state: ProposalState, opts: TimerOptions): Timer[];
  /** Effects of one stored event; `state` is the state after the events. */
  effects?(event: DecidedEvent, state: ProposalState): Effect[];
  /** What decide() needs besides the state for one of its commands (or for one it amends). */
  contextNeeds?(command: ProposalCommand, now: string, flags: ContextFlags): ContextNeeds;
}
