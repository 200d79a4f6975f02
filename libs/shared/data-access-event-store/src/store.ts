import type pg from 'pg';
import { withTransaction } from '@jyta/db';
import { EventIdConflictError, WrongExpectedVersionError } from './errors';
import { START_POSITION, assertPosition } from './position';
import type { AppendResult, ExpectedVersion, GlobalPosition, NewEvent, ReadAllOptions, StoredEvent } from './types';

/** Channel NOTIFYed (payload: the stream id) by every append that wrote, at its commit. */
export const EVENTS_CHANNEL = 'events_appended';

/** Most events one append may carry (7 bind parameters each; PostgreSQL allows 65535). */
export const MAX_EVENTS_PER_APPEND = 5000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The position is selected as text under names of its own: an alias equal to the column name
// (`sequence::text AS sequence`) would make `ORDER BY sequence` sort the text ('100' < '98').
const COLUMNS = `event_id, stream_id, version, type, data, metadata, recorded_at,
  transaction_id::text AS pos_tx, sequence::text AS pos_seq`;

interface EventRow {
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
  pos_tx: string;
  pos_seq: string;
}

function toStored(r: EventRow): StoredEvent {
  return {
    eventId: r.event_id,
    streamId: r.stream_id,
    version: r.version,
    position: { transactionId: r.pos_tx, sequence: r.pos_seq },
    type: r.type,
    data: r.data,
    metadata: r.metadata,
    recordedAt: r.recorded_at.toISOString(),
  };
}

/** Throws TypeError on input no retry could fix. Exported for the unit tests. */
export function validateAppend(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 512) {
    throw new TypeError(`invalid stream id ${JSON.stringify(streamId)}`);
  }
  if (expectedVersion !== 'any' && !(Number.isInteger(expectedVersion) && expectedVersion >= 0)) {
    throw new TypeError(`invalid expected version ${JSON.stringify(expectedVersion)}`);
  }
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new TypeError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  const seen = new Set<string>();
  for (const e of events) {
    if (!e || typeof e.eventId !== 'string' || !UUID.test(e.eventId)) throw new TypeError(`invalid event id ${JSON.stringify(e?.eventId)}`);
    const id = e.eventId.toLowerCase();
    if (seen.has(id)) throw new TypeError(`event id ${id} appears twice in one append`);
    seen.add(id);
    if (typeof e.type !== 'string' || e.type.length === 0) throw new TypeError(`event ${id}: type is required`);
    const m = e.metadata;
    if (!m || typeof m !== 'object') throw new TypeError(`event ${id}: metadata is required`);
    if (typeof m.occurredAt !== 'string' || Number.isNaN(Date.parse(m.occurredAt))) {
      throw new TypeError(`event ${id}: metadata.occurredAt must be an ISO date-time`);
    }
    if (typeof m.correlationId !== 'string' || m.correlationId.length === 0) throw new TypeError(`event ${id}: metadata.correlationId is required`);
    if (m.actor === undefined) throw new TypeError(`event ${id}: metadata.actor is required (null for the system)`);
  }
}

/**
 * One INSERT of events at the versions given (7 bind parameters each). VALUES rows are inserted in
 * list order, so sequence increases with version. The NOTIFY rides along (one per row, but
 * PostgreSQL folds equal ones of a transaction into one) and is delivered to listeners when (and
 * only if) the transaction commits.
 */
async function insertEvents(client: pg.ClientBase, rows: { streamId: string; version: number; e: NewEvent }[]): Promise<StoredEvent[]> {
  const values: unknown[] = [];
  const tuples = rows.map(({ streamId, version, e }, i) => {
    values.push(e.eventId.toLowerCase(), streamId, version, e.type, JSON.stringify(e.data ?? null), JSON.stringify(e.metadata), e.metadata.occurredAt);
    const b = i * 7;
    return `($${b + 1}::uuid, $${b + 2}, $${b + 3}::int, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb, $${b + 7}::timestamptz)`;
  });
  values.push(EVENTS_CHANNEL, rows[0].streamId);
  const n = values.length;
  const { rows: inserted } = await client.query<EventRow>(
    `WITH inserted AS (
       INSERT INTO events (event_id, stream_id, version, type, data, metadata, occurred_at)
       VALUES ${tuples.join(', ')}
       RETURNING ${COLUMNS})
     SELECT inserted.*, pg_notify($${n - 1}, $${n}) IS NULL AS notified FROM inserted`,
    values,
  );
  return inserted.map(toStored);
}

