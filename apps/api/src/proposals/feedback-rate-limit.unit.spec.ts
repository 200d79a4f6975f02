import { feedbackRateLimitFromEnv, FixedWindowRateLimiter } from './feedback-rate-limit';
import { redactSecretsInUrl } from '../common/secret-urls';

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` requests per window and address, then says how long to wait', () => {
    let now = 1_000_000;
    const l = new FixedWindowRateLimiter({ limit: 3, windowMs: 10_000, maxClients: 100 }, () => now);
    expect([1, 2, 3].map(() => l.hit('a').allowed)).toEqual([true, true, true]);
    expect(l.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 4_500;
    expect(l.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    // another address has its own count
    expect(l.hit('b')).toEqual({ allowed: true, remaining: 2 });
    now += 5_500; // the window of 'a' is over
    expect(l.hit('a')).toEqual({ allowed: true, remaining: 2 });
  });

  it('never remembers more than maxClients addresses; the least recently seen goes first', () => {
    const now = 0;
    const l = new FixedWindowRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 3 }, () => now);
    l.hit('a');
    l.hit('b');
    l.hit('c');
    expect(l.hit('a').allowed).toBe(false); // 'a' is now the most recent
    l.hit('d'); // drops 'b'
    expect(l.size).toBe(3);
    expect(l.hit('b').allowed).toBe(true); // forgotten: counts afresh (and drops 'c')
    expect(l.hit('a').allowed).toBe(false); // still remembered
    for (let i = 0; i < 100_000; i++) l.hit(`flood-${i}`);
    expect(l.size).toBe(3);
  });

  it('refuses nonsense options, reads the environment', () => {
    expect(() => new FixedWindowRateLimiter({ limit: 0, windowMs: 1, maxClients: 1 })).toThrow(RangeError);
    expect(feedbackRateLimitFromEnv({})).toEqual({ limit: 20, windowMs: 60_000, maxClients: 10_000 });
    expect(feedbackRateLimitFromEnv({ FEEDBACK_RATE_LIMIT: '5', FEEDBACK_RATE_WINDOW_MS: '1000' })).toMatchObject({ limit: 5, windowMs: 1000 });
    expect(() => feedbackRateLimitFromEnv({ FEEDBACK_RATE_LIMIT: '-1' })).toThrow(/FEEDBACK_RATE_LIMIT/);
  });
});

describe('redactSecretsInUrl', () => {
  it('hides the feedback token in any logged URL', () => {
    const t = 'AbC_-'.repeat(8) + 'xyz';
    expect(redactSecretsInUrl(`/api/feedback/${t}`)).toBe('/api/feedback/[redacted]');
    expect(redactSecretsInUrl(`/api/feedback/${t}?x=1`)).toBe('/api/feedback/[redacted]?x=1');
    expect(redactSecretsInUrl(`/API/Feedback/${t}/`)).toBe('/API/Feedback/[redacted]/');
    expect(redactSecretsInUrl('/api/proposals/1')).toBe('/api/proposals/1');
    expect(redactSecretsInUrl(undefined)).toBeUndefined();
  });
});
