import type pg from 'pg';
import { withTransaction } from '@jyta/db';
import { START_POSITION, comparePositions, formatPosition } from './position';
import { EVENTS_CHANNEL, type PostgresEventStore } from './store';
import type { GlobalPosition, StoredEvent } from './types';

/**
 * A read model fed from `$all`. `handle` runs inside the runner's transaction, on its client:
 * whatever it writes commits together with the checkpoint, so each event is applied exactly once.
 */
export interface Projection {
  name: string;
  handle(events: StoredEvent[], client: pg.PoolClient): Promise<void>;
  /** Empties the read model; needed by rebuild(). */
  reset?(client: pg.PoolClient): Promise<void>;
}

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** Polling interval of the start() loop when no notification arrives (default 1000 ms). */
  pollMs?: number;
  /**
   * After an append's notification, wait this long before the next batch (default 0: at once), so
   * that under load one transaction takes in the appends of that time instead of one each. For a
   * projection nobody waits on after each command; waitFor() still nudges the loop at once.
   */
  settleMs?: number;
  /** Errors of the start() loop (which retries after pollMs). Default: console.error. */
  onError?: (err: unknown) => void;
  /** An event the projection could not fold was parked (the alert). Default: console.error. */
  onParked?: (parked: ParkedEvent) => void;
}

/** An event a projection could not fold, set aside in `parked_events` so that the projection goes on. */
export interface ParkedEvent {
  projection: string;
  position: GlobalPosition;
  eventId: string;
  streamId: string;
  type: string;
  error: string;
  parkedAt: string;
}

/** What an operator reads about a projection (e.g. GET /api/admin/projections). */
export interface ProjectionStatus {
  name: string;
  checkpoint: GlobalPosition;
  /** Events in the store after the checkpoint (0 = caught up). */
  lag: number;
  /** Events parked (not folded) since the last rebuild. */
  parked: number;
  updatedAt: string | null;
}

/**
 * Errors that say nothing about the event: a lost connection, a serialization failure or
 * deadlock (class 40), no resources (53), an operator or system stop (57, 58), an internal error
 * (XX). The batch is rolled back and retried; anything else thrown while folding one event is
 * that event's fault, and the event is parked.
 */
export function isTransientError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(08|40|53|57|58|XX)/.test(code);
}

const describeError = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);

/** Right after a notification the events may not be readable yet (an older transaction is still running): retry soon. */
const NOTIFIED_RETRY_MS = 25;
const NOTIFIED_WINDOW_MS = 1000;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The projection threw on a whole batch: runOnce() rolls back and folds it one event at a time. */
class FoldOneByOne extends Error {
  constructor(readonly failure: unknown) {
    super('fold the batch one event at a time');
  }
}

/** How often a waiter of a running loop reads the checkpoint itself (see follow()). */
const FOLLOW_CHECK_MS = 250;
/**
 * The loop's pause after an empty batch while someone waits for it: the awaited events are
 * committed but not yet readable (an older transaction is still open), which takes a few ms.
 */
const WAITED_RETRY_MS = 10;

