/**
 * A brake on the feedback form's public endpoints (GET/POST /api/feedback/{token}): per client
 * address, a fixed window of `limit` requests. The table is bounded: at `maxClients` addresses the
 * least recently seen one is dropped (a Map keeps insertion order; a hit re-inserts its key), so a
 * flood of addresses costs a fixed amount of memory. Dropping an address forgets its count — an
 * attacker with that many addresses already had that many windows; the token's 256 bits are what
 * protect the form, the brake keeps guessing and load expensive for the caller.
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AppException } from '../common/app-exception';

export interface RateLimitOptions {
  /** requests allowed per window and address */
  limit: number;
  windowMs: number;
  /** addresses remembered at most */
  maxClients: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class FixedWindowRateLimiter {
  private readonly clients = new Map<string, { start: number; count: number }>();

  constructor(
    readonly opts: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(opts.limit >= 1 && opts.windowMs >= 1 && opts.maxClients >= 1)) throw new RangeError('rate limit: limit, windowMs and maxClients must be positive');
  }

  /** Counts one request of `client` and says whether it may go on. */
  hit(client: string): RateDecision {
    const t = this.now();
    let entry = this.clients.get(client);
    if (entry) this.clients.delete(client);
    if (!entry || t - entry.start >= this.opts.windowMs) entry = { start: t, count: 0 };
    entry.count++;
    this.clients.set(client, entry);
    while (this.clients.size > this.opts.maxClients) this.clients.delete(this.clients.keys().next().value!);
    if (entry.count <= this.opts.limit) return { allowed: true, remaining: this.opts.limit - entry.count };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.start + this.opts.windowMs - t) / 1000)) };
  }

  get size(): number {
    return this.clients.size;
  }
}

const positiveInt = (env: Record<string, string | undefined>, name: string, def: number): number => {
  const raw = env[name]?.trim();
  if (!raw) return def;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) throw new Error(`${name}=${raw}: expected a positive integer`);
  return n;
};

/**
 * FEEDBACK_RATE_LIMIT (default 20 requests) per FEEDBACK_RATE_WINDOW_MS (default 60000) and
 * client address; FEEDBACK_RATE_MAX_CLIENTS (default 10000) addresses remembered.
 */
export function feedbackRateLimitFromEnv(env: Record<string, string | undefined> = process.env): RateLimitOptions {
  return {
    limit: positiveInt(env, 'FEEDBACK_RATE_LIMIT', 20),
    windowMs: positiveInt(env, 'FEEDBACK_RATE_WINDOW_MS', 60_000),
    maxClients: positiveInt(env, 'FEEDBACK_RATE_MAX_CLIENTS', 10_000),
  };
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppException(429, 'TOO_MANY_REQUESTS', `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds });

/**
 * The guard on FeedbackController. The client address is the socket's (`req.ip` equals it unless
 * TRUST_PROXY tells Express which proxies' X-Forwarded-For to believe; see app.ts).
 */
@Injectable()
export class FeedbackRateLimitGuard implements CanActivate {
  readonly limiter = new FixedWindowRateLimiter(feedbackRateLimitFromEnv(process.env));

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest<{ ip?: string; socket?: { remoteAddress?: string } }>();
    const res = http.getResponse<{ setHeader(name: string, value: string): void }>();
    const decision = this.limiter.hit(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
    if (decision.allowed) return true;
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw tooManyRequests(decision.retryAfterSeconds);
  }
}
