import type { FailureLimiterOptions } from './limits';

/**
 * How hard the API brakes on logins. A lock is recorded on the account (and as an event), so it
 * holds across restarts and instances; the failure windows are per process (bounded in memory).
 */
export const LOGIN_POLICY = {
  /** Consecutive failed logins that lock the account … */
  lockAfterFailures: 10,
  /** … for this long, unless the administrator lifts the lock earlier. */
  lockMs: 30 * 60_000,
  /**
   * Per account name, known or not: the same count and time as the lock, so that an unknown name
   * answers like a known one (locked at its 10th failure, then refused for as long).
   */
  account: { maxFailures: 10, windowMs: 30 * 60_000, maxKeys: 10_000 } satisfies FailureLimiterOptions,
  /**
   * Per client address: generous, since a government office may reach the API through one proxy
   * address; it stops a sweep over many account names from one place.
   */
  address: { maxFailures: 100, windowMs: 15 * 60_000, maxKeys: 10_000 } satisfies FailureLimiterOptions,
  /**
   * argon2id checks running at once (~64 MiB each), how many may wait, and for how long. Waiting
   * costs no memory, so a burst of real logins (a morning, a test suite on a busy machine) is served
   * late rather than refused; only a flood beyond the queue gets 503.
   */
  argon2: { concurrency: 2, maxQueue: 64, maxWaitMs: 60_000 },
} as const;

/** How long a user row read for the per-request session check may be reused. */
export const SESSION_CACHE_MS = 2000;
export const SESSION_CACHE_MAX = 10_000;