/**
 * Runs a projection from its checkpoint in `projection_checkpoints`. Several processes may run
 * the same projection: each batch takes the projection's lock, so they take turns and never apply an
 * event twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly settleMs: number;
  private settleTimer?: NodeJS.Timeout;
  private readonly onError: (err: unknown) => void;
  private readonly onParked: (parked: ParkedEvent) => void;
  private loop?: Promise<void>;
  private stopping = false;
  private listener?: pg.PoolClient;
  private lastNotifiedAt = 0;
  /** Callers of waitFor() currently waiting for the loop. */
  private waiting = 0;
  private wakePending = false;
  private wakeUp?: () => void;
  /**
   * The checkpoint as this process last saw it in a committed batch (the position it moved to, or
   * the one it found locked when there was nothing to do): a waiter whose target is at or before
   * it is done without asking PostgreSQL.
   */
  private known: GlobalPosition = START_POSITION;
  /** Waiters of waitFor(), nudged after every batch of start()'s loop. */
  private readonly progressed = new Set<() => void>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    opts: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.pollMs = opts.pollMs ?? 1000;
    this.settleMs = opts.settleMs ?? 0;
    this.onError = opts.onError ?? ((err) => console.error(`[projection ${projection.name}]`, err));
    this.onParked =
      opts.onParked ??
      ((p) => console.error(`[projection ${p.projection}] parked event ${p.eventId} (${p.type} of ${p.streamId} at ${formatPosition(p.position)}): ${p.error}`));
    if (!projection.name) throw new TypeError('a projection needs a name');
  }

  get name(): string {
    return this.projection.name;
  }

  /** The last position this projection has processed (START_POSITION before the first). */
  async checkpoint(client?: pg.ClientBase): Promise<GlobalPosition> {
    const { rows } = await (client ?? this.pool).query<{ pos_tx: string; pos_seq: string }>(
      'SELECT transaction_id::text AS pos_tx, sequence::text AS pos_seq FROM projection_checkpoints WHERE name = $1',
      [this.projection.name],
    );
    return rows.length ? { transactionId: rows[0].pos_tx, sequence: rows[0].pos_seq } : START_POSITION;
  }

  /**
   * Takes the projection's lock for the rest of `client`'s transaction, then reads its checkpoint
   * (creating the row if needed). The lock is a transaction-scoped advisory lock, not the row's
   * FOR UPDATE: a row lock gives the transaction an id at once, and every transaction holding an
   * id holds back what readAll() may return to all $all readers until it ends — an empty batch
   * (most of them, under load) then held back the others for nothing. With the advisory lock a
   * batch gets an id only when it writes. The SELECT after the lock sees what the previous holder
   * committed (READ COMMITTED: a new snapshot per statement).
   */
  private async lockCheckpoint(client: pg.PoolClient): Promise<GlobalPosition> {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('projection:' || $1, 0))`, [this.projection.name]);
    const select = () =>
      client.query<{ pos_tx: string; pos_seq: string }>(
        'SELECT transaction_id::text AS pos_tx, sequence::text AS pos_seq FROM projection_checkpoints WHERE name = $1',
        [this.projection.name],
      );
    let { rows } = await select();
    if (rows.length === 0) {
      await client.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [this.projection.name]);
      ({ rows } = await select());
    }
    return { transactionId: rows[0].pos_tx, sequence: rows[0].pos_seq };
  }

  /**
   * One batch in one transaction: take the projection's lock (a concurrent runner of the same
   * projection waits here, then sees the moved checkpoint), read the next events after it, let
   * the projection apply them, move the checkpoint, commit. Returns how many events it handled.
   *
   * When the projection throws on the batch (other than a transient error), the batch is folded
   * again one event at a time, each under a savepoint: an event that still throws is parked in
   * `parked_events` (and reported through onParked), the others are applied, and the checkpoint
   * moves past all of them, so one event the projection cannot fold never stops it.
   */
  async runOnce(): Promise<number> {
    try {
      return await this.batch(false);
    } catch (err) {
      if (!(err instanceof FoldOneByOne)) throw err;
      // Rolled back as a whole; once more, one event at a time (the batch read again may be longer).
      return this.batch(true);
    }
  }

  /**
   * One transaction of runOnce(). The whole batch first, without a savepoint (one round trip
   * less for every batch); should the projection throw on it, the transaction is rolled back
   * (FoldOneByOne) and runOnce() comes back with `oneByOne`: each event under a savepoint, the
   * ones that still throw parked.
   */
  private async batch(oneByOne: boolean): Promise<number> {
    const parked: ParkedEvent[] = [];
    let reached: GlobalPosition | undefined;
    const n = await withTransaction(this.pool, async (client) => {
      parked.length = 0;
      const after = await this.lockCheckpoint(client);
      reached = after;
      const events = await this.store.readAll({ after, limit: this.batchSize, client });
      if (events.length === 0) return 0;
      if (!oneByOne) {
        try {
          await this.projection.handle(events, client);
        } catch (err) {
          if (isTransientError(err)) throw err;
          throw new FoldOneByOne(err);
        }
      } else {
        for (const e of events) {
          await client.query('SAVEPOINT projection_event');
          try {
            await this.projection.handle([e], client);
            await client.query('RELEASE SAVEPOINT projection_event');
          } catch (err1) {
            if (isTransientError(err1)) throw err1;
            await client.query('ROLLBACK TO SAVEPOINT projection_event');
            parked.push(await this.park(client, e, err1));
          }
        }
      }
      const last = events[events.length - 1].position;
      await client.query(
        'UPDATE projection_checkpoints SET transaction_id = $2::xid8, sequence = $3::bigint, updated_at = now() WHERE name = $1',
        [this.projection.name, last.transactionId, last.sequence],
      );
      reached = last;
      return events.length;
    });
    if (reached) this.noteCheckpoint(reached);
    // Reported once committed (a rolled-back batch parked nothing).
    for (const p of parked) this.onParked(p);
    return n;
  }

  /**
   * Records the checkpoint a batch committed (or found) and nudges the waiters. Taken as it is,
   * not as a maximum: a reset() (here or in another process) moves it back, and waiters must then
   * wait for the rebuild.
   */
  private noteCheckpoint(position: GlobalPosition): void {
    this.known = position;
    for (const nudge of [...this.progressed]) nudge();
  }

  private async park(client: pg.PoolClient, e: StoredEvent, err: unknown): Promise<ParkedEvent> {
    const error = describeError(err);
    const { rows } = await client.query<{ parked_at: Date }>(
      `INSERT INTO parked_events (projection, transaction_id, sequence, event_id, stream_id, type, error)
       VALUES ($1, $2::xid8, $3::bigint, $4, $5, $6, $7)
       ON CONFLICT (projection, event_id) DO UPDATE SET error = EXCLUDED.error, parked_at = now()
       RETURNING parked_at`,
      [this.projection.name, e.position.transactionId, e.position.sequence, e.eventId, e.streamId, e.type, error],
    );
    return {
      projection: this.projection.name,
      position: e.position,
      eventId: e.eventId,
      streamId: e.streamId,
      type: e.type,
      error,
      parkedAt: rows[0].parked_at.toISOString(),
    };
  }

  /** The events this projection parked since its last rebuild, in $all order. */
  async parkedEvents(limit = 100): Promise<ParkedEvent[]> {
    const { rows } = await this.pool.query<{ tx: string; seq: string; event_id: string; stream_id: string; type: string; error: string; parked_at: Date }>(
      `SELECT transaction_id::text AS tx, sequence::text AS seq, event_id, stream_id, type, error, parked_at
         FROM parked_events WHERE projection = $1 ORDER BY transaction_id, sequence LIMIT $2`,
      [this.projection.name, limit],
    );
    return rows.map((r) => ({
      projection: this.projection.name,
      position: { transactionId: r.tx, sequence: r.seq },
      eventId: r.event_id,
      streamId: r.stream_id,
      type: r.type,
      error: r.error,
      parkedAt: r.parked_at.toISOString(),
    }));
  }

  /** Checkpoint, lag (events after it) and parked count. */
  async status(): Promise<ProjectionStatus> {
    const { rows } = await this.pool.query<{ tx: string | null; seq: string | null; updated_at: Date | null; lag: string; parked: string }>(
      `SELECT c.transaction_id::text AS tx, c.sequence::text AS seq, c.updated_at,
              (SELECT count(*) FROM events e
                WHERE (e.transaction_id, e.sequence) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.sequence, 0))) AS lag,
              (SELECT count(*) FROM parked_events p WHERE p.projection = $1) AS parked
         FROM (SELECT $1::text AS name) n LEFT JOIN projection_checkpoints c ON c.name = n.name`,
      [this.projection.name],
    );
    const r = rows[0];
    return {
      name: this.projection.name,
      checkpoint: r.tx !== null && r.seq !== null ? { transactionId: r.tx, sequence: r.seq } : START_POSITION,
      lag: Number(r.lag),
      parked: Number(r.parked),
      updatedAt: r.updated_at?.toISOString() ?? null,
    };
  }

  /**
   * Processes batches until the projection has reached every event committed before the call.
   * (Merely "until a batch comes back empty" would stop early while some unrelated transaction on
   * the server holds the readable horizon back.)
   */
  async catchUp(timeoutMs = 60_000): Promise<void> {
    const head = await this.store.headPosition();
    await this.drive(head, timeoutMs, true);
  }

  /**
   * Resolves once the checkpoint has reached `position` (e.g. the position of the events a
   * command just appended, for read-your-writes). While start()'s loop runs, it is nudged and
   * awaited; otherwise this call processes batches itself.
   */
  async waitFor(position: GlobalPosition, timeoutMs = 10_000): Promise<void> {
    await this.drive(position, timeoutMs, !this.loop);
  }

  private async drive(target: GlobalPosition, timeoutMs: number, process: boolean): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (!process) return this.follow(target, deadline, timeoutMs);
    for (;;) {
      if ((await this.runOnce()) > 0) continue;
      const cp = await this.checkpoint();
      if (comparePositions(cp, target) >= 0) return;
      if (Date.now() >= deadline) throw this.notReached(target, cp, timeoutMs);
      await delay(10);
    }
  }

  private notReached(target: GlobalPosition, cp: GlobalPosition, timeoutMs: number): Error {
    return new Error(
      `projection ${this.projection.name} did not reach ${formatPosition(target)} within ${timeoutMs} ms (at ${formatPosition(cp)}); ` +
        'is a long-running transaction holding the readable horizon back?',
    );
  }

  /**
   * waitFor() while start()'s loop runs: the loop reports every batch it commits (noteCheckpoint),
   * so a waiter needs no query of its own — it wakes the loop and waits for its next batch. Each
   * batch reads the checkpoint under the projection's lock, so it also sees what another process's runner moved it to.
   * Now and then (FOLLOW_CHECK_MS) the waiter reads the checkpoint itself, in case the loop is
   * stuck on errors while another process advances the projection.
   */
  private async follow(target: GlobalPosition, deadline: number, timeoutMs: number): Promise<void> {
    let nextCheck = Date.now() + FOLLOW_CHECK_MS;
    for (;;) {
      if (comparePositions(this.known, target) >= 0) return;
      if (Date.now() >= nextCheck) {
        const cp = await this.checkpoint();
        if (comparePositions(cp, target) >= 0) return;
        if (Date.now() >= deadline) throw this.notReached(target, cp, timeoutMs);
        nextCheck = Date.now() + FOLLOW_CHECK_MS;
      }
      this.waiting++;
      this.wake();
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.progressed.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.min(FOLLOW_CHECK_MS, deadline - Date.now())));
        this.progressed.add(done);
      }).finally(() => this.waiting--);
    }
  }

  /** Starts the polling loop (idempotent); it also LISTENs on the append channel to react at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runLoop();
  }

  /** Stops the loop after the batch in progress, and closes the LISTEN connection. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.wake();
    try {
      await this.loop;
    } finally {
      this.loop = undefined;
    }
  }

  /**
   * Empties the read model (reset), forgets its parked events and moves the checkpoint back to
   * the start, atomically. A started loop (here or in another process) then replays everything;
   * a crash midway leaves a consistent checkpoint to go on from.
   */
  async reset(): Promise<void> {
    const reset = this.projection.reset;
    if (!reset) throw new Error(`projection ${this.projection.name} has no reset(), so it cannot be rebuilt`);
    await withTransaction(this.pool, async (client) => {
      await this.lockCheckpoint(client);
      await reset.call(this.projection, client);
      await client.query('DELETE FROM parked_events WHERE projection = $1', [this.projection.name]);
      await client.query(
        `UPDATE projection_checkpoints SET transaction_id = '0', sequence = 0, updated_at = now() WHERE name = $1`,
        [this.projection.name],
      );
    });
    this.known = START_POSITION;
    this.wake();
  }

  /** reset(), then replays every event from the store (events it still cannot fold are parked again). */
  async rebuild(timeoutMs?: number): Promise<void> {
    await this.reset();
    await this.catchUp(timeoutMs);
  }

  private wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.wakePending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    const client = await this.pool.connect();
    const drop = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.removeAllListeners('notification');
      client.release(err ?? true);
    };
    client.on('error', (err) => {
      this.onError(err);
      drop(err);
    });
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL) return;
      this.lastNotifiedAt = Date.now();
      if (this.settleMs <= 0) this.wake();
      else
        this.settleTimer ??= setTimeout(() => {
          this.settleTimer = undefined;
          this.wake();
        }, this.settleMs);
    });
    this.listener = client;
    try {
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (err) {
      drop(err as Error);
      throw err;
    }
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    if (!client) return;
    this.listener = undefined;
    client.removeAllListeners('notification');
    try {
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`);
      client.release();
    } catch (err) {
      client.release(err as Error);
    }
  }

  private async runLoop(): Promise<void> {
    try {
      while (!this.stopping) {
        // (Re)connect the listener first, so nothing appended after this drain goes unnoticed.
        if (!this.listener) await this.listen().catch((err) => this.onError(err));
        let failed = false;
        try {
          while (!this.stopping && (await this.runOnce()) > 0) {
            /* drain */
          }
        } catch (err) {
          failed = true;
          this.onError(err);
        }
        if (this.stopping) break;
        const notifiedRecently = Date.now() - this.lastNotifiedAt < NOTIFIED_WINDOW_MS;
        await this.sleep(failed ? this.pollMs : this.waiting > 0 ? WAITED_RETRY_MS : notifiedRecently ? NOTIFIED_RETRY_MS : this.pollMs);
      }
    } finally {
      await this.unlisten();
    }
  }
}
