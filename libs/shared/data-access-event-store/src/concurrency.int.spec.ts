/**
 * The point of the (transaction_id, sequence) global position: many appenders commit in an order
 * other than the one their sequence numbers were handed out in, while a reader follows $all from
 * its checkpoint. The reader must see every event exactly once, in an order consistent with every
 * stream's versions.
 */
import { withFreshDatabase } from '@jyta/db/src/testing';
import {
  PostgresEventStore,
  WrongExpectedVersionError,
  comparePositions,
  eventStoreMigrations,
  type GlobalPosition,
  type StoredEvent,
} from './index';
import { delay, newEvent } from './test-support';

const WORKERS = 8;
const APPENDS_PER_WORKER = 50;
const STREAMS = 20;

describe('$all under concurrent appenders', () => {
  const db = withFreshDatabase({ migrations: eventStoreMigrations, poolSize: WORKERS + 4 });

  beforeAll(() => {
    // Jitter between an append's INSERT and its COMMIT, so that transactions overlap and commit
    // out of sequence order far more often than they would on an idle machine.
    db.pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
        const result = await query(...args);
        if (typeof args[0] === 'string' && args[0].startsWith('INSERT INTO events')) await delay(Math.random() * 6);
        return result;
      };
    });
  });

  it('a reader following its checkpoint sees every event exactly once, in per-stream order', async () => {
    const store = new PostgresEventStore(db.pool);
    const streams = Array.from({ length: STREAMS }, (_, i) => `stream-${i}`);
    const appended: StoredEvent[] = [];
    let conflicts = 0;

    const worker = async (w: number) => {
      for (let n = 0; n < APPENDS_PER_WORKER; n++) {
        const s = streams[Math.floor(Math.random() * STREAMS)];
        const batch = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, i) => newEvent('Tick', { w, n, i }));
        for (;;) {
          // Half the appends check the version they read (and retry on a conflict), half use 'any'.
          const expectedVersion = n % 2 === 0 ? await store.streamVersion(s) : 'any';
          try {
            const r = await store.append(s, batch, { expectedVersion });
            appended.push(...r.events);
            break;
          } catch (err) {
            if (!(err instanceof WrongExpectedVersionError)) throw err;
            conflicts++;
          }
        }
      }
    };

    const seen: StoredEvent[] = [];
    let writersDone = false;
    let checkpoint: GlobalPosition | null = null;
    const readBatch = async () => {
      const batch = await store.readAll({ after: checkpoint, limit: 37 });
      if (batch.length) {
        seen.push(...batch);
        checkpoint = batch[batch.length - 1].position;
      }
      return batch.length;
    };
    const reader = (async () => {
      while (!writersDone) if ((await readBatch()) === 0) await delay(1);
    })();
    // Control: the same reader ordering by sequence alone. It loses events (those committed after
    // it moved past their sequence number); if it ever stops losing any, this test no longer
    // exercises the hazard and needs more contention.
    const naiveSeen = new Set<string>();
    let naiveCheckpoint = '0';
    const naiveReader = (async () => {
      while (!writersDone) {
        const { rows } = await db.pool.query<{ event_id: string; seq: string }>(
          'SELECT event_id, sequence::text AS seq FROM events WHERE sequence > $1 ORDER BY sequence LIMIT 37',
          [naiveCheckpoint],
        );
        for (const r of rows) naiveSeen.add(r.event_id);
        if (rows.length) naiveCheckpoint = rows[rows.length - 1].seq;
        else await delay(1);
      }
    })();

    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    writersDone = true;
    await Promise.all([reader, naiveReader]);
    // Drain. An empty batch is not the end while another test file's transaction on the same
    // server holds the horizon back, so wait for the count.
    const total = (await db.pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n as number;
    const deadline = Date.now() + 10_000;
    while (seen.length < total && Date.now() < deadline) if ((await readBatch()) === 0) await delay(5);

    expect(total).toBe(appended.length);
    expect(seen).toHaveLength(total);
    const seenIds = seen.map((e) => e.eventId);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(new Set(seenIds)).toEqual(new Set(appended.map((e) => e.eventId)));
    expect(appended.length).toBeGreaterThanOrEqual(WORKERS * APPENDS_PER_WORKER);

    for (let i = 1; i < seen.length; i++) {
      if (comparePositions(seen[i - 1].position, seen[i].position) !== -1) {
        throw new Error(`positions not strictly increasing at ${i}: ${JSON.stringify([seen[i - 1].position, seen[i].position])}`);
      }
    }

    const versionsSeen = new Map<string, number[]>();
    for (const e of seen) versionsSeen.set(e.streamId, [...(versionsSeen.get(e.streamId) ?? []), e.version]);
    for (const s of streams) {
      const n = await store.streamVersion(s);
      expect(versionsSeen.get(s) ?? []).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }

    // The stored events equal what the appenders were told.
    const byId = new Map(seen.map((e) => [e.eventId, e]));
    for (const e of appended) expect(byId.get(e.eventId)).toEqual(e);
    const naiveMissed = seen.filter((e) => BigInt(e.position.sequence) <= BigInt(naiveCheckpoint) && !naiveSeen.has(e.eventId)).length;
    if (process.env.ES_TEST_VERBOSE) console.log({ events: total, conflicts, naiveMissed, sequenceInversions: sequenceInversions(seen) });
    expect(naiveMissed).toBeGreaterThan(0);
  });
});

/** How many events come after one with a higher sequence number in $all order. */
function sequenceInversions(events: StoredEvent[]): number {
  let max = -1n;
  let count = 0;
  for (const e of events) {
    const s = BigInt(e.position.sequence);
    if (s < max) count++;
    else max = s;
  }
  return count;
}
