/**
 * Brakes on login attempts, pure and clock-injected so they can be tested without waiting:
 * a failure counter per key (account name, client address) with bounded memory, and a small
 * semaphore that bounds how many argon2 checks run at once (each takes ~64 MiB).
 */

export interface FailureLimiterOptions {
  /** Failures allowed within `windowMs`; the next attempt is refused until the window ends. */
  maxFailures: number;
  windowMs: number;
  /** Keys remembered at most; the oldest are forgotten first (so memory stays bounded under a flood). */
  maxKeys: number;
}

interface Entry {
  failures: number;
  windowStart: number;
}

/** Counts failures per key in a fixed window that starts at the key's first failure. */
export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly options: FailureLimiterOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before `key` may try again (0 = it may try now). */
  retryAfter(key: string): number {
    const e = this.live(key);
    if (!e || e.failures < this.options.maxFailures) return 0;
    return Math.max(1, Math.ceil((e.windowStart + this.options.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const e = this.live(key);
    if (e) {
      e.failures++;
      // re-insert: Map keeps insertion order, so the most recently failing keys are evicted last
      this.entries.delete(key);
      this.entries.set(key, e);
      return;
    }
    this.entries.set(key, { failures: 1, windowStart: this.now() });
    while (this.entries.size > this.options.maxKeys) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.now() - e.windowStart >= this.options.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}

export class SemaphoreBusyError extends Error {
  constructor() {
    super('semaphore busy');
  }
}

/**
 * At most `max` holders at once; up to `maxQueue` more wait (FIFO) at most `maxWaitMs` each; anyone
 * beyond that is refused at once with SemaphoreBusyError.
 */
export class Semaphore {
  private active = 0;
  private readonly queue: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly max: number,
    readonly maxQueue: number,
    readonly maxWaitMs: number,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  private acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.maxQueue) return Promise.reject(new SemaphoreBusyError());
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new SemaphoreBusyError());
        }, this.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    // the slot passes straight to the next waiter (active stays the same)
    if (next) next.grant();
    else this.active--;
  }
}
