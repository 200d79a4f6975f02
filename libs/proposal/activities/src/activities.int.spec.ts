/**
 * The workflow's I/O, against a real PostgreSQL: every activity may be retried by Temporal, so
 * each must do its work once however often it runs.
 */
import { randomUUID } from 'node:crypto';
import { createPool } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { migrateAll } from '@jyta/schema';
import type { Pool } from 'pg';
import { ApplicationFailure } from '@temporalio/common';
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
  // the retry also carries what was stored, for a workflow that decided again to adopt
  expect(retry).toEqual({
    ...first,
    duplicate: true,
    events: first.events.map((e) => ({ ...e, data: { title: 't' }, occurredAt: input.events[0].metadata.occurredAt })),
  });
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [input.streamId]);
  expect(rows[0].n).toBe(1);
});

it('appendEvents fails without retry when no retry can help: data PostgreSQL refuses, a stale version, conflicting ids', async () => {
  const io = createProposalActivities({ pool });
  const event = (data: unknown) => ({
    eventId: randomUUID(),
    type: 'ContactRecorded',
    data,
    metadata: { actor: null, occurredAt: new Date().toISOString(), correlationId: 'test' },
  });
  const streamId = `proposal-${randomUUID()}`;
  const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e) => e);
  for (const bad of ['\ud800', 'a\u0000b']) {
    const f = await failureOf(io.appendEvents({ streamId, expectedVersion: 0, events: [event({ summary: bad })] }));
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f).toMatchObject({ type: 'STORE_REJECTED', nonRetryable: true });
  }
  const ok = event({ summary: '好' });
  await io.appendEvents({ streamId, expectedVersion: 0, events: [ok] });
  expect(await failureOf(io.appendEvents({ streamId, expectedVersion: 0, events: [event({})] }))).toMatchObject({ type: 'STORE_CONFLICT', nonRetryable: true });
  expect(await failureOf(io.appendEvents({ streamId: `proposal-${randomUUID()}`, expectedVersion: 0, events: [ok] }))).toMatchObject({
    type: 'STORE_CONFLICT',
    nonRetryable: true,
  });
  // a transient error stays as it is, for the workflow's bounded retry
  const downPool = createPool('postgres://postgres:postgres@127.0.0.1:1/none', 1);
  const transient = await failureOf(createProposalActivities({ pool: downPool }).appendEvents({ streamId, expectedVersion: 1, events: [event({})] }));
  await downPool.end();
  expect(transient).not.toBeInstanceOf(ApplicationFailure);
  expect(transient).toMatchObject({ code: 'ECONNREFUSED' });
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
