/**
 * While a unit handles the item: 请示 (Art. 5: no reply beyond one's powers while a request for
 * instructions is unanswered), 会办意见 (Art. 6: co-units send their opinion to the lead, SPEC §4.2)
 * and the monthly progress reports of the 督办台账 (Art. 8, SPEC §4.3). The rules are in handling.ts.
 */
import type { Slice } from '../../slice';
import { findReply } from '../../shared/queries';
import { assertHandlingAllowed, assertInstructionsAnswered, decideHandling, evolveHandling, handlingTimers, type HandlingCommand, type HandlingEvent } from './handling';

export * from './handling';
export * from './types';

const COMMANDS = ['SubmitCoUnitOpinion', 'RecordCoUnitOpinionOverdue', 'RequestInstructions', 'RecordInstructions', 'SubmitProgressReport', 'RecordMissedProgressReport'] as const;
const EVENTS = ['CoUnitOpinionSubmitted', 'CoUnitOpinionOverdue', 'InstructionsRequested', 'InstructionsReceived', 'ProgressReportSubmitted', 'ProgressReportMissed'] as const;
const isHandlingCommand = (c: { type: string }): c is HandlingCommand => (COMMANDS as readonly string[]).includes(c.type);
const isHandlingEvent = (e: { type: string }): e is HandlingEvent => (EVENTS as readonly string[]).includes(e.type);

export const handlingSlice: Slice = {
  name: 'art05-art08-handling',
  articles: ['第五条', '第六条（会办）', '第八条'],
  commands: COMMANDS,
  events: EVENTS,
  assert(command, state, now) {
    if (isHandlingCommand(command)) assertHandlingAllowed(command, state, now);
  },
  guards: {
    // Art. 5 (不得越权答复), before the reply's own checks: no reply is drafted or sent while the
    // unit's (or, for a lead, a co-unit's) request for instructions is unanswered.
    before(command, state) {
      if (command.type === 'DraftReply') assertInstructionsAnswered(command.data.unitId, state);
      if (command.type === 'SendReply') assertInstructionsAnswered(findReply(state, command.data.replyId)?.unitId, state);
    },
  },
  decide: (command, state, ctx) => (isHandlingCommand(command) ? decideHandling(command, state, ctx) : []),
  evolve: (state, event) => (isHandlingEvent(event) ? evolveHandling(state, event) : state),
  timers: (state, opts) => handlingTimers(state, opts),
};
