/**
 * 阅批 (Art. 6): an item about reform, opening-up and the economy as a whole, or a major matter of
 * people's lives (`major`), is put before the leader in charge, who reads and instructs (批示)
 * before it may be assigned.
 */
import type { ApproveMajorItem, SubmitMajorItemForApproval } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice } from '../../slice';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { ProposalState } from '../../shared/model';

export type { MajorItemApproval } from './types';

/** A major item may be assigned only once its leader in charge has read and approved it (Art. 6). */
export function assertMajorItemApproved(state: ProposalState): void {
  if (!state.details?.major || state.majorApproval?.approvedAt) return;
  throw new DomainError(
    ErrorCodes.MAJOR_APPROVAL_REQUIRED,
    state.majorApproval
      ? `该件为重大事项，已提请 ${state.majorApproval.viceMayor} 阅批，阅批后方可交办（第六条）`
      : '该件为重大事项，须先提请政府分管领导阅批后交办（第六条）',
    409,
    { viceMayor: state.majorApproval?.viceMayor ?? null },
  );
}

export function assertMajorApprovalAllowed(command: SubmitMajorItemForApproval | ApproveMajorItem, state: ProposalState): void {
  switch (command.type) {
    case 'SubmitMajorItemForApproval': {
      if (!state.details?.major) throw new DomainError(ErrorCodes.NOT_MAJOR_ITEM, '该件不是重大事项，无须阅批', 409);
      if (state.status !== 'registered') throw new DomainError(ErrorCodes.ALREADY_ASSIGNED, '该件已交办，阅批须在交办之前（第六条）', 409);
      if (state.majorApproval?.approvedAt) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该件已阅批', 409);
      if (!command.data.viceMayor?.trim()) throw invalid('viceMayor', '请指定提请阅批的分管领导');
      return;
    }
    case 'ApproveMajorItem': {
      if (!state.majorApproval) throw new DomainError(ErrorCodes.NOT_SUBMITTED_FOR_APPROVAL, '该件尚未提请阅批', 409);
      if (state.majorApproval.approvedAt) throw new DomainError(ErrorCodes.ALREADY_DECIDED, '该件已阅批', 409);
      return;
    }
  }
}

export function decideMajorApproval(command: SubmitMajorItemForApproval | ApproveMajorItem, state: ProposalState, at: string): DecidedEvent[] {
  switch (command.type) {
    case 'SubmitMajorItemForApproval': {
      const note = command.data.note?.trim();
      return [{ type: 'MajorItemSubmittedForApproval', occurredAt: at, data: { viceMayor: command.data.viceMayor.trim(), ...(note ? { note } : {}) } }];
    }
    case 'ApproveMajorItem': {
      const instructions = command.data.instructions?.trim();
      return [{ type: 'MajorItemApproved', occurredAt: at, data: { viceMayor: state.majorApproval!.viceMayor, ...(instructions ? { instructions } : {}) } }];
    }
  }
}

export function evolveMajorApproval(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  switch (event.type) {
    case 'MajorItemSubmittedForApproval':
      return { ...state, majorApproval: { viceMayor: event.data.viceMayor, submittedAt: event.occurredAt, ...(event.data.note ? { note: event.data.note } : {}) } };
    case 'MajorItemApproved':
      return {
        ...state,
        majorApproval: { ...state.majorApproval!, approvedAt: event.occurredAt, ...(event.data.instructions ? { instructions: event.data.instructions } : {}) },
      };
    default:
      return undefined;
  }
}

export const majorApprovalSlice: Slice = {
  name: 'art06-major-approval',
  articles: ['第六条（阅批）'],
  commands: ['SubmitMajorItemForApproval', 'ApproveMajorItem'],
  events: ['MajorItemSubmittedForApproval', 'MajorItemApproved'],
  assert(command, state) {
    if (command.type === 'SubmitMajorItemForApproval' || command.type === 'ApproveMajorItem') assertMajorApprovalAllowed(command, state);
  },
  // A major item is assigned only after 阅批 (checked after the assignment's own checks).
  guards: { after: (command, state) => (command.type === 'AssignProposal' ? assertMajorItemApproved(state) : undefined) },
  decide: (command, state, ctx) =>
    command.type === 'SubmitMajorItemForApproval' || command.type === 'ApproveMajorItem' ? decideMajorApproval(command, state, ctx.now) : [],
  evolve: (state, event) => evolveMajorApproval(state, event) ?? state,
};
