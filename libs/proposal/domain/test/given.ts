/**
 * The one helper every spec of the domain uses (time and calendar are fixed):
 *
 *   given([registered, assigned]).when(requestReturn).then([returnRequested])
 *   given([registered, assigned]).when(requestReturn, { now: later }).thenFails('RETURN_WINDOW_CLOSED')
 *
 * `given` takes past events (the Emmett way) and folds them (`eventsOf(...commands)` builds such a past);
 * `given(state)` starts from a state a spec built step by step; `given(...commands)` (the older form)
 * decides and folds commands into a state. Shared fixtures: `calendar`, `NOW`, `ctx`, `register`,
 * `registerWith`, `assignTwo`, `registered`, `assigned`, `at`.
 */
import type { HolidayCalendar } from '@jyta/calendar-domain';
import {
  decide,
  DEFAULT_POLICY,
  DomainError,
  evolve,
  fold,
  initialState,
  type DecideContext,
  type DecidedEvent,
  type ProposalCommand,
  type ProposalState,
} from '../src/index';

/** 2026 and 2027, with the 2026 National Day holidays (so a count that crosses them is checked too). */
export const calendar: HolidayCalendar = {
  coveredYears: [2026, 2027],
  overrides: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, kind: 'holiday' as const, name: '国庆节' })),
};
export const NOW = '2026-11-23T02:00:00.000Z'; // 10:00 in Shanghai
export const ctx = { now: NOW, policy: DEFAULT_POLICY, calendar };

/** Decides a command and folds its events into the state. */
export const apply = (s: ProposalState, c: ProposalCommand, now = NOW) => decide(c, s, { ...ctx, now }).reduce(evolve, s);

/** The DomainError `f` throws, as {code, status, details}; fails if it throws nothing. */
export function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, status: e.status, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal');
}

export interface When {
  /** The events decided: exactly these (or checked by a function of them). */
  then(expected: DecidedEvent[] | ((events: DecidedEvent[], state: ProposalState) => void)): DecidedEvent[];
  /** The command is refused with this code (and, if given, a refusal matching `partial`: status, details). */
  thenFails(code: string, partial?: { status?: number; details?: Record<string, unknown> }): void;
  /** The state after the decided events. */
  readonly state: ProposalState;
}

export interface Given {
  readonly state: ProposalState;
  when(command: ProposalCommand, opts?: Partial<DecideContext>): When;
}

function scenario(state: ProposalState): Given {
  return {
    state,
    when(command, opts = {}) {
      const run = () => decide(command, state, { ...ctx, ...opts });
      return {
        then(expected) {
          const events = run();
          if (typeof expected === 'function') expected(events, events.reduce(evolve, state));
          else expect(events).toEqual(expected);
          return events;
        },
        thenFails(code, partial = {}) {
          expect(refusal(run)).toMatchObject({ code, ...partial });
        },
        get state() {
          return run().reduce(evolve, state);
        },
      };
    },
  };
}

/** given(events): the item after these events, ready for `.when(command)`. */
export function given(events: DecidedEvent[]): Given;
/** given(state): the item in this state (one a spec built step by step), ready for `.when(command)`. */
export function given(state: ProposalState): Given;
/** given(...commands): the state after deciding these commands from scratch (older form). */
export function given(...commands: ProposalCommand[]): ProposalState;
export function given(...args: [DecidedEvent[]] | [ProposalState] | ProposalCommand[]): Given | ProposalState {
  const [first] = args;
  if (Array.isArray(first)) return scenario(fold(first));
  // A command always has a `type`; a state never has one.
  if (first && !('type' in first)) return scenario(first);
  return (args as ProposalCommand[]).reduce((s, c) => apply(s, c), initialState());
}

/** The events these commands decide from scratch (for building the past of a spec). */
export function eventsOf(...commands: ProposalCommand[]): DecidedEvent[] {
  const out: DecidedEvent[] = [];
  let s = initialState();
  for (const c of commands) {
    const es = decide(c, s, ctx);
    out.push(...es);
    s = es.reduce(evolve, s);
  }
  return out;
}

// ---- the facts most specs start from ----------------------------------------------------------------

export const at = (day: string, time = '02:00:00.000Z') => `${day}T${time}`;

/** The item most specs handle: a municipal deputy's suggestion. */
const suggestion: Extract<ProposalCommand, { type: 'RegisterProposal' }>['data'] & { number: string } = {
  proposalId: '7b0d0c52-3f0f-4d43-9d39-8d3f4b1f6a01',
  number: '2026-建议-0001',
  kind: 'npc_suggestion',
  level: 'municipal',
  sessionYear: 2026,
  period: 'plenary',
  title: '关于加强老旧小区加装电梯的建议',
  content: '……',
  proposers: [{ name: '王晓明', delegation: '金水区代表团' }],
};

/** The command that registers that item, with these fields changed. */
export const registerWith = (overrides: Partial<Extract<ProposalCommand, { type: 'RegisterProposal' }>['data']> = {}): ProposalCommand => ({
  type: 'RegisterProposal',
  data: { ...suggestion, proposers: [...suggestion.proposers], ...overrides },
});
/** The command that registers that item (the ProposalRegistered of `registered()`, decided at NOW). */
export const register: ProposalCommand = registerWith();

/** Assigns the item to 城建局 (lead) and 政府办 (co-unit) on `assignedOn`. */
export const assignTwo = (assignedOn = '2026-11-20'): ProposalCommand => ({
  type: 'AssignProposal',
  data: { mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn },
});

export const registered = (overrides: Partial<Extract<DecidedEvent, { type: 'ProposalRegistered' }>['data']> = {}, on = '2026-11-20'): DecidedEvent => ({
  type: 'ProposalRegistered',
  occurredAt: at(on, '01:00:00.000Z'),
  data: {
    ...suggestion,
    proposers: [...suggestion.proposers],
    key: false,
    major: false,
    urgent: false,
    policy: DEFAULT_POLICY,
    ...overrides,
  },
});

/** The ProposalAssigned event an AssignProposal of these units on `assignedOn` decides (deadlines computed, not typed). */
export function assigned(data: Extract<ProposalCommand, { type: 'AssignProposal' }>['data'], past: DecidedEvent[] = [registered()]): DecidedEvent {
  const [e] = decide({ type: 'AssignProposal', data }, fold(past), { ...ctx, now: at(data.assignedOn) });
  return e;
}
