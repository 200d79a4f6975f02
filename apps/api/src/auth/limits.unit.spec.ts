import { FailureLimiter, Semaphore, SemaphoreBusyError } from './limits';

describe('FailureLimiter', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('refuses after maxFailures within the window, with the seconds left, and lets go when the window ends', () => {
    const l = new FailureLimiter({ maxFailures: 3, windowMs: 60_000, maxKeys: 100 }, clock);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter('a')).toBe(0);
      l.fail('a');
    }
    expect(l.retryAfter('a')).toBe(60);
    now += 45_500;
    expect(l.retryAfter('a')).toBe(15);
    expect(l.retryAfter('b')).toBe(0); // keys are separate
    now += 14_500;
    expect(l.retryAfter('a')).toBe(0);
    l.fail('a'); // a new window
    expect(l.retryAfter('a')).toBe(0);
  });

  it('forgets a key on reset (a success, an unlock)', () => {
    const l = new FailureLimiter({ maxFailures: 1, windowMs: 60_000, maxKeys: 100 }, clock);
    l.fail('a');
    expect(l.retryAfter('a')).toBeGreaterThan(0);
    l.reset('a');
    expect(l.retryAfter('a')).toBe(0);
  });

  it('keeps at most maxKeys, forgetting the least recently failing first', () => {
    const l = new FailureLimiter({ maxFailures: 2, windowMs: 60_000, maxKeys: 3 }, clock);
    l.fail('a');
    l.fail('a'); // a: blocked
    for (let i = 0; i < 10_000; i++) l.fail(`flood-${i}`);
    expect(l.size).toBe(3);
    expect(l.retryAfter('a')).toBe(0); // evicted by the flood
    l.fail('x');
    l.fail('x');
    l.fail('y');
    l.fail('x'); // x is refreshed, so y's neighbour goes first
    l.fail('z');
    expect(l.retryAfter('x')).toBeGreaterThan(0);
  });
});

describe('Semaphore', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('runs at most max at once, the rest in arrival order', async () => {
    const s = new Semaphore(2, 10, 5_000);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      s.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await new Promise<void>((r) => gates.push(r));
        running--;
      }),
    );
    for (let k = 0; k < 6; k++) {
      await tick();
      gates.shift()?.();
    }
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.running).toBe(0);
    expect(s.waiting).toBe(0);
  });

  it('refuses at once beyond the queue, and a waiter after maxWaitMs', async () => {
    jest.useFakeTimers();
    try {
      const s = new Semaphore(1, 1, 1000);
      let release!: () => void;
      const holder = s.run(() => new Promise<void>((r) => (release = r)));
      const waiter = s.run(async () => 'late');
      await expect(s.run(async () => 'x')).rejects.toBeInstanceOf(SemaphoreBusyError);
      const settled = expect(waiter).rejects.toBeInstanceOf(SemaphoreBusyError);
      jest.advanceTimersByTime(1001);
      await settled;
      release();
      await holder;
      expect(s.running).toBe(0);
      // the slot is free again
      await expect(s.run(async () => 'ok')).resolves.toBe('ok');
    } finally {
      jest.useRealTimers();
    }
  });

  it('frees the slot when the job throws', async () => {
    const s = new Semaphore(1, 0, 10);
    await expect(s.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(s.run(async () => 1)).resolves.toBe(1);
  });
});
