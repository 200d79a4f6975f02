/**
 * A refused step. `code` is the stable machine code of SPEC §10; `status` is the HTTP status the
 * API answers with (409 for "not allowed now", 400 for invalid input).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 409,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, 400, { field });

export const ErrorCodes = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_REGISTERED: 'NOT_REGISTERED',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  ALREADY_ASSIGNED: 'ALREADY_ASSIGNED',
  NOT_ASSIGNED_TO_UNIT: 'NOT_ASSIGNED_TO_UNIT',
  ALREADY_SIGNED: 'ALREADY_SIGNED',
  RETURN_WINDOW_CLOSED: 'RETURN_WINDOW_CLOSED',
  RETURN_ALREADY_REQUESTED: 'RETURN_ALREADY_REQUESTED',
  NO_RETURN_REQUEST: 'NO_RETURN_REQUEST',
  ALREADY_DECIDED: 'ALREADY_DECIDED',
  NOT_ANSWERING_UNIT: 'NOT_ANSWERING_UNIT',
  REPLY_DEADLINE_PASSED: 'REPLY_DEADLINE_PASSED',
  NOT_SIGNED: 'NOT_SIGNED',
  REPLY_IN_PROGRESS: 'REPLY_IN_PROGRESS',
  REPLY_NOT_FOUND: 'REPLY_NOT_FOUND',
  NOT_IN_REVIEW: 'NOT_IN_REVIEW',
  WRONG_REVIEW_STAGE: 'WRONG_REVIEW_STAGE',
  REPLY_NOT_APPROVED: 'REPLY_NOT_APPROVED',
  FEEDBACK_NOT_OPEN: 'FEEDBACK_NOT_OPEN',
  REPLY_NOT_SENT: 'REPLY_NOT_SENT',
  PROVINCIAL_PATH_NOT_BUILT: 'PROVINCIAL_PATH_NOT_BUILT',
  ARCHIVED: 'ARCHIVED',
} as const;
