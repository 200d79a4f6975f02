import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withTransaction } from '@jyta/db';
import { withFreshDatabase } from '@jyta/db/src/testing';
import {
  EVENTS_CHANNEL,
  EventIdConflictError,
  PostgresEventStore,
  WrongExpectedVersionError,
  classifyAppendError,
  comparePositions,
  eventStoreMigrations,
  type StoredEvent,
} from './index';
import { eventually, newEvent } from './test-support';

describe('PostgresEventStore', () => {
  const db = withFreshDatabase({ migrations: eventStoreMigrations, poolSize: 12 });
  let store: PostgresEventStore;
  beforeAll(() => {
    store = new PostgresEventStore(db.pool);
  });
  const stream = () => `proposal-${randomUUID()}`;

  describe('append / readStream', () => {
    it('stores events with 1-based versions, global positions and their metadata', async () => {
      const s = stream();
      const e1 = newEvent('Submitted', { title: '关于加强社区养老服务的建议', tags: ['养老'] });
      const e2 = newEvent('Assigned', [1, 2, 3], {
        metadata: { actor: null, occurredAt: '2025-03-05T09:00:00.000+08:00', correlationId: 'timer-1', causationId: e1.eventId, extra: 1 },
      });
      const r1 = await store.append(s, [e1], { expectedVersion: 0 });
      expect(r1).toMatchObject({ nextVersion: 1, duplicate: false });
      const r2 = await store.append(s, [e2], { expectedVersion: 1 });
      expect(r2.nextVersion).toBe(2);
      expect(comparePositions(r1.events[0].position, r2.events[0].position)).toBe(-1);

      const read = await store.readStream(s);
      expect(read.map((e) => [e.version, e.type, e.eventId])).toEqual([
        [1, 'Submitted', e1.eventId],
        [2, 'Assigned', e2.eventId],
      ]);
      expect(read[0].data).toEqual(e1.data);
      expect(read[1].data).toEqual([1, 2, 3]); // arrays stay JSON, not PG arrays
      expect(read[0].metadata).toEqual(e1.metadata);
      expect(read[1].metadata).toEqual(e2.metadata);
      expect(read[0]).toEqual(r1.events[0]);
      expect(Date.parse(read[0].recordedAt)).not.toBeNaN();
      expect(read[0].position).toEqual({ transactionId: expect.stringMatching(/^\d+$/), sequence: expect.stringMatching(/^\d+$/) });
      expect((await store.readStream(s, { fromVersion: 2 })).map((e) => e.version)).toEqual([2]);
      expect(await store.streamVersion(s)).toBe(2);
      expect(await store.streamVersion(stream())).toBe(0);
      expect(await store.readStream(stream())).toEqual([]);

      const { rows } = await db.pool.query('SELECT occurred_at FROM events WHERE event_id = $1', [e2.eventId]);
      expect((rows[0].occurred_at as Date).toISOString()).toBe('2025-03-05T01:00:00.000Z');
    });

    it('appends a batch atomically, sequences increasing with versions', async () => {
      const s = stream();
      const r = await store.append(s, [newEvent('A', 1), newEvent('B', 2), newEvent('C', 3)], { expectedVersion: 'any' });
      expect(r.nextVersion).toBe(3);
      expect(r.events.map((e) => e.version)).toEqual([1, 2, 3]);
      expect(new Set(r.events.map((e) => e.position.transactionId)).size).toBe(1);
      const seqs = r.events.map((e) => BigInt(e.position.sequence));
      expect(seqs[0] < seqs[1] && seqs[1] < seqs[2]).toBe(true);
      // A batch with one bad event writes nothing.
      await expect(
        store.append(s, [newEvent('D', 4), newEvent('E', 5, { metadata: { actor: null, occurredAt: '2025-02-30T99:00:00Z', correlationId: 'c' } })], {
          expectedVersion: 3,
        }),
      ).rejects.toThrow();
      expect(await store.streamVersion(s)).toBe(3);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a stale expected version', async () => {
      const s = stream();
      await store.append(s, [newEvent('A', {})], { expectedVersion: 0 });
      await store.append(s, [newEvent('B', {})], { expectedVersion: 1 });
      const err = await store.append(s, [newEvent('C', {})], { expectedVersion: 1 }).catch((e) => e);
      expect(err).toBeInstanceOf(WrongExpectedVersionError);
      expect(err).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: s, expected: 1, actual: 2 });
      await expect(store.append(s, [newEvent('C', {})], { expectedVersion: 0 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(stream(), [newEvent('C', {})], { expectedVersion: 3 })).rejects.toMatchObject({ actual: 0 });
      expect(await store.streamVersion(s)).toBe(2);
    });

    it('lets exactly one of several concurrent appenders with the same expected version win', async () => {
      const streams = Array.from({ length: 10 }, stream);
      await Promise.all(streams.map((s) => store.append(s, [newEvent('Created', {})], { expectedVersion: 0 })));
      const results = await Promise.allSettled(
        streams.flatMap((s) => [0, 1, 2].map((i) => store.append(s, [newEvent(`Racer${i}`, {}), newEvent('Then', {})], { expectedVersion: 1 }))),
      );
      for (let i = 0; i < streams.length; i++) {
        const mine = results.slice(i * 3, i * 3 + 3);
        expect(mine.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of mine) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        const events = await store.readStream(streams[i]);
        expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
      }
    });
  });

  describe('idempotency by event id', () => {
    it('stores the same events once; a retry gets the stored events back', async () => {
      const s = stream();
      const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const first = await store.append(s, batch, { expectedVersion: 0 });
      // The retry carries the original (now stale) expected version.
      const retry = await store.append(s, batch, { expectedVersion: 0 });
      expect(retry).toEqual({ nextVersion: 2, events: first.events, duplicate: true });
      // Also after the stream moved on, and with upper-case ids.
      await store.append(s, [newEvent('C', {})], { expectedVersion: 2 });
      const later = await store.append(s, batch.map((e) => ({ ...e, eventId: e.eventId.toUpperCase() })), { expectedVersion: 0 });
      expect(later).toMatchObject({ duplicate: true, nextVersion: 2 });
      expect(later.events).toEqual(first.events);
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [s]);
      expect(rows[0].n).toBe(3);
    });

    it('writes once when the same append runs concurrently', async () => {
      const s = stream();
      const batch = [newEvent('A', {}), newEvent('B', {})];
      const results = await Promise.all([0, 1, 2, 3].map(() => store.append(s, batch, { expectedVersion: 'any' })));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      for (const r of results) expect(r.events.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
      expect(await store.streamVersion(s)).toBe(2);
    });

    it('a retry with only some of the first append\'s ids gets the whole first append back', async () => {
      const s = stream();
      const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
      const first = await store.append(s, batch, { expectedVersion: 0 });
      const fewer = await store.append(s, [{ ...batch[0], data: { n: 'decided again' } }], { expectedVersion: 0 });
      expect(fewer).toEqual({ nextVersion: 2, events: first.events, duplicate: true });
      // ids of two different appends are not one retry
      const later = await store.append(s, [newEvent('C', {})], { expectedVersion: 2 });
      await expect(store.append(s, [batch[1], { ...later.events[0], metadata: later.events[0].metadata }], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
    });

    it('tells the errors no retry can fix from those a retry may', async () => {
      const s = stream();
      const refused = await store.append(s, [newEvent('A', { text: '坏\ud800字符' })], { expectedVersion: 0 }).catch((e) => e);
      expect(refused).toMatchObject({ code: expect.stringMatching(/^22/) });
      expect(classifyAppendError(refused)).toBe('permanent');
      const nul = await store.append(s, [newEvent('A', { text: 'a\u0000' })], { expectedVersion: 0 }).catch((e) => e);
      expect(classifyAppendError(nul)).toBe('permanent');
      expect(await store.streamVersion(s)).toBe(0);
      expect(classifyAppendError(await store.append(s, [newEvent('A', {})], { expectedVersion: 5 }).catch((e) => e))).toBe('permanent');
      expect(classifyAppendError(await store.append(s, [newEvent('A', {})], { expectedVersion: -1 }).catch((e) => e))).toBe('permanent');
      for (const code of ['40001', '40P01', '08006', '57P01', '53300', 'ECONNREFUSED', undefined]) {
        expect([code, classifyAppendError(Object.assign(new Error('x'), { code }))]).toEqual([code, 'transient']);
      }
    });

    it('refuses an event id stored in another stream, or a partial overlap', async () => {
      const s1 = stream();
      const s2 = stream();
      const e = newEvent('A', {});
      await store.append(s1, [e], { expectedVersion: 0 });
      await expect(store.append(s2, [e], { expectedVersion: 0 })).rejects.toBeInstanceOf(EventIdConflictError);
      await expect(store.append(s1, [e, newEvent('B', {})], { expectedVersion: 'any' })).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT' });
      // Same new id raced into two streams: the unique index decides.
      const f = newEvent('F', {});
      const raced = await Promise.allSettled([store.append(s1, [f], { expectedVersion: 'any' }), store.append(s2, [f], { expectedVersion: 'any' })]);
      expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = raced.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(EventIdConflictError);
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM events WHERE event_id = ANY($1::uuid[])', [[e.eventId, f.eventId]]);
      expect(rows[0].n).toBe(2);
    });
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE of events are refused', async () => {
    const s = stream();
    await store.append(s, [newEvent('A', { v: 1 })], { expectedVersion: 0 });
    await expect(db.pool.query(`UPDATE events SET data = '{"v":2}' WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [s])).rejects.toThrow(/append-only: DELETE/);
    // Row triggers never see TRUNCATE; the statement trigger does (also when cascaded to).
    await expect(db.pool.query('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(db.pool.query('TRUNCATE events CASCADE')).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [s])).rows[0].n).toBe(1);
    expect((await store.readStream(s))[0].data).toEqual({ v: 1 });
  });

  it(`NOTIFYs ${EVENTS_CHANNEL} when an append commits`, async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    try {
      const got: string[] = [];
      listener.on('notification', (m) => m.channel === EVENTS_CHANNEL && got.push(m.payload ?? ''));
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
      const s = stream();
      await store.append(s, [newEvent('A', {})], { expectedVersion: 0 });
      await store.append(s, [newEvent('A', {})], { expectedVersion: 0 }).catch(() => undefined); // refused: no notification
      await eventually(async () => got.includes(s), 5000, 'notification');
      expect(got.filter((p) => p === s)).toHaveLength(1);
    } finally {
      await listener.end();
    }
  });

  describe('startStreams (many new streams in the caller\'s transaction)', () => {
    it('writes each new stream from version 1 in one transaction, and leaves streams that exist untouched', async () => {
      const old = stream();
      const before = await store.append(old, [newEvent('Submitted', {})], { expectedVersion: 0 });
      const fresh = [stream(), stream()];
      const result = await withTransaction(db.pool, (c) =>
        store.startStreams(c, [
          { streamId: fresh[0], events: [newEvent('Submitted', { n: 0 }), newEvent('Assigned', { n: 0 })] },
          { streamId: old, events: [newEvent('Submitted', { again: true })] },
          { streamId: fresh[1], events: [newEvent('Submitted', { n: 1 })] },
        ]),
      );
      expect(result.existing).toEqual([old]);
      expect(result.created.map((e) => [e.streamId, e.version, e.type])).toEqual([
        [fresh[0], 1, 'Submitted'],
        [fresh[0], 2, 'Assigned'],
        [fresh[1], 1, 'Submitted'],
      ]);
      expect(new Set(result.created.map((e) => e.position.transactionId)).size).toBe(1);
      expect(await store.readStream(old)).toEqual(before.events);
      expect((await store.readStream(fresh[0])).map((e) => e.data)).toEqual([{ n: 0 }, { n: 0 }]);
      // A later append continues each stream.
      expect((await store.append(fresh[1], [newEvent('Assigned', {})], { expectedVersion: 1 })).nextVersion).toBe(2);
    });

    it('writes nothing when the transaction rolls back, and refuses bad input before writing', async () => {
      const s = stream();
      await expect(
        withTransaction(db.pool, async (c) => {
          await store.startStreams(c, [{ streamId: s, events: [newEvent('Submitted', {})] }]);
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      expect(await store.streamVersion(s)).toBe(0);
      await expect(withTransaction(db.pool, (c) => store.startStreams(c, [{ streamId: s, events: [{ ...newEvent('X', {}), eventId: 'nope' }] }]))).rejects.toThrow(TypeError);
      await expect(
        withTransaction(db.pool, (c) => store.startStreams(c, [{ streamId: s, events: [newEvent('X', {})] }, { streamId: s, events: [newEvent('Y', {})] }])),
      ).rejects.toThrow(/twice/);
      expect(await store.streamVersion(s)).toBe(0);
    });

    it('given two concurrent transactions starting the same streams, then each stream is written once', async () => {
      const ids = Array.from({ length: 50 }, () => stream());
      const results = await Promise.all(
        [0, 1].map((k) => withTransaction(db.pool, (c) => store.startStreams(c, ids.map((streamId) => ({ streamId, events: [newEvent('Submitted', { k })] }))))),
      );
      expect(results[0].created.length + results[1].created.length).toBe(50);
      expect(results[0].existing.length + results[1].existing.length).toBe(50);
      const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE stream_id = ANY($1)', [ids]);
      expect(Number(rows[0].n)).toBe(50);
    });

    it('writes more events than one statement takes (chunks of 1000) in $all order', async () => {
      const streams = Array.from({ length: 700 }, () => ({ streamId: stream(), events: [newEvent('Submitted', {}), newEvent('Assigned', {})] }));
      const { created } = await withTransaction(db.pool, (c) => store.startStreams(c, streams));
      expect(created).toHaveLength(1400);
      for (let i = 1; i < created.length; i++) expect(comparePositions(created[i - 1].position, created[i].position)).toBe(-1);
    });
  });

  describe('readAll', () => {
    it('never returns a row that a transaction still running could be ordered before', async () => {
      // A: a slow appender that took its sequence number first and has not committed yet.
      // B: appends after A and commits first, with a higher sequence number.
      const slow = await db.pool.connect();
      let bEvents: StoredEvent[] = [];
      const sa = stream();
      const sb = stream();
      try {
        await slow.query('BEGIN');
        const a = newEvent('SlowOne', {});
        const { rows } = await slow.query(
          `INSERT INTO events (event_id, stream_id, version, type, data, metadata, occurred_at)
           VALUES ($1, $2, 1, 'SlowOne', '{}', $3, now()) RETURNING sequence::text AS sequence`,
          [a.eventId, sa, JSON.stringify(a.metadata)],
        );
        bEvents = (await store.append(sb, [newEvent('FastOne', {})], { expectedVersion: 0 })).events;
        expect(BigInt(bEvents[0].position.sequence)).toBeGreaterThan(BigInt(rows[0].sequence));

        // A reader ordering by sequence alone would now see B (committed) and move its checkpoint
        // past A's sequence number, losing A for good once it commits:
        const naive = await db.pool.query('SELECT stream_id FROM events WHERE stream_id IN ($1, $2) ORDER BY sequence', [sa, sb]);
        expect(naive.rows.map((r) => r.stream_id)).toEqual([sb]);
        // readAll holds B back while A runs.
        const all = await store.readAll({ limit: 10_000 });
        expect(all.some((e) => e.streamId === sb || e.streamId === sa)).toBe(false);
        await slow.query('COMMIT');
      } finally {
        slow.release();
      }
      // Once A has committed both come back, in (transaction_id, sequence) order: A first. Both
      // sort after any checkpoint a reader could have taken while A was running.
      let ours: StoredEvent[] = [];
      await eventually(async () => {
        ours = (await store.readAll({ limit: 10_000 })).filter((e) => e.streamId === sa || e.streamId === sb);
        return ours.length === 2;
      });
      expect(ours.map((e) => e.streamId)).toEqual([sa, sb]);
      expect(ours[1]).toEqual(bEvents[0]);
    });

    it('pages from a checkpoint in strictly increasing positions', async () => {
      for (let i = 0; i < 5; i++) await store.append(stream(), [newEvent('P', i), newEvent('Q', i)], { expectedVersion: 0 });
      const head = await store.headPosition();
      let all: StoredEvent[] = [];
      await eventually(async () => {
        all = await store.readAll({ limit: 10_000 });
        return all.length > 0 && comparePositions(all[all.length - 1].position, head) === 0;
      });
      const paged: StoredEvent[] = [];
      let after = null as StoredEvent['position'] | null;
      for (;;) {
        const page = await store.readAll({ after, limit: 3 });
        if (page.length === 0) break;
        paged.push(...page);
        after = page[page.length - 1].position;
      }
      expect(paged).toEqual(all);
      for (let i = 1; i < paged.length; i++) expect(comparePositions(paged[i - 1].position, paged[i].position)).toBe(-1);
    });
  });
});
