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

/**
 * Whether retrying an append that threw `err` can ever succeed:
 * - 'permanent': the same input will fail again — invalid events (TypeError from validation), a
 *   wrong expected version, a conflicting event id, or data PostgreSQL refuses (SQLSTATE class 22
 *   data exception such as 22P05 "unsupported Unicode escape sequence" for a lone surrogate in
 *   jsonb, class 23 integrity, class 42 syntax/access, class 54 program limits);
 * - 'transient': the server or the connection was the problem — connection failures (class 08,
 *   socket errors, timeouts), serialization failures and deadlocks (40001, 40P01), shutdowns and
 *   exhausted resources (57P0x, 53xxx). Anything unknown counts as transient: the caller's retry
 *   schedule is bounded, so a wrong guess costs seconds, not the item.
 */
export function classifyAppendError(err: unknown): 'permanent' | 'transient' {
  if (err instanceof WrongExpectedVersionError || err instanceof EventIdConflictError || err instanceof TypeError) return 'permanent';
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const cls = code.slice(0, 2);
    if (['22', '23', '42', '54', '0A'].includes(cls)) return 'permanent';
  }
  return 'transient';
}
