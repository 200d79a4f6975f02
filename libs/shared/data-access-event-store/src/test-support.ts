/** Shared by this lib's specs only (not exported). */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from './types';

export function newEvent<T>(type: string, data: T, over: Partial<NewEvent<T>> = {}): NewEvent<T> {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'u-1', username: 'tester', role: 'clerk', unitId: null },
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
    },
    ...over,
  };
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` until it returns true (other test files' transactions on the same server can hold $all back briefly). */
export async function eventually(fn: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}
