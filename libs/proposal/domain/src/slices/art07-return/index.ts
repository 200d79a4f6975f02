/**
 * 退转 (Art. 7): within fifteen days of receiving the item, a unit for which it is not the right
 * one explains why by official letter; the office approves or rejects. When the window ends
 * without a return, the unit is responsible from then on (CloseReturnWindow, a timer).
 * An approved return in 分别办理 leaves the unit's part waiting for the office to re-assign it
 * (ReassignPart, art06-assignment): the other units' parts go on undisturbed.
 */
import type { Slice, Timer } from '../../slice';
import type { UnitAssignment } from '../../state';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { activeUnits, answersForItself, findActiveUnit, requireActiveUnit, updateActiveUnit } from '../../shared/queries';

export function isReturnWindowClosed(unit: UnitAssignment, now: string): boolean {
  return !!unit.returnWindowClosedAt || Date.parse(now) >= Date.parse(unit.returnWindow.dueAt);
}

const pendingReturn = (u: UnitAssignment) => {
  const last = u.returnRequests.at(-1);
  return !!last && !last.decision;
};

export const returnSlice: Slice = {
  name: 'art07-return',
  articles: ['第七条'],
  commands: ['RequestReturn', 'DecideReturn', 'CloseReturnWindow'],
  events: ['ReturnRequested', 'ReturnApproved', 'ReturnRejected', 'ReturnWindowClosed'],
  assert(command, state, now) {
    switch (command.type) {
      case 'RequestReturn': {
        const unit = requireActiveUnit(state, command.data.unitId);
        if (!command.data.reason?.trim()) throw invalid('reason', '退转须以公函形式说明理由');
        if (isReturnWindowClosed(unit, now)) {
          throw new DomainError(
            ErrorCodes.RETURN_WINDOW_CLOSED,
            `退转期限已于 ${unit.returnWindow.lastDay ?? unit.returnWindow.dueAt} 届满，由接办单位负责办理（第七条）`,
            409,
            { closedAt: unit.returnWindowClosedAt ?? unit.returnWindow.dueAt },
          );
        }
        if (pendingReturn(unit)) throw new DomainError(ErrorCodes.RETURN_ALREADY_REQUESTED, '已提出退转申请，等待建议提案处决定');
        return;
      }
      case 'DecideReturn': {
        const unit = state.units.find((u) => u.unitId === command.data.unitId);
        if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, '该单位未承办此件');
        const last = unit.returnRequests.at(-1);
        if (!last) throw new DomainError(ErrorCodes.NO_RETURN_REQUEST, '该单位没有退转申请');
        if (last.decision) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该退转申请已有决定');
        return;
      }
    }
  },
  decide(command, state, ctx) {
    const at = ctx.now;
    switch (command.type) {
      case 'RequestReturn':
        return [{ type: 'ReturnRequested', occurredAt: at, data: { unitId: command.data.unitId, reason: command.data.reason.trim() } }];
      case 'DecideReturn': {
        const { unitId, approve } = command.data;
        const comment = command.data.comment?.trim() ?? '';
        if (!approve) return [{ type: 'ReturnRejected', occurredAt: at, data: { unitId, comment } }];
        const remaining = activeUnits(state).filter((u) => u.unitId !== unitId);
        const awaitingReassignment = !remaining.some(answersForItself);
        // 分别办理: the unit's part is its own and nobody else answers it (SPEC §4.1).
        const ownPart = !ctx.withoutPartReassignment && findActiveUnit(state, unitId)?.role === 'separate';
        return [
          { type: 'ReturnApproved', occurredAt: at, data: { unitId, comment, awaitingReassignment, ...(ownPart ? { partAwaitingReassignment: true } : {}) } },
        ];
      }
      case 'CloseReturnWindow': {
        const unit = findActiveUnit(state, command.data.unitId);
        // Already closed, or the unit left: nothing to record (a timer may fire twice around a change).
        if (!unit || unit.returnWindowClosedAt) return [];
        const closedAt = unit.returnWindow.dueAt;
        return [{ type: 'ReturnWindowClosed', occurredAt: closedAt, data: { unitId: unit.unitId, closedAt } }];
      }
      default:
        return [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ReturnRequested':
        return updateActiveUnit(state, event.data.unitId, (u) => ({
          ...u,
          returnRequests: [...u.returnRequests, { reason: event.data.reason, requestedAt: event.occurredAt }],
        }));
      case 'ReturnApproved':
      case 'ReturnRejected': {
        const approve = event.type === 'ReturnApproved';
        const next = updateActiveUnit(state, event.data.unitId, (u) => ({
          ...u,
          status: approve ? 'returned' : u.status,
          returnRequests: u.returnRequests.map((r, i, all) =>
            i === all.length - 1 ? { ...r, decision: { approve, comment: event.data.comment, decidedAt: event.occurredAt } } : r,
          ),
        }));
        if (event.type !== 'ReturnApproved') return next;
        const parts = event.data.partAwaitingReassignment
          ? { partsAwaitingReassignment: [...(state.partsAwaitingReassignment ?? []), { unitId: event.data.unitId, since: event.occurredAt }] }
          : {};
        return { ...next, ...parts, ...(event.data.awaitingReassignment ? { status: 'awaiting_reassignment' as const } : {}) };
      }
      case 'ReturnWindowClosed':
        return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, returnWindowClosedAt: event.data.closedAt }));
      default:
        return state;
    }
  },
  timers(state) {
    const due: Timer[] = [];
    activeUnits(state).forEach((u, i) => {
      if (!u.returnWindowClosedAt) due.push({ at: u.returnWindow.dueAt, command: { type: 'CloseReturnWindow', data: { unitId: u.unitId } }, order: [1, i, 1] });
    });
    return due;
  },
};
