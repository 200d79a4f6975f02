import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { withFreshDatabase } from '@jyta/db/src/testing';
import {
  PostgresEventStore,
  ProjectionRunner,
  START_POSITION,
  comparePositions,
  eventStoreMigrations,
  type ParkedEvent,
  type Projection,
  type StoredEvent,
} from './index';
import { eventually, newEvent } from './test-support';

/**
 * A read model that counts events per stream and records how often it saw each event. It also
 * checks per-stream order itself: an event whose version is not last+1 fails the batch.
 */
const readModelMigration = {
  id: '0100_test_read_model',
  sql: `
    CREATE TABLE rm_seen (projection text, event_id uuid, times int NOT NULL, PRIMARY KEY (projection, event_id));
    CREATE TABLE rm_streams (projection text, stream_id text, events int NOT NULL, last_version int NOT NULL, types text[] NOT NULL,
                             PRIMARY KEY (projection, stream_id));
  `,
};

function countingProjection(name: string, handled: StoredEvent[] = []): Projection & { handled: StoredEvent[] } {
  return {
    name,
    handled,
    async handle(events, client) {
      for (const e of events) {
        await client.query(
          `INSERT INTO rm_seen VALUES ($1, $2, 1) ON CONFLICT (projection, event_id) DO UPDATE SET times = rm_seen.times + 1`,
          [name, e.eventId],
        );
        await client.query(
          `INSERT INTO rm_streams VALUES ($1, $2, 1, $3, ARRAY[$4])
           ON CONFLICT (projection, stream_id) DO UPDATE
             SET events = rm_streams.events + 1, last_version = EXCLUDED.last_version, types = rm_streams.types || EXCLUDED.types`,
          [name, e.streamId, e.version, e.type],
        );
      }
      // Versions arrive as 1, 2, 3… per stream iff every stream's count equals its last version.
      const { rows } = await client.query<{ stream_id: string; events: number; last_version: number }>(
        'SELECT stream_id, events, last_version FROM rm_streams WHERE projection = $1 AND events <> last_version',
        [name],
      );
      if (rows.length) throw new Error(`out of order: ${JSON.stringify(rows)}`);
      handled.push(...events);
    },
    async reset(client) {
      await client.query('DELETE FROM rm_seen WHERE projection = $1', [name]);
      await client.query('DELETE FROM rm_streams WHERE projection = $1', [name]);
    },
  };
}

async function readModel(pool: pg.Pool, name: string) {
  const streams = await pool.query('SELECT stream_id, events, last_version, types FROM rm_streams WHERE projection = $1 ORDER BY stream_id', [name]);
  const seen = await pool.query<{ times: number }>('SELECT times FROM rm_seen WHERE projection = $1', [name]);
  return { streams: streams.rows, seen: seen.rows.length, timesAboveOne: seen.rows.filter((r) => r.times !== 1).length };
}

