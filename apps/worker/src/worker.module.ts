import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import type { Pool } from 'pg';
import { createPool } from '@jyta/db';
import { migrateAll } from '@jyta/schema';
import { createProposalActivities, type ActivityDeps } from '@jyta/proposal-activities';
import { feedbackTokenKeyFromEnv, rotateLegacyFeedbackTokens } from '@jyta/proposal-registry';
import { loadConfig, type AppConfig } from '@jyta/config';
import { WORKFLOWS_PATH, WORKFLOW_BUNDLER_OPTIONS } from '@jyta/workflows';
import { OutboxSenderService, outboxConfigFromEnv } from './outbox-sender';
import { createOperationActivities, stepFaultFromEnv } from './operation-activities';
import { PostgresEventStore, ProjectionRunner } from '@jyta/event-store';
import { createUnitSummaryFollower, signalUnitYearDone } from './unit-summary-follower';
import { ItemStartSweeper, itemStartSweepFromEnv } from './item-start-sweeper';
import { sdkMetrics, startWorkerMetrics, withTimerLag, workerMetricsPortFromEnv } from './metrics';
import type { Server } from 'node:http';


const CONFIG = Symbol('CONFIG');

/**
 * WORKER_MAX_CACHED_WORKFLOWS (default 1000): item workflows kept in the worker's cache. The SDK's
 * default grows with the heap (thousands here), and a burst of 10,000 imported items then held
 * 3.5 GB; an item evicted from the cache is replayed from its (short) history on its next task.
 */
export function maxCachedWorkflowsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WORKER_MAX_CACHED_WORKFLOWS?.trim();
  const n = raw ? Number(raw) : 1000;
  if (!Number.isInteger(n) || n < 2 || n > 100_000) throw new Error(`WORKER_MAX_CACHED_WORKFLOWS=${raw}: expected an integer between 2 and 100000`);
  return n;
}

/** Reads the crash-test hook (FAULT_APPEND=before:3000); refused in production. */
export function appendFaultFromEnv(env: NodeJS.ProcessEnv): ActivityDeps['appendFault'] {
  const raw = env.FAULT_APPEND;
  if (!raw) return undefined;
  if (env.NODE_ENV === 'production') throw new Error('FAULT_APPEND is a test hook and is refused in production');
  const [phase, ms] = raw.split(':');
  if ((phase !== 'before' && phase !== 'after') || !(Number(ms) > 0)) throw new Error(`FAULT_APPEND=${raw}: expected before:<ms> or after:<ms>`);
  return { phase, delayMs: Number(ms) };
}

@Injectable()
export class ProposalWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProposalWorker');
  private worker?: Worker;
  private running?: Promise<void>;
  private pool?: Pool;
  private connection?: NativeConnection;
  /** The operations' activities send commands to items as Workflow Updates, through a client. */
  private clientConnection?: Connection;
  /** 总结工作 (Art. 12): follows the events and starts the unit-year workflows. */
  private follower?: ProjectionRunner;
  private metricsServer?: Server;
  /** Starts the item workflows an import committed but did not start (a crash in between). */
  private sweeper?: ItemStartSweeper;

  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap() {
    const { config } = this;
    this.pool = createPool(config.databaseUrl, 10);
    const { applied } = await migrateAll(this.pool);
    if (applied.length) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    const feedbackTokenKey = feedbackTokenKeyFromEnv(process.env);
    // Forms issued before 0120 had predictable tokens: their holders get fresh ones.
    const rotated = await rotateLegacyFeedbackTokens(this.pool, feedbackTokenKey);
    if (rotated) this.logger.log(`feedback tokens replaced by random ones: ${rotated}`);
    this.connection = await NativeConnection.connect({ address: config.temporalAddress });
    this.clientConnection = await Connection.connect({ address: config.temporalAddress });
    const client = new Client({ connection: this.clientConnection, namespace: config.temporalNamespace });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: WORKFLOW_BUNDLER_OPTIONS,
      maxCachedWorkflows: maxCachedWorkflowsFromEnv(process.env),
      activities: {
        ...withTimerLag(createProposalActivities({ pool: this.pool, feedbackTokenKey, appendFault: appendFaultFromEnv(process.env) })),
        ...createOperationActivities({ pool: this.pool, client, stepFault: stepFaultFromEnv(process.env) }),
      },
    });
    this.follower = new ProjectionRunner(this.pool, new PostgresEventStore(this.pool), createUnitSummaryFollower(signalUnitYearDone(client, config.temporalTaskQueue)), {
      pollMs: 1000,
      onError: (err) => this.logger.error(`unit summary follower failed; retrying: ${String(err)}`),
      onParked: (parked) => this.logger.error(`unit summary follower parked event ${parked.eventId} (${parked.type})`),
    });
    this.follower.start();
    this.sweeper = new ItemStartSweeper(this.pool, client, {
      ...itemStartSweepFromEnv(process.env),
      taskQueue: config.temporalTaskQueue,
      historyLimit: config.proposalHistoryLimit,
    });
    this.sweeper.start();
    this.running = this.worker.run();
    this.running.catch((e) => {
      this.logger.error(`worker stopped: ${e}`);
      process.exitCode = 1;
    });
    const metricsPort = workerMetricsPortFromEnv(process.env);
    if (metricsPort !== undefined) {
      this.metricsServer = await startWorkerMetrics({ port: metricsPort, pool: this.pool, sdkAddress: sdkMetrics.address });
      this.logger.log(`metrics on http://0.0.0.0:${(this.metricsServer.address() as { port: number }).port}/metrics`);
    }
    this.logger.log(`worker polling task queue "${config.temporalTaskQueue}" on ${config.temporalAddress}`);
  }

  async onApplicationShutdown() {
    await this.follower?.stop();
    await this.sweeper?.stop();
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    this.metricsServer?.close();
    await this.connection?.close();
    await this.clientConnection?.close();
    await this.pool?.end();
  }
}

@Module({
  providers: [
    { provide: CONFIG, useFactory: () => loadConfig() },
    ProposalWorker,
    {
      provide: OutboxSenderService,
      inject: [CONFIG],
      useFactory: (config: AppConfig) => new OutboxSenderService(config.databaseUrl, outboxConfigFromEnv(process.env)),
    },
  ],
})
export class WorkerModule {}

/**
 * Keeps the SDK's own logs at warn unless LOG_LEVEL asks for more. `metricsAddress`: Core's
 * Prometheus exporter listens there (the worker's /metrics appends its text).
 */
export function installTemporalLogger(level = process.env.LOG_LEVEL ?? 'warn', metricsAddress?: string) {
  const map: Record<string, 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'> = {
    trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR',
  };
  sdkMetrics.address = metricsAddress;
  Runtime.install({
    logger: new DefaultLogger(map[level] ?? 'WARN'),
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}
