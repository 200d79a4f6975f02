/**
 * The portal on the API's port: files from PORTAL_DIR, index.html for the app's deep links, and
 * /api/* untouched (an unknown API path keeps its JSON 404, never the app's page).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@jyta/config';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { createApp } from '../app';

let db: FreshDatabase;
let app: NestExpressApplication;
let base: string;
const dir = mkdtempSync(path.join(tmpdir(), 'portal-'));

beforeAll(async () => {
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>建议提案办理</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
  process.env.PORTAL_DIR = dir;
  db = await createFreshDatabase(undefined, { prefix: 'api_portal' });
  app = await createApp(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1', DEMO_ITEMS: 'false', LOG_LEVEL: 'silent' }),
  );
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  delete process.env.PORTAL_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('the portal served by the API', () => {
  it('answers / and every deep link of the app with index.html, never cached', async () => {
    for (const p of ['/', '/items/6f1c1a0e-0000-4000-8000-000000000000', '/public?year=2026', '/login']) {
      const res = await fetch(base + p);
      expect({ p, status: res.status, type: res.headers.get('content-type') }).toEqual({ p, status: 200, type: expect.stringContaining('text/html') });
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves the hashed assets for good, and a missing asset is a 404, not the page', async () => {
    const ok = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/gone-000000.js`)).status).toBe(404);
  });

  it('leaves /api alone: an unknown API path is still a JSON 404 with a code', async () => {
    for (const p of ['/api/nope', '/api', '/api/proposals/x/y/z']) {
      const res = await fetch(base + p);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toMatchObject({ statusCode: 404, code: expect.any(String) });
    }
    expect((await fetch(`${base}/api/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('does not answer other methods with the page', async () => {
    expect((await fetch(`${base}/items`, { method: 'POST' })).status).toBe(404);
  });
});
