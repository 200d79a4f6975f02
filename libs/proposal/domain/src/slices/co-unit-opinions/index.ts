/**
 * 会办意见 (Art. 6, SPEC §4.2): in `lead` mode each co-unit sends its opinion to the lead unit, by
 * the lead's reply deadline minus a lead time (policy, 30 days; set at assignment, see
 * shared/deadlines.ts); when that passes without an opinion the timer records it and both units
 * are reminded. A late opinion is still taken, marked late.
 */
import type { RecordCoUnitOpinionOverdue, SubmitCoUnitOpinion } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice, Timer } from '../../slice';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { activeUnits, findActiveUnit, leadUnitIds, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import type { ProposalState } from '../../shared/model';

export type { CoUnitOpinion } from './types';

export function assertCoUnitOpinionAllowed(command: SubmitCoUnitOpinion, state: ProposalState): void {
  switch (command.type) {
    case 'SubmitCoUnitOpinion': {
      const unit = requireActiveUnit(state, command.data.unitId);
      if (unit.role !== 'co') {
        throw new DomainError(ErrorCodes.NOT_CO_UNIT, '只有会办单位向主办单位提交会办意见；主办、单独或分别办理的单位直接答复', 409, { unitId: unit.unitId, role: unit.role });
      }
      if (!unit.signedAt) throw new DomainError(ErrorCodes.NOT_SIGNED, '请先签收再提交会办意见（第十七条）');
      if (typeof command.data.opinion !== 'string' || !command.data.opinion.trim()) throw invalid('opinion', '会办意见不能为空');
      return;
    }
  }
}

export function decideCoUnitOpinion(command: SubmitCoUnitOpinion | RecordCoUnitOpinionOverdue, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'SubmitCoUnitOpinion': {
      const unit = findActiveUnit(state, command.data.unitId)!;
      const late = !!unit.opinionOverdue || (!!unit.opinionDue && Date.parse(at) >= Date.parse(unit.opinionDue.dueAt));
      return [
        {
          type: 'CoUnitOpinionSubmitted',
          occurredAt: at,
          data: { unitId: unit.unitId, opinion: command.data.opinion.trim(), late, leadUnitIds: leadUnitIds(state) },
        },
      ];
    }
    case 'RecordCoUnitOpinionOverdue': {
      const unit = findActiveUnit(state, command.data.unitId);
      // Given in time, already recorded, or the unit left: nothing to record (a timer may fire twice around a change).
      if (!unit || unit.role !== 'co' || !unit.opinionDue || unit.opinionOverdue || unit.coUnitOpinions?.length) return [];
      const dueAt = unit.opinionDue.dueAt;
      return [{ type: 'CoUnitOpinionOverdue', occurredAt: dueAt, data: { unitId: unit.unitId, dueAt, leadUnitIds: leadUnitIds(state) } }];
    }
  }
}

export function evolveCoUnitOpinion(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
    case 'CoUnitOpinionSubmitted': {
      const { opinion, late } = event.data;
      // The co-unit's part is its opinion: once given, the unit is done (its monthly reports stop);
      // it may still add to it, e.g. after the proposer sends the item back.
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        status: u.status === 'assigned' || u.status === 'handling' ? 'done' : u.status,
        coUnitOpinions: [...(u.coUnitOpinions ?? []), { opinion, submittedAt: event.occurredAt, late }],
      }));
    }
    case 'CoUnitOpinionOverdue':
      return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, opinionOverdue: { dueAt: event.data.dueAt, at: event.occurredAt } }));
    default:
      return undefined;
  }
}

/** A co-unit's opinion deadline, when its flag is on (workflow patch, see TimerOptions). */
export function coUnitOpinionTimers(state: ProposalState, opts: { coUnitOpinions?: boolean }): Timer[] {
  const due: Timer[] = [];
  activeUnits(state).forEach((u, i) => {
    if (opts.coUnitOpinions && u.role === 'co' && u.opinionDue && !u.opinionOverdue && !u.coUnitOpinions?.length) {
      due.push({ at: u.opinionDue.dueAt, command: { type: 'RecordCoUnitOpinionOverdue', data: { unitId: u.unitId } }, order: [2, i, 0] });
    }
  });
  return due;
}

export const coUnitOpinionSlice: Slice = {
  name: 'co-unit-opinions',
  articles: ['第六条（会同办理）'],
  commands: ['SubmitCoUnitOpinion', 'RecordCoUnitOpinionOverdue'],
  events: ['CoUnitOpinionSubmitted', 'CoUnitOpinionOverdue'],
  assert(command, state) {
    if (command.type === 'SubmitCoUnitOpinion') assertCoUnitOpinionAllowed(command, state);
  },
  decide: (command, state, ctx) =>
    command.type === 'SubmitCoUnitOpinion' || command.type === 'RecordCoUnitOpinionOverdue' ? decideCoUnitOpinion(command, state, ctx.now) : [],
  evolve: (state, event) => evolveCoUnitOpinion(state, event) ?? state,
  timers: (state, opts) => coUnitOpinionTimers(state, opts),
};
