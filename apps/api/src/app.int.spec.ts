/**
 * Boots the whole API in-process on a fresh PostgreSQL database (no worker needed): bootstrap,
 * migrations, demo directory, auth, guards, validation, error shapes, OpenAPI. Commands that need
 * the Temporal worker are covered end to end in tests/ (the lead's e2e suite).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@jyta/config';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { createApp } from './app';

let db: FreshDatabase;
let app: NestExpressApplication;
let base: string;

beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'api_test' });
  app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      // unreachable unless the environment names a server: health must then say so
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1',
      DEMO_ITEMS: 'false',
      LOG_LEVEL: 'silent',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  base = `http://127.0.0.1:${port}/api`;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const login = async (username: string, password = 'Demo#2026') => (await call('POST', '/auth/login', { body: { username, password } })).body.accessToken as string;

describe('API bootstrap', () => {
  it('health reports the database, and Temporal as it is', async () => {
    const res = await call('GET', '/health');
    expect(res.body.database).toBe('ok');
    expect(res.status).toBe(res.body.temporal === 'ok' ? 200 : 503);
  });

  it('serves the OpenAPI document', async () => {
    const res = await call('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('建议提案办理 API');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/proposals', '/api/proposals/{id}/units/{unitId}/return-request']));
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  it('loads the demo directory on an empty database and logs in', async () => {
    const res = await call('POST', '/auth/login', { body: { username: 'rsj-handler', password: 'Demo#2026' } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'rsj-handler', role: 'unit_handler', unitId: 'rsj' });
    expect(res.body.user.displayName).toMatch(/[\u4e00-\u9fa5]/);
    const me = await call('GET', '/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ username: 'rsj-handler', unitName: '市人社局' });
    expect((await call('GET', '/units', { token: res.body.accessToken })).body).toHaveLength(12);
  });

  it('refuses bad credentials and missing or bad tokens', async () => {
    expect((await call('POST', '/auth/login', { body: { username: 'office', password: 'wrong' } })).body).toMatchObject({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
    });
    expect((await call('POST', '/auth/login', { body: { username: 'nobody', password: 'x' } })).body.code).toBe('INVALID_CREDENTIALS');
    expect((await call('GET', '/proposals')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await call('GET', '/proposals', { token: 'x.y.z' })).status).toBe(401);
  });

  it('answers every error in the one shape', async () => {
    const office = await login('office');
    const handler = await login('rsj-handler');
    expect((await call('POST', '/proposals', { token: office, raw: '{"kind": ' })).body).toEqual({
      statusCode: 400,
      code: 'INVALID_JSON',
      message: '请求体不是有效的 JSON',
    });
    const invalid = await call('POST', '/proposals', { token: office, body: { kind: 'npc_suggestion', proposers: [{ delegation: 'x' }] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).toContain('proposers.0.name');
    expect((await call('POST', '/proposals', { token: handler, body: {} })).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
    expect((await call('GET', '/proposals/abc', { token: office })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await call('GET', '/proposals/00000000-0000-4000-8000-000000000000', { token: office })).body).toMatchObject({
      statusCode: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
    expect(
      (await call('POST', '/proposals/00000000-0000-4000-8000-000000000000/units/jyj/receipt', { token: handler })).body,
    ).toMatchObject({ statusCode: 403, code: 'NOT_YOUR_UNIT' });
    expect((await call('GET', '/no-such-route', { token: office })).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('lists nothing yet, with paging', async () => {
    const res = await call('GET', '/proposals?page=1&pageSize=5', { token: await login('office') });
    expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 5 });
  });

  it('echoes the request id', async () => {
    const res = await fetch(`${base}/health`, { headers: { 'x-request-id': 'req-42' } });
    expect(res.headers.get('x-request-id')).toBe('req-42');
  });
});
