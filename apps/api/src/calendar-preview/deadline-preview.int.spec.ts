/**
 * The office's deadline preview before an assignment (GET /api/calendar/preview): the same dates and
 * explanations AssignProposal will record, computed read-only from the current policy and calendar.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@jyta/config';
import { computeDeadlineReported, parsePeriod } from '@jyta/calendar-domain';
import { loadCalendar } from '@jyta/calendar-data-access';
import { createPool } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { createApp } from '../app';

let db: FreshDatabase;
let app: NestExpressApplication;
let base: string;
let token: string;

beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'api_preview' });
  app = await createApp(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:1', DEMO_ITEMS: 'false', LOG_LEVEL: 'silent' }),
  );
  await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: 'Demo#2026' }),
  });
  token = ((await res.json()) as { accessToken: string }).accessToken;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const preview = async (query: string) => {
  const res = await fetch(`${base}/calendar/preview?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as any };
};

describe('deadline preview before assigning', () => {
  it('gives the return window and reply deadline an assignment on that day would get, with their explanations (holidays skipped)', async () => {
    // 15 days after 2026-09-16 is 2026-10-01, National Day: the window moves past the holiday.
    const { status, body } = await preview('assignedOn=2026-09-16');
    expect(status).toBe(200);
    const pool = createPool(db.url, 1);
    try {
      const calendar = await loadCalendar(pool, 2026, 2028);
      const expected = (period: string) => computeDeadlineReported({ start: '2026-09-16', period: parsePeriod(period), calendar });
      expect(body.returnWindow).toMatchObject({ lastDay: expected('P15D').lastDay, explanation: expected('P15D').explanation.text });
      expect(body.replyDue).toMatchObject({ lastDay: expected('P3M').lastDay });
    } finally {
      await pool.end();
    }
    expect(body.returnWindow.lastDay > '2026-10-01').toBe(true);
    expect(body.returnWindow.explanation).toMatch(/节/);
    expect(body.opinionDue.lastDay < body.replyDue.lastDay).toBe(true);
  });

  it('uses the shorter reply period of an urgent item', async () => {
    const normal = (await preview('assignedOn=2026-03-02')).body;
    const urgent = (await preview('assignedOn=2026-03-02&urgent=true')).body;
    expect(urgent.urgent).toBe(true);
    expect(urgent.replyDue.lastDay < normal.replyDue.lastDay).toBe(true);
    expect(urgent.returnWindow).toEqual(normal.returnWindow);
  });

  it('refuses an impossible day with the field named', async () => {
    const { status, body } = await preview('assignedOn=2026-02-30');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'assignedOn' })] } });
  });
});
