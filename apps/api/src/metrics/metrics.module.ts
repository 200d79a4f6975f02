import { Controller, Get, Header, Headers, Injectable, Module, UnauthorizedException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiExcludeController } from '@nestjs/swagger';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { tap, type Observable } from 'rxjs';
import { Public } from '../auth/decorators';
import { Infrastructure } from '../infrastructure/infrastructure';

/**
 * Prometheus instruments of the API (GET /api/metrics, text format): command latency by command,
 * projection lag, and the process's own (RSS, event loop, GC). Left out of the
 * OpenAPI document: it is for the scraper, not for API clients. With METRICS_TOKEN set the scraper
 * must send `Authorization: Bearer <token>`; behind a reverse proxy, do not route /api/metrics out.
 */
export const apiRegistry = new Registry();
collectDefaultMetrics({ register: apiRegistry });

const commandSeconds = new Histogram({
  name: 'jyta_command_duration_seconds',
  help: 'Time the API took to answer a command (a POST/PUT/PATCH/DELETE), by command (controller.handler) and status class',
  labelNames: ['command', 'status'],
  // A command waits for its Update and the read model: tens of ms to the command deadline.
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [apiRegistry],
});

/** Projections: the store's head vs each checkpoint, in events and in the age of the oldest event not yet folded. */
export async function readLags(infra: Infrastructure) {
  const { rows } = await infra.pool.query<{ name: string; events: string; seconds: number | null }>(
    `SELECT c.name,
            (SELECT count(*) FROM events e WHERE (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence)) AS events,
            (SELECT extract(epoch FROM now() - min(e.recorded_at))::float8 FROM events e
              WHERE (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence)) AS seconds
       FROM projection_checkpoints c`,
  );
  return rows.map((r) => ({ name: r.name, events: Number(r.events), seconds: r.seconds ?? 0 }));
}

/** The pool the gauges read (the latest app created in this process; tests create several). */
let source: Infrastructure | undefined;

// prom-client calls collect() of each metric on a scrape: both gauges are filled by one query.
let collecting: Promise<void> | undefined;
const collectOnce = () => (collecting ??= collectLags().finally(() => setImmediate(() => (collecting = undefined))));
const lagEvents = new Gauge({
  name: 'jyta_projection_lag_events',
  help: 'Events in the store after the projection checkpoint (store head − checkpoint)',
  labelNames: ['projection'],
  registers: [apiRegistry],
  collect: collectOnce,
});
const lagSeconds = new Gauge({
  name: 'jyta_projection_lag_seconds',
  help: 'Age of the oldest event the projection has not folded yet (0 when caught up)',
  labelNames: ['projection'],
  registers: [apiRegistry],
  collect: collectOnce,
});
async function collectLags() {
  const lags = source ? await readLags(source).catch(() => []) : [];
  lagEvents.reset();
  lagSeconds.reset();
  for (const l of lags) {
    lagEvents.set({ projection: l.name }, l.events);
    lagSeconds.set({ projection: l.name }, l.seconds);
  }
}

@Injectable()
export class ApiMetrics {
  constructor(infra: Infrastructure) {
    source = infra;
  }
}

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Times every command (not reads: their latency is the proxy's business) by its handler. */
@Injectable()
export class CommandTimer implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<{ method: string }>();
    if (ctx.getType() !== 'http' || !COMMAND_METHODS.has(req.method)) return next.handle();
    const command = `${ctx.getClass().name}.${ctx.getHandler().name}`;
    const end = commandSeconds.startTimer({ command });
    return next.handle().pipe(
      tap({
        complete: () => end({ status: `${Math.floor(http.getResponse<{ statusCode: number }>().statusCode / 100)}xx` }),
        // The exception filter sets the status later: take it from the error (500 when it has none).
        error: (e: { getStatus?: () => number }) => end({ status: `${Math.floor((e?.getStatus?.() ?? 500) / 100)}xx` }),
      }),
    );
  }
}

/**
 * `Authorization: Bearer <token>` against the configured token in constant time (both hashed
 * first, so neither the token's length nor its first differing byte shows in the timing).
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`));
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(_metrics: ApiMetrics) {}

  @Public()
  @Get()
  @Header('Content-Type', apiRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  async metrics(@Headers() headers: Record<string, string | undefined>): Promise<string> {
    const token = process.env.METRICS_TOKEN;
    if (token && !bearerMatches(headers.authorization, token)) throw new UnauthorizedException('metrics need METRICS_TOKEN');
    return apiRegistry.metrics();
  }
}

@Module({
  controllers: [MetricsController],
  providers: [ApiMetrics, { provide: APP_INTERCEPTOR, useClass: CommandTimer }],
})
export class MetricsModule {}
