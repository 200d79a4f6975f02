/**
 * 请示 (Art. 5): a matter within a higher government's or department's authority needs a recorded
 * request for instructions, answered, before the reply (不得越权答复). Its guard holds back
 * DraftReply and SendReply while a request is unanswered.
 */
import { shanghaiDate } from '@jyta/calendar-domain';
import type { RecordInstructions, RequestInstructions } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice } from '../../slice';
import { isDate } from '../../shared/deadlines';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { activeUnits, findActiveUnit, findReply, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import type { ProposalState, UnitAssignment } from '../../shared/model';

export type { InstructionRequest } from './types';


const pendingOf = (u: UnitAssignment) => (u.instructionRequests ?? []).filter((r) => !r.answer);

/**
 * Art. 5: a matter within a higher authority's powers is answered only after the request for
 * instructions is answered (不得越权答复). Checked before a unit drafts or sends its reply. A
 * lead unit also waits for its co-units' requests: its reply carries their opinions, so it
 * would answer their matter before the higher authority has spoken.
 */
export function assertInstructionsAnswered(unitId: string | undefined, state: ProposalState): void {
  const unit = unitId ? findActiveUnit(state, unitId) : undefined;
  if (!unit) return; // the reply's own checks say why
  const concerned = unit.role === 'lead' ? [unit, ...activeUnits(state).filter((u) => u.role === 'co')] : [unit];
  const pending = concerned.flatMap((u) => pendingOf(u).map((r) => ({ unitId: u.unitId, ...r })));
  if (!pending.length) return;
  const first = pending[0];
  const who = first.unitId === unit.unitId ? '本单位' : `会办单位 ${first.unitId} `;
  throw new DomainError(
    ErrorCodes.INSTRUCTIONS_PENDING,
    `${who}就“${first.matter}”向${first.authority}的请示尚未得到答复。按第五条，涉及上级政府及其部门职权范围的事项，须请示后再答复代表委员，不得越权答复`,
    409,
    { requests: pending.map((r) => ({ unitId: r.unitId, requestId: r.requestId, authority: r.authority, requestedAt: r.requestedAt })) },
  );
}

const findRequest = (state: ProposalState, requestId: string) =>
  state.units.flatMap((u) => (u.instructionRequests ?? []).map((r) => ({ unit: u, request: r }))).find((x) => x.request.requestId === requestId);

export function assertInstructionsAllowed(command: RequestInstructions | RecordInstructions, state: ProposalState, now: string): void {
  switch (command.type) {
    case 'RequestInstructions': {
      // Any assigned unit may have to ask: Art. 5 binds every 承办机关 that meets a matter of a
      // higher authority, co-units included (their opinion goes into the lead's reply).
      requireActiveUnit(state, command.data.unitId);
      const d = command.data;
      if (typeof d.requestId !== 'string' || !d.requestId.trim()) throw invalid('requestId', '请示编号不能为空');
      if (findRequest(state, d.requestId)) throw invalid('requestId', '请示编号重复');
      if (typeof d.authority !== 'string' || !d.authority.trim()) throw invalid('authority', '请写明请示的上级政府或部门');
      if (typeof d.matter !== 'string' || !d.matter.trim()) throw invalid('matter', '请写明请示事项');
      return;
    }
    case 'RecordInstructions': {
      const d = command.data;
      requireActiveUnit(state, d.unitId);
      const found = findRequest(state, d.requestId);
      if (!found || found.unit.unitId !== d.unitId) {
        throw new DomainError(ErrorCodes.INSTRUCTIONS_REQUEST_NOT_FOUND, '本单位没有这项请示', 404, { requestId: d.requestId });
      }
      if (found.request.answer) throw new DomainError(ErrorCodes.INSTRUCTIONS_ALREADY_ANSWERED, '该请示已记录答复', 409, { requestId: d.requestId });
      if (typeof d.answer !== 'string' || !d.answer.trim()) throw invalid('answer', '请填写上级的答复（批复）意见');
      if (!isDate(d.on)) throw invalid('on', 'on 须为 YYYY-MM-DD 日期');
      if (d.on > shanghaiDate(now)) throw invalid('on', '答复日期不能晚于今天');
      if (d.on < shanghaiDate(found.request.requestedAt)) throw invalid('on', `答复日期不能早于请示日期 ${shanghaiDate(found.request.requestedAt)}`);
      return;
    }
  }
}

export function decideInstructions(command: RequestInstructions | RecordInstructions, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'RequestInstructions': {
      const { requestId, unitId, authority, matter } = command.data;
      return [{ type: 'InstructionsRequested', occurredAt: at, data: { requestId, unitId, authority: authority.trim(), matter: matter.trim() } }];
    }
    case 'RecordInstructions': {
      const { requestId, unitId, answer, on } = command.data;
      return [{ type: 'InstructionsReceived', occurredAt: at, data: { requestId, unitId, answer: answer.trim(), on } }];
    }
  }
}

export function evolveInstructions(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
    case 'InstructionsRequested': {
      const { requestId, authority, matter } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        instructionRequests: [...(u.instructionRequests ?? []), { requestId, authority, matter, requestedAt: event.occurredAt }],
      }));
    }
    case 'InstructionsReceived': {
      const { requestId, answer, on } = event.data;
      return updateActiveUnit(state, event.data.unitId, (u) => ({
        ...u,
        instructionRequests: (u.instructionRequests ?? []).map((r) => (r.requestId === requestId ? { ...r, answer: { answer, on, recordedAt: event.occurredAt } } : r)),
      }));
    }
    default:
      return undefined;
  }
}

export const instructionsSlice: Slice = {
  name: 'art05-instructions',
  articles: ['第五条'],
  commands: ['RequestInstructions', 'RecordInstructions'],
  events: ['InstructionsRequested', 'InstructionsReceived'],
  assert(command, state, now) {
    if (command.type === 'RequestInstructions' || command.type === 'RecordInstructions') assertInstructionsAllowed(command, state, now);
  },
  guards: {
    // Art. 5 (不得越权答复), before the reply's own checks: no reply is drafted or sent while the
    // unit's (or, for a lead, a co-unit's) request for instructions is unanswered.
    before(command, state) {
      if (command.type === 'DraftReply') assertInstructionsAnswered(command.data.unitId, state);
      if (command.type === 'SendReply') assertInstructionsAnswered(findReply(state, command.data.replyId)?.unitId, state);
    },
  },
  decide: (command, _state, ctx) => (command.type === 'RequestInstructions' || command.type === 'RecordInstructions' ? decideInstructions(command, ctx.now) : []),
  evolve: (state, event) => evolveInstructions(state, event) ?? state,
};
