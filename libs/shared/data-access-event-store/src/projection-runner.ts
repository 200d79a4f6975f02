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
  /** Errors of the start() loop (which retries after pollMs). Default: console.error. */
  onError?: (err: unknown) => void;
}

/** Right after a notification the events may not be readable yet (an older transaction is still running): retry soon. */
const NOTIFIED_RETRY_MS = 25;
const NOTIFIED_WINDOW_MS = 1000;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs a projection from its checkpoint in `projection_checkpoints`. Several processes may run
 * the same projection: each batch locks the checkpoint row, so they take turns and never apply an
 * event twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly onError: (err: unknown) => void;
  private loop?: Promise<void>;
  private stopping = false;
  private listener?: pg.PoolClient;
  private lastNotifiedAt = 0;
  private wakePending = false;
  private wakeUp?: () => void;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    opts: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.pollMs = opts.pollMs ?? 1000;
    this.onError = opts.onError ?? ((err) => console.error(`[projection ${projection.name}]`, err));
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

  /** Locks the checkpoint row for the rest of `client`'s transaction (creating it if needed). */
  private async lockCheckpoint(client: pg.PoolClient): Promise<GlobalPosition> {
    const select = () =>
      client.query<{ pos_tx: string; pos_seq: string }>(
        `SELECT transaction_id::text AS pos_tx, sequence::text AS pos_seq
           FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
        [this.projection.name],
      );
    let { rows } = await select();
    if (rows.length === 0) {
      // A concurrent runner inserting the same row makes this wait for it, then do nothing.
      await client.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [this.projection.name]);
      ({ rows } = await select());
    }
    return { transactionId: rows[0].pos_tx, sequence: rows[0].pos_seq };
  }

  /**
   * One batch in one transaction: lock the checkpoint row (a concurrent runner of the same
   * projection waits here, then sees the moved checkpoint), read the next events after it, let
   * the projection apply them, move the checkpoint, commit. Returns how many events it handled.
   */
  async runOnce(): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      const after = await this.lockCheckpoint(client);
      const events = await this.store.readAll({ after, limit: this.batchSize, client });
      if (events.length === 0) return 0;
      await this.projection.handle(events, client);
      const last = events[events.length - 1].position;
      await client.query(
        'UPDATE projection_checkpoints SET transaction_id = $2::xid8, sequence = $3::bigint, updated_at = now() WHERE name = $1',
        [this.projection.name, last.transactionId, last.sequence],
      );
      return events.length;
    });
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
    for (;;) {
      if (process && (await this.runOnce()) > 0) continue;
      const cp = await this.checkpoint();
      if (comparePositions(cp, target) >= 0) return;
      if (!process) this.wake();
      if (Date.now() >= deadline) {
        throw new Error(
          `projection ${this.projection.name} did not reach ${formatPosition(target)} within ${timeoutMs} ms (at ${formatPosition(cp)}); ` +
            'is a long-running transaction holding the readable horizon back?',
        );
      }
      await delay(10);
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
    this.wake();
    try {
      await this.loop;
    } finally {
      this.loop = undefined;
    }
  }

  /** Empties the read model (reset) and moves the checkpoint back to the start, atomically; then replays everything. */
  async rebuild(): Promise<void> {
    const reset = this.projection.reset;
    if (!reset) throw new Error(`projection ${this.projection.name} has no reset(), so it cannot be rebuilt`);
    await withTransaction(this.pool, async (client) => {
      await this.lockCheckpoint(client);
      await reset.call(this.projection, client);
      await client.query(
        `UPDATE projection_checkpoints SET transaction_id = '0', sequence = 0, updated_at = now() WHERE name = $1`,
        [this.projection.name],
      );
    });
    await this.catchUp();
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
      this.wake();
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
        await this.sleep(!failed && notifiedRecently ? NOTIFIED_RETRY_MS : this.pollMs);
      }
    } finally {
      await this.unlisten();
    }
  }
}
