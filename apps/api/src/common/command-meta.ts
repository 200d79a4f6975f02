import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { invalidField } from './app-exception';

/** Where a command comes from: the request id (SPEC §9 correlation) and the caller's idempotency key. */
export interface CommandMeta {
  correlationId: string;
  idempotencyKey?: string;
}

const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;

/** The request's id: `x-request-id` when it is a sane token, else a new uuid (also used by the HTTP log). */
export function requestIdOf(headers: Record<string, unknown>): string {
  const h = headers['x-request-id'];
  return typeof h === 'string' && HEADER_VALUE.test(h) ? h : randomUUID();
}

export function commandMetaOf(req: { id?: unknown; headers: Record<string, unknown> }): CommandMeta {
  const correlationId = typeof req.id === 'string' && req.id ? req.id : requestIdOf(req.headers);
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return { correlationId };
  if (typeof raw !== 'string' || !HEADER_VALUE.test(raw)) {
    throw invalidField('Idempotency-Key', 'Idempotency-Key 须为 1–200 个可见 ASCII 字符');
  }
  return { correlationId, idempotencyKey: raw };
}

export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandMeta =>
  commandMetaOf(ctx.switchToHttp().getRequest()),
);
