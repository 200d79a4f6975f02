/** 节假日安排调整 (SPEC §5): after the holiday calendar is amended, running deadlines are counted again (recompute.ts). */
import type { Slice } from '../../slice';
import { assertRecomputeAllowed, decideRecompute, evolveRecompute, recomputeCalendarYears } from './recompute';

export * from './recompute';
export * from './types';

export const recomputeSlice: Slice = {
  name: 'calendar-recompute',
  articles: [],
  commands: ['RecomputeDeadlines'],
  events: ['DeadlinesRecomputed'],
  assert(command) {
    if (command.type === 'RecomputeDeadlines') assertRecomputeAllowed(command);
  },
  decide: (command, state, ctx) => (command.type === 'RecomputeDeadlines' ? decideRecompute(command, state, ctx) : []),
  evolve: (state, event) => (event.type === 'DeadlinesRecomputed' ? evolveRecompute(state, event) : state),
  // Every year a running deadline may count through (see recomputeCalendarYears).
  contextNeeds: (command, now) => (command.type === 'RecomputeDeadlines' ? { calendar: recomputeCalendarYears(now) } : {}),
};
