import { Inject, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { Pool } from 'pg';
import type { AppConfig } from '@jyta/config';
import { createPool } from '@jyta/db';
import { PostgresEventStore, ProjectionRunner, type GlobalPosition } from '@jyta/event-store';
import { proposalListProjection } from '@jyta/proposal-read-models';
import { migrateAll } from '@jyta/schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

const SHUTDOWN_GRACE_MS = 5000;
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The process's connections: the PostgreSQL pool, the event store, the read-model projection
 * runner and the Temporal client. Created without I/O; `init()` migrates the schema and starts
 * the projection; shutdown closes everything in order (runner → Temporal → pool).
 */
@Injectable()
export class Infrastructure implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Infrastructure');
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  readonly runner: ProjectionRunner;
  /** Lazy: connects on first use, so the API starts (and reports health) while Temporal is still coming up. */
  readonly connection: Connection;
  readonly client: Client;
  /** For health checks only: no automatic retries, so a check fails fast and leaves nothing pending. */
  private readonly probe: Connection;
  /** Temporal calls under way: shutdown waits for them before closing the channel under them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private initialized?: Promise<void>;
  private closed = false;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.pool = createPool(config.databaseUrl, 10);
    this.store = new PostgresEventStore(this.pool);
    this.runner = new ProjectionRunner(this.pool, this.store, proposalListProjection, {
      pollMs: 1000,
      onError: (err) => this.logger.error({ err }, 'projection proposal_list failed; retrying'),
      // The alert: one error line per parked event (GET /api/admin/projections counts them).
      onParked: (parked) => this.logger.error({ parked }, `projection proposal_list parked event ${parked.eventId} (${parked.type}); it goes on without it`),
    });
    this.connection = Connection.lazy({ address: config.temporalAddress });
    this.client = new Client({ connection: this.connection, namespace: config.temporalNamespace });
    this.probe = Connection.lazy({ address: config.temporalAddress, interceptors: [] });
  }

  /** Migrates and starts the projection, once (whoever asks first). */
  init(): Promise<void> {
    this.initialized ??= (async () => {
      const { applied, seededYears } = await migrateAll(this.pool);
      if (applied.length) this.logger.log(`migrations applied: ${applied.join(', ')}`);
      if (seededYears.length) this.logger.log(`holiday calendar seeded: ${seededYears.join(', ')}`);
      this.runner.start();
    })();
    return this.initialized;
  }

  async onModuleInit(): Promise<void> {
    await this.init();
  }

  /** Runs Temporal calls with the command deadline (a stuck command answers 504, retry-safe with its Idempotency-Key). */
  withCommandDeadline<T>(fn: () => Promise<T>): Promise<T> {
    return this.track(this.connection.withDeadline(Date.now() + this.config.commandTimeoutMs, fn));
  }

  /** true when PostgreSQL answers `SELECT 1` within `timeoutMs`. */
  async databaseReachable(timeoutMs = 3000): Promise<boolean> {
    try {
      await withTimeout(this.pool.query('SELECT 1'), timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  /** true when the Temporal frontend answers GetSystemInfo within `timeoutMs`. */
  async temporalReachable(timeoutMs = 3000): Promise<boolean> {
    if (this.closed) return false;
    try {
      await withTimeout(
        this.track(this.probe.withDeadline(Date.now() + timeoutMs, () => this.probe.workflowService.getSystemInfo({}))),
        timeoutMs + 500,
      );
      return true;
    } catch {
      return false;
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    p.then(
      () => this.inFlight.delete(p),
      () => this.inFlight.delete(p),
    );
    return p;
  }

  /** Waits (bounded) until the read model has the events up to `position`; never fails the request. */
  async waitForReadModel(position: GlobalPosition | null | undefined, timeoutMs = 5000): Promise<void> {
    if (!position) return;
    try {
      await this.runner.waitFor(position, timeoutMs);
    } catch (err) {
      this.logger.warn({ err }, 'read model is lagging behind the command');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runner.stop().catch((err) => this.logger.warn({ err }, 'stopping the projection failed'));
    // A call still retrying would throw from its timer into a closed channel: let them finish first.
    if (this.inFlight.size) {
      await Promise.race([Promise.allSettled([...this.inFlight]), delay(SHUTDOWN_GRACE_MS)]);
    }
    if (this.inFlight.size === 0) {
      await this.connection.close().catch((err) => this.logger.warn({ err }, 'closing the Temporal connection failed'));
      await this.probe.close().catch(() => undefined);
    } else {
      this.logger.warn(`${this.inFlight.size} Temporal call(s) still running at shutdown; leaving the connection to the process exit`);
    }
    await this.pool.end().catch((err) => this.logger.warn({ err }, 'closing the database pool failed'));
  }
}

@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig) {
    return {
      module: InfrastructureModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }, Infrastructure],
      exports: [APP_CONFIG, Infrastructure],
    };
  }
}
