/**
 * The API's edge, booted in-process on a fresh database (no worker needed): input PostgreSQL cannot
 * store, bodies too deep, too large or wrongly encoded, paging out of range — each a 4xx with a
 * stable code, never a 500; an internal error is a 500 with a correlation id and no internals;
 * security headers and CORS.
 */
import { gzipSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { loadConfig } from '@jyta/config';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { createApp } from '../app';

let db: FreshDatabase;
let app: NestExpressApplication;
let base: string;
let office: string;

beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'api_edge' });
  app = await createApp(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1',
      DEMO_ITEMS: 'false',
      LOG_LEVEL: 'silent',
    }),
    { corsOrigins: ['https://portal.example.gov.cn'] },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  base = `http://127.0.0.1:${port}`;
  office = (await call('POST', '/api/auth/login', { body: { username: 'office', password: 'Demo#2026' } })).body.accessToken;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
) {
  const hasBody = opts.body !== undefined || opts.raw !== undefined;
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

const fieldsOf = (body: any): string[] => (body?.details?.fields ?? []).map((f: { field: string }) => f.field);
const ID = '00000000-0000-4000-8000-000000000000';

describe('strings PostgreSQL cannot store', () => {
  it('a lone surrogate in the body is 400 VALIDATION_FAILED naming the field (JSON escapes reach it)', async () => {
    const raw = '{"kind":"npc_suggestion","title":"关于\\ud800的建议","proposers":[{"name":"甲\\udfff"}]}';
    const res = await call('POST', '/api/proposals', { token: office, raw });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res.body)).toEqual(['title']);
  });

  it('in a reply body, a contact summary, a login, and as a key', async () => {
    for (const [path, raw, field] of [
      [`/api/proposals/${ID}/replies`, '{"unitId":"rsj","category":"A","body":"\\udc00"}', 'body'],
      [`/api/proposals/${ID}/units/rsj/contacts`, '{"summary":"a\\ud83d"}', 'summary'],
      ['/api/auth/login', '{"username":"office\\ud800","password":"x"}', 'username'],
      ['/api/auth/login', '{"\\ud800":1}', '\ud800'],
    ] as const) {
      const res = await call('POST', path, { token: office, raw });
      expect([path, res.status, res.body.code, fieldsOf(res.body)[0]]).toEqual([path, 400, 'VALIDATION_FAILED', field.replace('\ud800', '\ufffd')]);
    }
  });

  it('NUL in query and path as in the body', async () => {
    expect((await call('GET', '/api/proposals?q=a%00', { token: office })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(fieldsOf((await call('GET', '/api/proposals?q=a%00', { token: office })).body)).toEqual(['q']);
    expect((await call('GET', '/api/proposals/a%00b', { token: office })).status).toBe(400);
  });

  it('a well-formed surrogate pair (an emoji) passes', async () => {
    const res = await call('POST', '/api/auth/login', { raw: '{"username":"\\ud83d\\ude00","password":"x"}' });
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('bodies', () => {
  it('nested deeper than the limit: 400 BODY_TOO_DEEP, even very deep', async () => {
    for (const depth of [40, 5_000, 200_000]) {
      const raw = `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const res = await call('POST', '/api/proposals', { token: office, raw });
      expect([depth, res.status, res.body.code]).toEqual([depth, 400, 'BODY_TOO_DEEP']);
    }
  });

  it('over the size limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await call('POST', '/api/proposals', { token: office, raw: JSON.stringify({ content: 'x'.repeat(3 * 1024 * 1024) }) });
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('a bad or unsupported content-encoding: 415 / 400 with a code, never 500', async () => {
    const bogus = await call('POST', '/api/auth/login', { raw: '{}', headers: { 'content-encoding': 'bogus' } });
    expect(bogus.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const notGzip = await call('POST', '/api/auth/login', { raw: '{"username":"a"}', headers: { 'content-encoding': 'gzip' } });
    expect(notGzip.body).toMatchObject({ statusCode: 400, code: 'INVALID_BODY_ENCODING' });
    const gz = await call('POST', '/api/auth/login', {
      raw: gzipSync(JSON.stringify({ username: 'office', password: 'wrong' })),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(gz.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('malformed JSON and a bad charset: 400 / 415', async () => {
    expect((await call('POST', '/api/auth/login', { raw: '{"a":' })).body.code).toBe('INVALID_JSON');
    const charset = await call('POST', '/api/auth/login', { raw: '{}', headers: { 'content-type': 'application/json; charset=klingon' } });
    expect(charset.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describe('paging', () => {
  it.each(['1e21', '9007199254740993', '100000000', '1.5', '0x10', '-1', '0', ' 1', '1e2'])('page=%s is 400 naming page', async (page) => {
    const res = await call('GET', `/api/proposals?page=${encodeURIComponent(page)}`, { token: office });
    expect([res.status, res.body.code, fieldsOf(res.body)]).toEqual([400, 'VALIDATION_FAILED', ['page']]);
  });

  it('the last allowed page answers, empty', async () => {
    const res = await call('GET', '/api/proposals?page=100000&pageSize=100', { token: office });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await call('GET', '/api/me/inbox?page=100000&pageSize=100', { token: office })).status).toBe(200);
    expect((await call('GET', '/api/public/replies?page=1e21')).status).toBe(400);
  });
});

describe('errors tell the truth', () => {
  it('an unknown route is 404, a domain-like refusal keeps its 4xx, and every answer carries x-request-id', async () => {
    const res = await call('GET', '/api/no-such-route', { token: office });
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('an internal error', () => {
  it('is a 500 INTERNAL_ERROR with a correlation id (also the x-request-id header), never the raw message', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    // A real failure inside the request: the list's read model table is gone for a moment.
    await pool.query('ALTER TABLE proposal_list RENAME TO proposal_list_away');
    try {
      const res = await call('GET', '/api/proposals', { token: office, headers: { 'x-request-id': 'edge-500' } });
      expect(res.body).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: expect.stringMatching(/服务器内部错误/),
        details: { correlationId: 'edge-500' },
      });
      expect(res.headers.get('x-request-id')).toBe('edge-500');
      expect(JSON.stringify(res.body)).not.toMatch(/proposal_list|does not exist|42P01/);
    } finally {
      await pool.query('ALTER TABLE proposal_list_away RENAME TO proposal_list');
      await pool.end();
    }
    // and the same request, the table back, is answered
    expect((await call('GET', '/api/proposals', { token: office })).status).toBe(200);
  });
});

describe('security headers and CORS', () => {
  it('sets helmet headers and a CSP fit for a same-origin SPA', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('Swagger UI still loads', async () => {
    const res = await fetch(`${base}/api/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  it('allows only the configured origins', async () => {
    const allowed = await fetch(`${base}/api/proposals`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await fetch(`${base}/api/proposals`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${base}/api/health`, { headers: { origin: 'https://evil.example.com' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