/**
 * The event store on PostgreSQL. Every append runs in its own transaction on a pooled client.
 */
export class PostgresEventStore {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Appends `events` to `streamId` as versions current+1…, atomically.
   *
   * - Idempotent by event id: if every id is already stored in this stream (a retried Temporal
   *   activity), nothing is written and the stored events come back with `duplicate: true`,
   *   whatever the expected version. Ids stored elsewhere, or only some of them: EventIdConflictError.
   * - Optimistic concurrency: `expectedVersion` must equal the stream's version (0 = new stream),
   *   else WrongExpectedVersionError; 'any' skips the check.
   */
  async append(streamId: string, events: NewEvent[], opts: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    return this.appendWith(streamId, events, opts, (fn) => withTransaction(this.pool, fn));
  }

  /**
   * `append` inside the caller's transaction (`client` in one): an activity that writes something
   * else atomically with the events (a registration's number) does it in the same transaction.
   */
  async appendInTransaction(
    client: pg.PoolClient,
    streamId: string,
    events: NewEvent[],
    opts: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    return this.appendWith(streamId, events, opts, (fn) => fn(client));
  }

  private async appendWith(
    streamId: string,
    events: NewEvent[],
    opts: { expectedVersion: ExpectedVersion },
    inTransaction: (fn: (client: pg.PoolClient) => Promise<AppendResult>) => Promise<AppendResult>,
  ): Promise<AppendResult> {
    const expected = opts?.expectedVersion;
    validateAppend(streamId, events, expected);
    const ids = events.map((e) => e.eventId.toLowerCase());
    try {
      return await inTransaction(async (client) => {
        // Serialise appends to this stream BEFORE anything writes. The transaction gets its id
        // (transaction_id's default, pg_current_xact_id()) at its first write, i.e. only once it
        // holds the lock; the previous holder got its id before releasing the lock at commit. So
        // a later append to the same stream always has a larger transaction_id, and $all order
        // (transaction_id, sequence) agrees with version order within every stream. (Hash
        // collisions between streams only serialise them, which is harmless.)
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);

        // One round trip for both checks: the rows of the ids already stored (none: one row of
        // nulls) and the stream's current version.
        const { rows: probe } = await client.query<Partial<EventRow> & { current_version: number }>(
          `SELECT (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $2) AS current_version, found.*
             FROM (SELECT 1) AS one
             LEFT JOIN (SELECT ${COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])) AS found ON true
            ORDER BY found.stream_id, found.version`,
          [ids, streamId],
        );
        const rows = probe.filter((r) => r.event_id != null) as EventRow[];
        if (rows.length > 0) {
          const found = rows.map(toStored);
          const tx = found[0].position.transactionId;
          if (found.length !== ids.length || found.some((e) => e.streamId !== streamId || e.position.transactionId !== tx)) {
            throw new EventIdConflictError(streamId, found.map((e) => e.eventId));
          }
          // The whole append those ids were written by (one append is one transaction): a caller
          // that decided again after a crash may ask with fewer events than it first wrote, and
          // must adopt everything the first attempt stored, not only the ids it asked about.
          const { rows: all } = await client.query<EventRow>(
            `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND transaction_id = $2::xid8 ORDER BY version`,
            [streamId, tx],
          );
          const stored = all.map(toStored);
          return { nextVersion: stored[stored.length - 1].version, events: stored, duplicate: true };
        }

        const current = probe[0].current_version;
        if (expected !== 'any' && expected !== current) throw new WrongExpectedVersionError(streamId, expected, current);
        if (events.length === 0) return { nextVersion: current, events: [], duplicate: false };

        const inserted = await insertEvents(client, events.map((e, i) => ({ streamId, version: current + i + 1, e })));
        const stored = inserted.sort((a, b) => a.version - b.version);
        return { nextVersion: current + events.length, events: stored, duplicate: false };
      });
    } catch (err) {
      // Backstops for races the lock already rules out within one stream.
      const pgErr = err as { code?: string; constraint?: string };
      if (pgErr.code === '23505' && pgErr.constraint === 'events_event_id_key') throw new EventIdConflictError(streamId, ids);
      if (pgErr.code === '23505' && pgErr.constraint === 'events_stream_version_key') {
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
      }
      throw err;
    }
  }

  /**
   * Starts many new streams inside the caller's transaction (`client` must be in one): the bulk
   * path of an import writes the first events of hundreds of items in one commit instead of one
   * transaction each. Each stream is written only if it does not exist yet (expected version 0);
   * the ids of streams that already exist come back in `existing` and nothing is written to them
   * (a retried import finds what its first attempt committed). The streams are locked like
   * `append` does, in one order, so a concurrent append to one of them waits for this commit.
   */
  async startStreams(client: pg.ClientBase, streams: { streamId: string; events: NewEvent[] }[]): Promise<{ created: StoredEvent[]; existing: string[] }> {
    const ids = new Set<string>();
    for (const s of streams) {
      validateAppend(s.streamId, s.events, 0);
      if (ids.has(s.streamId)) throw new TypeError(`stream ${s.streamId} appears twice`);
      ids.add(s.streamId);
    }
    if (!streams.length) return { created: [], existing: [] };
    const streamIds = streams.map((s) => s.streamId);
    // One lock order for every caller (by the lock key), so two imports never wait on each other in a cycle.
    await client.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(s, 0) AS k FROM unnest($1::text[]) AS s ORDER BY 1) AS keys`,
      [streamIds],
    );
    const { rows: found } = await client.query<{ stream_id: string }>(
      'SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[])',
      [streamIds],
    );
    const existing = new Set(found.map((r) => r.stream_id));
    const rows = streams.filter((s) => !existing.has(s.streamId)).flatMap((s) => s.events.map((e, i) => ({ streamId: s.streamId, version: i + 1, e })));
    const created: StoredEvent[] = [];
    // PostgreSQL takes at most 65535 bind parameters per statement (7 per event).
    for (let from = 0; from < rows.length; from += 1000) {
      created.push(...(await insertEvents(client, rows.slice(from, from + 1000))));
    }
    // In $all order (one transaction: by sequence), which within a stream is version order.
    created.sort((a, b) => (BigInt(a.position.sequence) < BigInt(b.position.sequence) ? -1 : 1));
    return { created, existing: [...existing] };
  }

  /** The stream's events in version order, from `fromVersion` (default 1) on. */
  async readStream(streamId: string, opts: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
      [streamId, opts.fromVersion ?? 1],
    );
    return rows.map(toStored);
  }

  /**
   * Events of every stream after `after`, in global order, up to `limit` — in an order that never
   * changes behind a reader, so a checkpoint (the last position seen) is all it needs to resume.
   *
   * Why not `ORDER BY sequence`: sequence numbers are handed out when a row is inserted, but
   * transactions commit in another order. Transaction T1 may take sequence 10, T2 sequence 11,
   * and T2 commit first; a reader ordering by sequence sees 11, moves its checkpoint to 11, and
   * never looks at 10 when T1 commits a moment later — that event is lost for it.
   *
   * So we read only rows written by transactions older than the oldest transaction still running
   * (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`): every such transaction has
   * finished, so no row can still appear among them. Anything that can still appear belongs to a
   * transaction with an id >= xmin, which sorts after every row returned here when the order is
   * (transaction_id, sequence). Hence that pair is the global position, and the checkpoint only
   * ever has to move forward. The price: a long-running transaction anywhere on the server holds
   * $all readers back (not other writers) until it ends.
   */
  async readAll(opts: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = assertPosition(opts.after ?? START_POSITION);
    const limit = opts.limit ?? 1000;
    if (!Number.isInteger(limit) || limit <= 0) throw new TypeError(`invalid limit ${limit}`);
    const { rows } = await (opts.client ?? this.pool).query<EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE (transaction_id, sequence) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, sequence
        LIMIT $3`,
      [after.transactionId, after.sequence, limit],
    );
    return rows.map(toStored);
  }

  /** The stream's current version; 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    return this.versionOn(this.pool, streamId);
  }

  /**
   * The position of the last committed event (START_POSITION when empty), whether or not readAll
   * can return it yet. A projection that reached it has seen every event committed before the call.
   */
  async headPosition(client?: pg.ClientBase): Promise<GlobalPosition> {
    const { rows } = await (client ?? this.pool).query<{ pos_tx: string; pos_seq: string }>(
      `SELECT transaction_id::text AS pos_tx, sequence::text AS pos_seq
         FROM events ORDER BY transaction_id DESC, sequence DESC LIMIT 1`,
    );
    return rows.length ? { transactionId: rows[0].pos_tx, sequence: rows[0].pos_seq } : START_POSITION;
  }

  private async versionOn(q: pg.Pool | pg.ClientBase, streamId: string): Promise<number> {
    const { rows } = await q.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM events WHERE stream_id = $1', [streamId]);
    return rows[0].v;
  }
}
