import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { requestIdOf } from './command-meta';
import { mapError } from './error-mapping';
import { redactSecretsInUrl } from './secret-urls';

interface HttpResponse {
  headersSent: boolean;
  status(code: number): { json(body: unknown): void };
  getHeader?(name: string): unknown;
  setHeader?(name: string, value: string): void;
}

interface HttpRequest {
  id?: unknown;
  method?: string;
  originalUrl?: string;
  url?: string;
  headers?: Record<string, unknown>;
}

/**
 * The id that ties a request's answer to its log lines: the HTTP logger's request id when it ran,
 * else the `x-request-id` header already set, else a new one (errors raised before the logger,
 * e.g. by the body parser).
 */
function correlationIdOf(req: HttpRequest | undefined, res: HttpResponse): string {
  if (typeof req?.id === 'string' && req.id) return req.id;
  const header = res.getHeader?.('x-request-id');
  if (typeof header === 'string' && header) return header;
  return requestIdOf(req?.headers ?? {});
}

/**
 * Every error leaves the API as `{statusCode, code, message, details?}`. A client's mistake or a
 * domain refusal is a 4xx with its code; anything else is a 500 (or 503) whose body says only that,
 * with `details.correlationId` (also the `x-request-id` header) pointing at the log line that has
 * the error and its stack. Raw internal messages never reach the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<HttpResponse>();
    const req = ctx.getRequest<HttpRequest | undefined>();
    const { body, log } = mapError(exception);
    const where = `${req?.method} ${redactSecretsInUrl(req?.originalUrl ?? req?.url)}`;
    let correlationId: string | undefined;
    if (body.statusCode >= 500) {
      correlationId = correlationIdOf(req, res);
      const extra = body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : {};
      body.details = { ...extra, correlationId };
    }
    const err = exception instanceof Error ? exception : new Error(String(exception));
    if (log === 'error') {
      // `err` is serialised by pino with its stack (and, for a workflow failure, its cause chain).
      this.logger.error({ err, stack: err.stack, statusCode: body.statusCode, code: body.code, correlationId }, `${where} failed`);
    } else if (log === 'warn') {
      this.logger.warn({ err, statusCode: body.statusCode, code: body.code, correlationId }, `${where}: ${body.code}`);
    }
    if (res.headersSent) return;
    if (correlationId && !res.getHeader?.('x-request-id')) res.setHeader?.('x-request-id', correlationId);
    // An outage (Temporal or PostgreSQL unavailable): when to come back (README "During an outage").
    if (body.statusCode === 503 && !res.getHeader?.('retry-after')) res.setHeader?.('Retry-After', '5');
    res.status(body.statusCode).json(body);
  }
}
