/**
 * Turns anything thrown while serving a request into the API's error body (SPEC §10:
 * `{statusCode, code, message, details?}`). Pure, so every branch is unit-tested.
 */
import { HttpException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import {
  isGrpcServiceError,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { DomainError } from '@jyta/proposal-domain';
import { AppException, type ErrorBody, type FieldError } from './app-exception';

export interface MappedError {
  body: ErrorBody;
  /** how loudly to log it: client mistakes are not logged as errors */
  log: 'none' | 'warn' | 'error';
}

export const INTERNAL_MESSAGE = '服务器内部错误，请稍后重试；如持续出现请联系系统管理员';

const STATUS_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求无效'],
  401: ['UNAUTHENTICATED', '未登录或登录已失效，请重新登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  406: ['NOT_ACCEPTABLE', '无法提供所请求的格式'],
  409: ['CONFLICT', '当前状态下不能执行此操作'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的请求体类型'],
  422: ['UNPROCESSABLE_ENTITY', '请求无法处理'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后重试'],
};

const body = (statusCode: number, code: string, message: string, details?: unknown): ErrorBody =>
  details === undefined || details === null ? { statusCode, code, message } : { statusCode, code, message, details };

/** `proposers[0].name` (the decider's spelling) → `proposers.0.name` (the API's). */
export const normalizeFieldPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** A domain VALIDATION_FAILED carries `{field}`; the API always answers `{fields: [{field, errors}]}`. */
function normalizeDetails(code: string, message: string, details: unknown): unknown {
  if (code !== 'VALIDATION_FAILED' || !details || typeof details !== 'object') return details;
  const d = details as Record<string, unknown>;
  if (Array.isArray(d.fields) || typeof d.field !== 'string') return details;
  const { field, ...rest } = d;
  const fields: FieldError[] = [{ field: normalizeFieldPath(field as string), errors: [message] }];
  return { ...rest, fields };
}

const isClientStatus = (s: unknown): s is number => typeof s === 'number' && Number.isInteger(s) && s >= 400 && s < 500;

/**
 * Failures the workflow raises on purpose when the event store cannot take a command (see
 * proposal.workflow.ts appendFailure): told with their own code and Chinese message, and logged.
 */
const STORE_FAILURES: Record<string, number> = { STORE_UNAVAILABLE: 503, STORE_REJECTED: 500 };

function fromApplicationFailure(f: ApplicationFailure): MappedError {
  const first = (Array.isArray(f.details) ? f.details[0] : undefined) as { status?: unknown; details?: unknown } | undefined;
  const code = f.type || 'COMMAND_REJECTED';
  if (Object.hasOwn(STORE_FAILURES, code)) {
    return { body: body(STORE_FAILURES[code], code, f.message || INTERNAL_MESSAGE), log: 'error' };
  }
  // A failure without a domain code, or one the workflow marks as internal (a bug in the pure
  // code): a 500 whose details stay in the log, never a 409 carrying the raw message.
  const serverSide = code === 'INTERNAL_ERROR' || (typeof first?.status === 'number' && first.status >= 500) || !f.type;
  if (serverSide) return { body: body(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE), log: 'error' };
  const status = isClientStatus(first?.status) ? first!.status : code === 'VALIDATION_FAILED' ? 400 : 409;
  const message = f.message || '当前状态下不能执行此操作';
  return { body: body(status as number, code, message, normalizeDetails(code, message, first?.details)), log: 'none' };
}

/** Errors of body-parser (raw-body / http-errors): malformed JSON, too large, bad charset. */
export function fromBodyParser(e: { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown; code?: unknown }): MappedError | undefined {
  const status = (e.status ?? e.statusCode) as unknown;
  if (!isClientStatus(status)) return undefined;
  // A body declared gzip/deflate/br that does not decompress: zlib's error, given status 400.
  if (typeof e.code === 'string' && /^Z_|^ERR_ZLIB|^ERR_BROTLI/.test(e.code)) {
    return { body: body(400, 'INVALID_BODY_ENCODING', '请求体与其声明的 Content-Encoding 不符，无法解压'), log: 'none' };
  }
  if (typeof e.type !== 'string') return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return { body: body(400, 'INVALID_JSON', '请求体不是有效的 JSON'), log: 'none' };
    case 'entity.too.large':
      return { body: body(413, 'PAYLOAD_TOO_LARGE', '请求体过大'), log: 'none' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { body: body(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求体编码'), log: 'none' };
    default:
      return { body: body(status, STATUS_CODES[status]?.[0] ?? 'BAD_REQUEST', STATUS_CODES[status]?.[1] ?? '请求无效'), log: 'none' };
  }
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

function grpcCode(e: unknown): number | undefined {
  if (isGrpcServiceError(e)) return e.code;
  if (e instanceof ServiceError && isGrpcServiceError(e.cause)) return e.cause.code;
  return undefined;
}

const unavailable = (): MappedError => ({
  body: body(503, 'SERVICE_UNAVAILABLE', '工作流服务暂时不可用，请稍后重试'),
  log: 'error',
});
const timedOut = (): MappedError => ({
  body: body(
    504,
    'COMMAND_TIMEOUT',
    '操作仍在处理中，暂未得到结果；请稍后刷新查看，或携带相同的 Idempotency-Key 重试（不会重复执行）',
  ),
  log: 'warn',
});

/**
 * PostgreSQL unreachable or going away under a request (connection refused or lost, the server
 * shutting down or starting, out of connections): an outage the caller may retry through, not a
 * bug. The chaos harness saw these answered 500 while it had killed PostgreSQL.
 */
export function isDatabaseOutage(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300')) return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE') return true;
  return e instanceof Error && /^Connection terminated|^timeout exceeded when trying to connect/.test(e.message);
}

export function mapError(e: unknown): MappedError {
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const res = e.getResponse();
    if (res && typeof res === 'object' && typeof (res as ErrorBody).code === 'string') {
      const r = res as ErrorBody;
      return { body: body(status, r.code, r.message, r.details), log: status >= 500 ? 'error' : 'none' };
    }
    if (status >= 500) return { body: body(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE), log: 'error' };
    const [code, message] = STATUS_CODES[status] ?? ['BAD_REQUEST', '请求无效'];
    return { body: body(status, code, message), log: 'none' };
  }
  if (e instanceof DomainError) {
    return { body: body(e.status, e.code, e.message, normalizeDetails(e.code, e.message, e.details)), log: 'none' };
  }
  if (e instanceof WorkflowUpdateFailedError) {
    if (e.cause instanceof ApplicationFailure) return fromApplicationFailure(e.cause);
    return { body: body(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE), log: 'error' };
  }
  if (e instanceof ApplicationFailure) return fromApplicationFailure(e);
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return timedOut();
  if (e instanceof WorkflowNotFoundError) {
    return { body: body(404, 'PROPOSAL_NOT_FOUND', '该件的办理流程不存在或已结束'), log: 'warn' };
  }
  const grpc = grpcCode(e);
  if (grpc === GRPC_UNAVAILABLE) return unavailable();
  if (isDatabaseOutage(e)) return { body: body(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用，请稍后重试'), log: 'error' };
  if (grpc === GRPC_DEADLINE_EXCEEDED) return timedOut();
  if (e && typeof e === 'object') {
    const parsed = fromBodyParser(e as Record<string, unknown>);
    if (parsed) return parsed;
  }
  return { body: body(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE), log: 'error' };
}

/**
 * Express error middleware placed right after the body parser: Nest would turn its errors into a
 * bare BadRequestException and lose which one it was, so they are converted here first.
 */
export function bodyParserErrors(err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void): void {
  const e = err && typeof err === 'object' ? (err as Record<string, unknown>) : undefined;
  let mapped = e ? fromBodyParser(e) : undefined;
  // Anything else the body parser refused with a client status (an aborted or mis-sized body)
  // is still the client's problem: its generic code, not a 500.
  const status = e?.status ?? e?.statusCode;
  if (!mapped && isClientStatus(status)) {
    const [code, message] = STATUS_CODES[status] ?? ['BAD_REQUEST', '请求无效'];
    mapped = { body: body(status, code, message), log: 'none' };
  }
  next(mapped ? new AppException(mapped.body.statusCode, mapped.body.code, mapped.body.message) : err);
}
