import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { mapError } from './error-mapping';
import { redactSecretsInUrl } from './secret-urls';

interface HttpResponse {
  headersSent: boolean;
  status(code: number): { json(body: unknown): void };
}

/** Every error leaves the API as `{statusCode, code, message, details?}`; stacks only go to the log. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<HttpResponse>();
    const req = ctx.getRequest<{ method?: string; originalUrl?: string; url?: string } | undefined>();
    const { body, log } = mapError(exception);
    const where = `${req?.method} ${redactSecretsInUrl(req?.originalUrl ?? req?.url)}`;
    if (log === 'error') {
      this.logger.error({ err: exception, statusCode: body.statusCode, code: body.code }, `${where} failed`);
    } else if (log === 'warn') {
      this.logger.warn({ err: exception, statusCode: body.statusCode, code: body.code }, `${where}: ${body.code}`);
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
