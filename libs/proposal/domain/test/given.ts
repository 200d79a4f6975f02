/** given / when / then helpers shared by the decider's specs (time and calendar are fixed). */
import type { HolidayCalendar } from '@jyta/calendar-domain';
import { decide, DEFAULT_POLICY, DomainError, evolve, initialState, type ProposalCommand, type ProposalState } from '../src/index';

export const calendar: HolidayCalendar = { coveredYears: [2026, 2027], overrides: [] };
export const NOW = '2026-11-23T02:00:00.000Z'; // 10:00 in Shanghai
export const ctx = { now: NOW, policy: DEFAULT_POLICY, calendar };

/** Decides a command and folds its events into the state. */
export const apply = (s: ProposalState, c: ProposalCommand, now = NOW) => decide(c, s, { ...ctx, now }).reduce(evolve, s);
/** The state after these commands, from scratch. */
export const given = (...cs: ProposalCommand[]) => cs.reduce((s, c) => apply(s, c), initialState());

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
