/**
 * Questions about the state that several slices ask (a slice never imports another slice's files:
 * what two of them need lives here).
 */
import { DomainError, ErrorCodes } from './errors';
import type { ProposalState, Reply, UnitAssignment } from '../state';
import { activeUnits, answersForItself, findActiveUnit } from '../state';
import type { GovernmentDocument } from '../slices/art09-provincial-document/types';
import type { ReviewStage } from './values';

export { activeUnits, answersForItself, findActiveUnit };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real day written YYYY-MM-DD. */
export const isDay = (s: string | undefined) => !!s && DATE.test(s) && !Number.isNaN(Date.parse(s));

/** The active unit, or NOT_ASSIGNED_TO_UNIT. */
export function requireActiveUnit(state: ProposalState, unitId: string): UnitAssignment {
  const unit = findActiveUnit(state, unitId);
  if (!unit) throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, `单位 ${unitId} 未承办此件或已退转`, 409, { unitId });
  return unit;
}

/** The state with the active unit `unitId` changed by `f`. */
export function updateActiveUnit(state: ProposalState, unitId: string, f: (u: UnitAssignment) => UnitAssignment): ProposalState {
  return { ...state, units: state.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? f(u) : u)) };
}

/** A unit that answers for itself and has not yet sent a reply in the current round. */
export const awaitingReply = (u: UnitAssignment) => answersForItself(u) && (u.status === 'assigned' || u.status === 'handling');

export const findReply = (s: ProposalState, replyId: string) => (s.replies ?? []).find((r) => r.replyId === replyId);

/** Items handed down by the provincial government office answer by government document (Art. 9, 10). */
export const isProvincialItem = (s: ProposalState) => !!s.details && s.details.level !== 'municipal';

/** The opinion's review chain: the unit's leader; the vice mayor in charge when several units handle it together. */
export const opinionStages = (jointly: boolean): ReviewStage[] => (jointly ? ['unit_leader', 'vice_mayor'] : ['unit_leader']);

/** The latest compilation of a reply's opinion, if any. */
export const latestDocument = (r: Reply): GovernmentDocument | undefined => r.documents?.at(-1);

/** An answer on the form that lets the opinion go on to the office: satisfied or basically, no send-back. */
export const opinionAccepted = (f: { attitude: string; result: string; sendBack?: boolean }) =>
  !f.sendBack && f.attitude !== 'dissatisfied' && f.result !== 'dissatisfied';

/** 并案办理: a reply some merged item's proposer sent back (the unit replies in a new round). */
export const sentBackByMergedItem = (r: Reply) => !!r.merging?.sentBackBy?.length;

/** The lead units now handling the item (a co-unit's opinion and reports go to them). */
export const leadUnitIds = (s: ProposalState) => activeUnits(s).filter((u) => u.role === 'lead').map((u) => u.unitId);
