/**
 * assertAllowed / decide / evolve / nextDeadline / contextNeeds / effectsOf over the registry:
 * every command goes to the slice that owns it (no switch per type here); the slices' guards,
 * claims and amendments let one article's rule reach another's command without the slices
 * importing each other.
 */
import type { ProposalCommand } from './commands';
import type { DecidedEvent } from './events';
import { byCommand, byEvent, SLICES } from './registry';
import { DomainError, ErrorCodes } from './shared/errors';
import type { ContextFlags, ContextNeeds, DecideContext, Effect, Slice, Timer, TimerOptions } from './slice';
import { initialState, type ProposalState } from './state';

export type { ContextFlags, ContextNeeds, Effect, TimerOptions } from './slice';

/** Not changes of the handling: publication (Art. 20) and the vice mayor's reading (Art. 9) mostly come after archiving. */
export const AFTER_ARCHIVE: ReadonlySet<ProposalCommand['type']> = new Set([
  'ChooseDisclosure',
  'ReadSatisfiedReply',
  // A category B reply's promise outlives the handling (b-promises): its follow-ups and reports go on.
  'RequestPromiseFollowUp',
  'ReportPromiseProgress',
]);

function owner(type: ProposalCommand['type']): Slice {
  const slice = byCommand.get(type);
  if (!slice) throw new Error(`no slice decides ${type}`);
  return slice;
}

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
  for (const s of SLICES) s.guards?.before?.(command, state, now);
  owner(command.type).assert?.(command, state, now);
  for (const s of SLICES) s.guards?.after?.(command, state, now);
}

/** decide: command + state (+ time, policy, calendar) → new events. Pure. */
export function decide(command: ProposalCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  assertAllowed(command, state, ctx.now);
  const slice = SLICES.find((s) => s.claims?.(command, state)) ?? owner(command.type);
  const events = slice.decide(command, state, ctx);
  return SLICES.reduce((es, s) => (s.amend ? s.amend(command, state, es, ctx) : es), events);
}

/** evolve: state + event → state. Pure; the only way state changes. */
export function evolve(state: ProposalState, event: DecidedEvent): ProposalState {
  const slice = byEvent.get(event.type);
  return slice ? slice.evolve(state, event) : state;
}

export const fold = (events: DecidedEvent[], from: ProposalState = initialState()) => events.reduce(evolve, from);

/** Timers due at the same instant keep their historical order (see Timer.order). */
function earlier(a: Timer, b: Timer): boolean {
  const d = Date.parse(a.at) - Date.parse(b.at);
  if (d !== 0) return d < 0;
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
    const x = a.order[i] ?? -1;
    const y = b.order[i] ?? -1;
    if (x !== y) return x < y;
  }
  return false;
}

/** The next timer the item must wake up for, if any. */
export function nextDeadline(
  state: ProposalState,
  opts: TimerOptions = { replyDeadlines: true, reminders: true },
): { at: string; command: ProposalCommand } | undefined {
  // An archived item runs only the timers that outlive the handling (a promise's follow-ups).
  const archived = state.status === 'archived';
  let next: Timer | undefined;
  for (const s of SLICES) {
    if (archived && !s.runsAfterArchive) continue;
    for (const t of s.timers?.(state, opts) ?? []) if (!next || earlier(t, next)) next = t;
  }
  return next && { at: next.at, command: next.command };
}

/**
 * What decide() needs besides the state for this command (what the workflow fetches first): its
 * own slice's needs, and those of the slices that amend its events (a send-back's re-handling
 * deadline needs the calendar). `flags` as in the DecideContext the command will be decided with.
 */
export function contextNeeds(command: ProposalCommand, now: string, flags: ContextFlags = {}): ContextNeeds {
  const own = byCommand.get(command.type);
  return SLICES.filter((s) => s !== own && s.amend).reduce(
    (needs, s) => joinNeeds(needs, s.contextNeeds?.(command, now, flags) ?? {}),
    own?.contextNeeds?.(command, now, flags) ?? {},
  );
}

function joinNeeds(a: ContextNeeds, b: ContextNeeds): ContextNeeds {
  const calendar =
    a.calendar && b.calendar
      ? { fromYear: Math.min(a.calendar.fromYear, b.calendar.fromYear), toYear: Math.max(a.calendar.toYear, b.calendar.toYear) }
      : (a.calendar ?? b.calendar);
  const policy = a.policy || b.policy;
  const number = a.number ?? b.number;
  return { ...(policy ? { policy } : {}), ...(number ? { number } : {}), ...(calendar ? { calendar } : {}) };
}

/** Effects of events just stored, carried out by the workflow in this order; `state` is the state after them. */
export function effectsOf(events: DecidedEvent[], state: ProposalState): Effect[] {
  return events.flatMap((e) => SLICES.flatMap((s) => s.effects?.(e, state) ?? []));
}
