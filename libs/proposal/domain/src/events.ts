import type { Deadline } from '@jyta/calendar-domain';
import type { AssignmentMode, Policy, ProposalDetails, UnitRole } from './model';

/** Events are facts in the past tense. Their data is what the state and every screen derive from. */
export interface ProposalRegistered {
  type: 'ProposalRegistered';
  data: Omit<ProposalDetails, 'registeredAt'> & { policy: Policy };
}

export interface AssignedUnit {
  unitId: string;
  role: UnitRole;
  responsiblePerson?: string;
  returnWindow: Deadline;
  replyDue: Deadline;
}

export interface ProposalAssigned {
  type: 'ProposalAssigned';
  data: {
    mode: AssignmentMode;
    assignedOn: string;
    leaderInCharge?: string;
    division?: string;
    units: AssignedUnit[];
    /** true when this assignment replaces units that returned the item. */
    reassignment: boolean;
  };
}

export interface ReceiptSigned {
  type: 'ReceiptSigned';
  data: { unitId: string };
}

export interface ReturnRequested {
  type: 'ReturnRequested';
  data: { unitId: string; reason: string };
}

export interface ReturnApproved {
  type: 'ReturnApproved';
  data: { unitId: string; comment: string; awaitingReassignment: boolean };
}

export interface ReturnRejected {
  type: 'ReturnRejected';
  data: { unitId: string; comment: string };
}

/** The 15-day window ended: the unit is responsible from now on (Art. 7). occurredAt = the true end. */
export interface ReturnWindowClosed {
  type: 'ReturnWindowClosed';
  data: { unitId: string; closedAt: string };
}

export type ProposalEvent =
  | ProposalRegistered
  | ProposalAssigned
  | ReceiptSigned
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnWindowClosed;

export type ProposalEventType = ProposalEvent['type'];

/** An event as decided, with the business time it happened (defaults to the command's time). */
export type DecidedEvent = ProposalEvent & { occurredAt: string };
