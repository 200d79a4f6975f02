import { BadRequestException, ForbiddenException, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DomainError, invalid } from '@jyta/proposal-domain';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AppException, notYourUnit } from './app-exception';
import { bodyParserErrors, INTERNAL_MESSAGE, mapError } from './error-mapping';

/** What the workflow's toFailure() makes of a DomainError. */
const failureOf = (e: DomainError) =>
  ApplicationFailure.create({ type: e.code, message: e.message, nonRetryable: true, details: [{ status: e.status, details: e.details ?? null }] });
const updateFailed = (cause: Error) => new WorkflowUpdateFailedError('Workflow Update failed', cause);

describe('mapError', () => {
  it('maps Nest HTTP exceptions to the stable codes', () => {
    expect(mapError(new UnauthorizedException()).body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(mapError(new ForbiddenException()).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(mapError(new NotFoundException('Cannot GET /api/x')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(mapError(new BadRequestException('x')).body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('keeps the body of an AppException', () => {
    expect(mapError(new AppException(409, 'X_CODE', '不行', { a: 1 }))).toEqual({
      body: { statusCode: 409, code: 'X_CODE', message: '不行', details: { a: 1 } },
      log: 'none',
    });
    expect(mapError(notYourUnit('rsj')).body).toMatchObject({ statusCode: 403, code: 'NOT_YOUR_UNIT' });
  });

  it('answers a refused Workflow Update with the failure type as code and the status it carries', () => {
    const closed = new DomainError('RETURN_WINDOW_CLOSED', '退转期限已届满', 409, { closedAt: '2026-03-16T16:00:00.000Z' });
    expect(mapError(updateFailed(failureOf(closed)))).toEqual({
      body: { statusCode: 409, code: 'RETURN_WINDOW_CLOSED', message: '退转期限已届满', details: { closedAt: '2026-03-16T16:00:00.000Z' } },
      log: 'none',
    });
    // no details → no details key
    expect(mapError(updateFailed(failureOf(new DomainError('ALREADY_SIGNED', '该单位已签收'))))).toEqual({
      body: { statusCode: 409, code: 'ALREADY_SIGNED', message: '该单位已签收' },
      log: 'none',
    });
  });

  it('turns a domain VALIDATION_FAILED into 400 with details.fields naming the field', () => {
    const res = mapError(updateFailed(failureOf(invalid('proposers[0].name', '提出人姓名不能为空'))));
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '提出人姓名不能为空',
      details: { fields: [{ field: 'proposers.0.name', errors: ['提出人姓名不能为空'] }] },
    });
  });

  it('defaults to 409 when the failure carries no usable status, 400 for VALIDATION_FAILED', () => {
    expect(mapError(updateFailed(ApplicationFailure.nonRetryable('nope', 'SOME_RULE'))).body).toMatchObject({ statusCode: 409, code: 'SOME_RULE' });
    expect(mapError(updateFailed(ApplicationFailure.create({ type: 'X', details: [{ status: 418.5 }] }))).body.statusCode).toBe(409);
    expect(mapError(updateFailed(ApplicationFailure.nonRetryable('bad', 'VALIDATION_FAILED'))).body.statusCode).toBe(400);
  });

  it('maps a DomainError thrown in-process too', () => {
    expect(mapError(new DomainError('NOT_REGISTERED', '建议提案尚未登记')).body).toEqual({
      statusCode: 409,
      code: 'NOT_REGISTERED',
      message: '建议提案尚未登记',
    });
  });

  it('answers Temporal trouble with 503/504/404, never leaking internals', () => {
    expect(mapError(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: new Error('deadline') })).body).toMatchObject({
      statusCode: 504,
      code: 'COMMAND_TIMEOUT',
    });
    const unavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'x', metadata: {} });
    expect(mapError(new ServiceError('Failed', { cause: unavailable })).body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(mapError(new WorkflowNotFoundError('not found', 'proposal-x', undefined)).body).toMatchObject({ statusCode: 404 });
  });

  it('PostgreSQL unreachable or going away is 503 DATABASE_UNAVAILABLE (retry), not a 500', () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {});
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    for (const e of [lost, refused, shutdown, starting]) {
      expect(mapError(e).body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    }
    // a query's own fault stays a 500
    expect(mapError(Object.assign(new Error('syntax error'), { code: '42601' })).body.statusCode).toBe(500);
  });

  it('answers anything unknown with a generic 500 and logs it', () => {
    const res = mapError(new TypeError('Cannot read properties of undefined (reading "x")'));
    expect(res).toEqual({ body: { statusCode: 500, code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE }, log: 'error' });
    expect(JSON.stringify(res.body)).not.toContain('undefined');
    expect(mapError('a string').body.code).toBe('INTERNAL_ERROR');
    expect(mapError(updateFailed(new Error('weird'))).body.code).toBe('INTERNAL_ERROR');
  });

  it('answers an internal error of the workflow 500 without its message, not 409', () => {
    const internal = ApplicationFailure.create({ type: 'INTERNAL_ERROR', message: 'Cannot read properties of undefined', nonRetryable: true, details: [{ status: 500, details: null }] });
    expect(mapError(updateFailed(internal))).toEqual({ body: { statusCode: 500, code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE }, log: 'error' });
    // a server-side status under any code, or a failure with no type, is internal too
    expect(mapError(updateFailed(ApplicationFailure.create({ type: 'X', message: 'raw', details: [{ status: 500 }] }))).body).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
    expect(mapError(updateFailed(ApplicationFailure.create({ message: 'raw' }))).body.code).toBe('INTERNAL_ERROR');
  });

  it('answers the event store trouble the workflow reports with its own code', () => {
    const down = ApplicationFailure.create({ type: 'STORE_UNAVAILABLE', message: '数据存储暂时不可用', nonRetryable: true, details: [{ status: 503, details: null }] });
    expect(mapError(updateFailed(down))).toEqual({ body: { statusCode: 503, code: 'STORE_UNAVAILABLE', message: '数据存储暂时不可用' }, log: 'error' });
    const refused = ApplicationFailure.create({ type: 'STORE_REJECTED', message: '数据无法保存', nonRetryable: true, details: [{ status: 500, details: null }] });
    expect(mapError(updateFailed(refused)).body).toEqual({ statusCode: 500, code: 'STORE_REJECTED', message: '数据无法保存' });
  });

  it('recognises a body that does not decompress', () => {
    const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3, status: 400, statusCode: 400, expose: true });
    expect(mapError(zlib).body).toMatchObject({ statusCode: 400, code: 'INVALID_BODY_ENCODING' });
    const next = jest.fn();
    bodyParserErrors(Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' }), {}, {}, next);
    expect(mapError(next.mock.calls[0][0]).body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    bodyParserErrors(Object.assign(new Error('x'), { status: 400 }), {}, {}, next);
    expect(mapError(next.mock.calls[1][0]).body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('recognises body-parser errors', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, statusCode: 400, type: 'entity.parse.failed', expose: true });
    expect(mapError(syntax).body).toEqual({ statusCode: 400, code: 'INVALID_JSON', message: '请求体不是有效的 JSON' });
    const large = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(mapError(large).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const next = jest.fn();
    bodyParserErrors(syntax, {}, {}, next);
    expect(mapError(next.mock.calls[0][0]).body.code).toBe('INVALID_JSON');
    const other = new Error('other');
    bodyParserErrors(other, {}, {}, next);
    expect(next).toHaveBeenLastCalledWith(other);
  });
});

describe('AllExceptionsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));
  const hostFor = (res: unknown) =>
    ({ switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'POST', originalUrl: '/api/x' }) }) }) as never;

  it('writes the mapped body with its status', () => {
    const json = jest.fn();
    const status = jest.fn(() => ({ json }));
    new AllExceptionsFilter().catch(new AppException(403, 'NOT_YOUR_ITEM', '无权'), hostFor({ headersSent: false, status }));
    expect(status).toHaveBeenCalledWith(403);
    expect(json).toHaveBeenCalledWith({ statusCode: 403, code: 'NOT_YOUR_ITEM', message: '无权' });
  });

  it('answers 500 without the stack, with a correlation id in the body and the header, and logs the error with its stack', () => {
    const json = jest.fn();
    const status = jest.fn(() => ({ json }));
    const headers: Record<string, string> = {};
    const res = { headersSent: false, status, getHeader: (n: string) => headers[n], setHeader: (n: string, v: string) => (headers[n] = v) };
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new Error('secret internals');
    const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'POST', originalUrl: '/api/x', headers: {} }) }) } as never;
    new AllExceptionsFilter().catch(error, host);
    expect(status).toHaveBeenCalledWith(500);
    const body = json.mock.calls[0][0];
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE, details: { correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(headers['x-request-id']).toBe(body.details.correlationId);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: error, stack: error.stack, correlationId: body.details.correlationId }), 'POST /api/x failed');
    logged.mockRestore();
  });

  it('uses the request id the HTTP logger gave the request', () => {
    const json = jest.fn();
    const res = { headersSent: false, status: jest.fn(() => ({ json })), getHeader: () => 'req-7', setHeader: jest.fn() };
    const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'req-7', headers: {} }) }) } as never;
    new AllExceptionsFilter().catch(new TypeError('x'), host);
    expect(json.mock.calls[0][0].details).toEqual({ correlationId: 'req-7' });
    // a 4xx carries none
    new AllExceptionsFilter().catch(new AppException(409, 'ALREADY_SIGNED', '已签收'), host);
    expect(json.mock.calls[1][0]).toEqual({ statusCode: 409, code: 'ALREADY_SIGNED', message: '已签收' });
  });
});