describe('ProjectionRunner', () => {
  const db = withFreshDatabase({ migrations: [...eventStoreMigrations, readModelMigration], poolSize: 16 });
  let store: PostgresEventStore;
  beforeAll(() => {
    store = new PostgresEventStore(db.pool);
  });

  async function appendSome(streams: number, perStream: number): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    const ids = Array.from({ length: streams }, () => `item-${randomUUID()}`);
    for (let v = 0; v < perStream; v++) {
      const results = await Promise.all(ids.map((s) => store.append(s, [newEvent(`E${v}`, { v })], { expectedVersion: v })));
      out.push(...results.flatMap((r) => r.events));
    }
    return out;
  }

  it('processes everything, keeps its checkpoint across a restart, and only handles new events after it', async () => {
    const events = await appendSome(5, 4);
    const p1 = countingProjection('restart');
    const r1 = new ProjectionRunner(db.pool, store, p1, { batchSize: 7 });
    expect(await r1.checkpoint()).toEqual(START_POSITION);
    await r1.catchUp();
    expect(p1.handled.length).toBeGreaterThanOrEqual(events.length); // (plus events of earlier tests, if any)
    const head = await store.headPosition();
    expect(await r1.checkpoint()).toEqual(head);

    // "Restart": a new runner instance (and projection object) resumes from the stored checkpoint.
    const p2 = countingProjection('restart');
    const r2 = new ProjectionRunner(db.pool, store, p2, { batchSize: 7 });
    expect(await r2.checkpoint()).toEqual(head);
    expect(await r2.runOnce()).toBe(0);
    const more = await appendSome(3, 2);
    await r2.catchUp();
    expect(p2.handled.map((e) => e.eventId).sort()).toEqual(more.map((e) => e.eventId).sort());

    const rm = await readModel(db.pool, 'restart');
    expect(rm.timesAboveOne).toBe(0);
    expect(rm.seen).toBe(p1.handled.length + p2.handled.length);
  });

  it('rolls a batch back on a transient error, checkpoint included, and parks nothing', async () => {
    await appendSome(2, 2);
    const failing: Projection = {
      name: 'failing',
      async handle(_events, client) {
        await client.query(`INSERT INTO rm_seen VALUES ('failing', $1, 1)`, [randomUUID()]);
        throw Object.assign(new Error('serialization failure'), { code: '40001' });
      },
    };
    const runner = new ProjectionRunner(db.pool, store, failing);
    await expect(runner.runOnce()).rejects.toThrow('serialization failure');
    expect(await runner.checkpoint()).toEqual(START_POSITION);
    expect((await readModel(db.pool, 'failing')).seen).toBe(0);
    expect((await runner.status()).parked).toBe(0);
    await expect(runner.rebuild()).rejects.toThrow(/no reset/);
  });

  it('parks an event it cannot fold (row, alert) and folds the events after it; a rebuild clears and re-parks it', async () => {
    const s = `item-${randomUUID()}`;
    const { events } = await store.append(s, [newEvent('A', {}), newEvent('Poison', {}), newEvent('C', {})], { expectedVersion: 0 });
    const { events: later } = await store.append(s, [newEvent('D', {})], { expectedVersion: 3 });
    // Records the types it folded per stream; cannot fold this one event (as a bug or bad data would).
    const handled: StoredEvent[] = [];
    const p: Projection = {
      name: 'parking',
      async handle(batch, client) {
        for (const e of batch.filter((x) => x.streamId === s)) {
          if (e.eventId === events[1].eventId) throw new TypeError("Cannot read properties of undefined (reading 'units')");
          await client.query(
            `INSERT INTO rm_streams VALUES ('parking', $1, 1, $2, ARRAY[$3]) ON CONFLICT (projection, stream_id) DO UPDATE
               SET events = rm_streams.events + 1, last_version = EXCLUDED.last_version, types = rm_streams.types || EXCLUDED.types`,
            [e.streamId, e.version, e.type],
          );
          handled.push(e);
        }
      },
      async reset(client) {
        await client.query(`DELETE FROM rm_streams WHERE projection = 'parking'`);
      },
    };
    const alerts: ParkedEvent[] = [];
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(db.pool, store, p, { batchSize: 50, onParked: (x) => alerts.push(x), onError: (e) => errors.push(e) });
    await runner.catchUp();

    // The poison event is parked, with its position and the error; the alert fired once.
    expect(alerts.map((a) => [a.eventId, a.type, a.streamId])).toEqual([[events[1].eventId, 'Poison', s]]);
    expect(alerts[0].position).toEqual(events[1].position);
    expect(alerts[0].error).toMatch(/TypeError: Cannot read properties of undefined/);
    expect(await runner.parkedEvents()).toEqual([expect.objectContaining({ eventId: events[1].eventId, projection: 'parking', position: events[1].position })]);
    const { rows } = await db.pool.query('SELECT event_id, type, error FROM parked_events WHERE projection = $1', ['parking']);
    expect(rows).toEqual([{ event_id: events[1].eventId, type: 'Poison', error: expect.stringContaining('TypeError') }]);

    // The others are folded (the events before and after it, the later batch too); the projection went on.
    // (The batch attempt that threw pushed A first: count what the committed table holds.)
    const folded = await db.pool.query('SELECT types FROM rm_streams WHERE projection = $1', ['parking']);
    expect(folded.rows).toEqual([{ types: ['A', 'C', 'D'] }]);
    expect(handled.map((e) => e.eventId)).toContain(later[0].eventId);
    expect(errors).toEqual([]);
    const status = await runner.status();
    expect(status).toMatchObject({ name: 'parking', lag: 0, parked: 1 });
    expect(status.checkpoint).toEqual(await store.headPosition());

    // And later appends still go through.
    const { events: more } = await store.append(s, [newEvent('E', {})], { expectedVersion: 4 });
    await runner.catchUp();
    expect(handled.map((e) => e.eventId)).toContain(more[0].eventId);

    // A rebuild replays from the store: the same folded rows, the poison event parked once again.
    const before = (await db.pool.query('SELECT stream_id, events, types FROM rm_streams WHERE projection = $1', ['parking'])).rows;
    alerts.length = 0;
    await runner.rebuild();
    expect((await db.pool.query('SELECT stream_id, events, types FROM rm_streams WHERE projection = $1', ['parking'])).rows).toEqual(before);
    expect(before).toEqual([{ stream_id: s, events: 4, types: ['A', 'C', 'D', 'E'] }]);
    expect(alerts.map((a) => a.eventId)).toEqual([events[1].eventId]);
    expect((await runner.status()).parked).toBe(1);
  });

  it('status() reports the lag of a projection that is behind', async () => {
    const p = countingProjection('lagging');
    const runner = new ProjectionRunner(db.pool, store, p, { batchSize: 1000 });
    await runner.catchUp();
    expect((await runner.status()).lag).toBe(0);
    await store.append(`item-${randomUUID()}`, [newEvent('A', {}), newEvent('B', {})], { expectedVersion: 0 });
    expect((await runner.status()).lag).toBe(2);
    await runner.catchUp();
    expect(await runner.status()).toMatchObject({ lag: 0, parked: 0 });
  });

  it('rebuild() resets the read model and replays to the same result', async () => {
    await appendSome(6, 3);
    const p = countingProjection('rebuild');
    const runner = new ProjectionRunner(db.pool, store, p, { batchSize: 10 });
    await runner.catchUp();
    const before = await readModel(db.pool, 'rebuild');
    const checkpoint = await runner.checkpoint();
    expect(before.streams.length).toBeGreaterThan(0);

    p.handled.length = 0;
    await runner.rebuild();
    expect(await readModel(db.pool, 'rebuild')).toEqual(before);
    expect(await runner.checkpoint()).toEqual(checkpoint);
    expect(p.handled.length).toBe(before.seen);
  });

  it('two runners of the same projection, while events are appended, handle each event exactly once', async () => {
    const pA = countingProjection('shared');
    const pB = countingProjection('shared');
    // Separate pools, as two processes would have.
    const poolB = createPool(db.url, 4);
    const errors: unknown[] = [];
    const a = new ProjectionRunner(db.pool, store, pA, { batchSize: 5, pollMs: 20, onError: (e) => errors.push(e) });
    const b = new ProjectionRunner(poolB, new PostgresEventStore(poolB), pB, { batchSize: 5, pollMs: 20, onError: (e) => errors.push(e) });
    try {
      a.start();
      b.start();
      // Meanwhile, also race plain runOnce() calls of both.
      const racing = Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).runOnce()));
      const appended = (await Promise.all([appendSome(8, 5), appendSome(8, 5)])).flat();
      await racing;
      const last = appended.reduce((m, e) => (comparePositions(e.position, m) > 0 ? e.position : m), START_POSITION);
      await a.waitFor(last);
      await b.waitFor(last);
      await Promise.all([a.stop(), b.stop()]);

      expect(errors).toEqual([]);
      const handled = [...pA.handled, ...pB.handled].map((e) => e.eventId);
      expect(new Set(handled).size).toBe(handled.length);
      const total = (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
      expect(handled.length).toBe(total);
      if (process.env.ES_TEST_VERBOSE) console.log({ handledByA: pA.handled.length, handledByB: pB.handled.length });
      const rm = await readModel(db.pool, 'shared');
      expect(rm.seen).toBe(total);
      expect(rm.timesAboveOne).toBe(0);
    } finally {
      // A started runner holds a pooled client (its LISTEN connection) until stopped.
      await Promise.all([a.stop(), b.stop()]);
      await poolB.end();
    }
  });

  it('start() reacts to appends through LISTEN/NOTIFY without waiting for the poll', async () => {
    const p = countingProjection('listen');
    const runner = new ProjectionRunner(db.pool, store, p, { pollMs: 60_000 });
    await runner.catchUp();
    runner.start();
    try {
      // Let it LISTEN and go to sleep: wait until its connection's last statement is the LISTEN
      // (a fixed pause loses the race on a busy machine, and then only the minute's poll would come).
      await eventually(
        async () =>
          (
            await db.pool.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' AND query LIKE 'LISTEN %'`,
            )
          ).rows[0].n > 0,
        30_000,
        'the runner to LISTEN',
      );
      const s = `item-${randomUUID()}`;
      const { events } = await store.append(s, [newEvent('Ping', {})], { expectedVersion: 0 });
      // pollMs is a minute: only the notification can wake it this soon (20 s leaves room for a busy machine).
      await eventually(async () => p.handled.some((e) => e.eventId === events[0].eventId), 20_000, 'the projection to see the event');
      // waitFor() is then immediate, and a stopped runner can be started again.
      await runner.waitFor(events[0].position, 1_000);
      await runner.stop();
      await runner.stop();
      runner.start();
      await runner.stop();
    } finally {
      await runner.stop();
    }
  });

  it('waitFor() on a started runner: settleMs holds back a notification, not a waiter; work done by another runner counts', async () => {
    const p = countingProjection('settle');
    // A minute of settling and of polling: within this test only a waiter can make it run.
    const runner = new ProjectionRunner(db.pool, store, p, { pollMs: 60_000, settleMs: 60_000 });
    await runner.catchUp();
    runner.start();
    try {
      const first = await store.append(`item-${randomUUID()}`, [newEvent('A', {}), newEvent('B', {})], { expectedVersion: 0 });
      await runner.waitFor(first.events[1].position, 20_000);
      expect(p.handled.map((e) => e.eventId)).toEqual(expect.arrayContaining(first.events.map((e) => e.eventId)));
      // Another process's runner of the same projection takes the next event: the waiter here
      // sees the moved checkpoint, and the event is handled once.
      const other = new ProjectionRunner(db.pool, store, p);
      const second = await store.append(`item-${randomUUID()}`, [newEvent('C', {})], { expectedVersion: 0 });
      await other.catchUp();
      await runner.waitFor(second.events[0].position, 20_000);
      expect(p.handled.filter((e) => e.eventId === second.events[0].eventId)).toHaveLength(1);
      expect((await readModel(db.pool, 'settle')).timesAboveOne).toBe(0);
      await expect(runner.waitFor({ transactionId: '999999999999', sequence: '1' }, 300)).rejects.toThrow(/did not reach 999999999999.1/);
    } finally {
      await runner.stop();
    }
  });

  it('waitFor() drives a runner that is not started, and times out on an unreachable position', async () => {
    const p = countingProjection('waitfor');
    const runner = new ProjectionRunner(db.pool, store, p, { batchSize: 3 });
    const { events } = await store.append(`item-${randomUUID()}`, [newEvent('A', {}), newEvent('B', {})], { expectedVersion: 0 });
    await runner.waitFor(events[1].position);
    expect(p.handled.map((e) => e.eventId)).toEqual(expect.arrayContaining(events.map((e) => e.eventId)));
    await expect(runner.waitFor({ transactionId: '999999999999', sequence: '1' }, 100)).rejects.toThrow(/did not reach 999999999999.1/);
  });

  it('the migrations are idempotent', async () => {
    expect(await runMigrations(db.pool, eventStoreMigrations)).toEqual([]);
  });
});
