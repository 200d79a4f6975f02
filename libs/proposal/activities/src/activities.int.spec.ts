/**
 * The workflow's I/O, against a real PostgreSQL: every activity may be retried by Temporal, so
 * each must do its work once however often it runs.
 */
import { randomUUID } from 'node:crypto';
import { createPool } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { migrateAll } from '@jyta/schema';
import type { Pool } from 'pg';
import { createProposalActivities } from './index';

let db: FreshDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'activities' });
  pool = createPool(db.url, 4);
  await migrateAll(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

// Called outside an activity context: these activities need none unless the crash hook is set.
const run = <T>(fn: () => Promise<T>) => fn();

it('appendEvents retried with the same event ids writes once and answers the same', async () => {
  const io = createProposalActivities({ pool });
  const input = {
    streamId: `proposal-${randomUUID()}`,
    expectedVersion: 0,
    events: [
      {
        eventId: randomUUID(),
        type: 'ProposalRegistered',
        data: { title: 't' },
        metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'test' },
      },
    ],
  };
  const first = await run(() => io.appendEvents(input));
  const retry = await run(() => io.appendEvents(input));
  expect(first.duplicate).toBe(false);
  expect(retry).toEqual({ ...first, duplicate: true });
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [input.streamId]);
  expect(rows[0].n).toBe(1);
});

it('allocateNumber is idempotent per proposal', async () => {
  const io = createProposalActivities({ pool });
  const id = randomUUID();
  const a = await io.allocateNumber({ proposalId: id, year: 2026, kind: 'cppcc_proposal' });
  const b = await io.allocateNumber({ proposalId: id, year: 2026, kind: 'cppcc_proposal' });
  expect(a).toBe('2026-提案-0001');
  expect(b).toBe(a);
});

it('loadCalendar returns the seeded years only, and loadPolicy the default before any publish', async () => {
  const io = createProposalActivities({ pool });
  const cal = await io.loadCalendar({ fromYear: 2026, toYear: 2027 });
  expect(cal.coveredYears).toEqual([2026]);
  expect(cal.overrides.some((o) => o.date === '2026-10-01' && o.kind === 'holiday')).toBe(true);
  expect((await io.loadPolicy()).returnWindow).toBe('P15D');
});
