import type { ExpectedVersion } from './types';

/** The stream moved on since the caller read it (optimistic concurrency). */
export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${expected}, but it is at ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * Some of the event ids are already stored, but not as exactly this append to this stream (in
 * another stream, or only some of them): a retry would never look like this, so it is a bug.
 */
export class EventIdConflictError extends Error {
  readonly code = 'EVENT_ID_CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${streamId}: event id(s) ${eventIds.join(', ')} already stored elsewhere or as a different append`);
    this.name = 'EventIdConflictError';
  }
}
