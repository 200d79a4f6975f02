/**
 * What the decider needs besides the item's state, read here with the command and sent in its
 * envelope (CommandContext): the workflow then runs no local activity for it. A few short
 * queries in the API cost less than a round trip through the worker's workflow thread, the core
 * and an activity per piece (docs/benchmarks.md, "Where a command's time and CPU go").
 */
import type { Pool } from 'pg';
import { loadCalendar } from '@jyta/calendar-data-access';
import { contextNeeds, type ProposalCommand } from '@jyta/proposal-domain';
import { currentPolicy } from '@jyta/proposal-registry';
import type { CommandContext } from '@jyta/workflows';

export async function commandContext(pool: Pool, command: ProposalCommand, now = new Date().toISOString()): Promise<CommandContext | undefined> {
  // As a new run decides: with every patch in force.
  const needs = contextNeeds(command, now, { rehandlingDeadlines: true });
  if (!needs.policy && !needs.calendar) return undefined;
  const [policy, days] = await Promise.all([
    needs.policy ? currentPolicy(pool) : undefined,
    needs.calendar ? loadCalendar(pool, needs.calendar.fromYear, needs.calendar.toYear) : undefined,
  ]);
  return {
    ...(policy ? { policy } : {}),
    ...(days && needs.calendar ? { calendar: { ...needs.calendar, days } } : {}),
  };
}
