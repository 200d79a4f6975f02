import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { installTemporalLogger, WorkerModule } from './worker.module';
import { freeLoopbackAddress, workerMetricsPortFromEnv } from './metrics';

/** The Temporal worker in a Nest application context: no HTTP, just polling and activities. */
async function main() {
  // With a metrics endpoint, the SDK's own metrics are exported too (on a private loopback port).
  installTemporalLogger(undefined, workerMetricsPortFromEnv(process.env) !== undefined ? await freeLoopbackAddress() : undefined);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((e) => {
  console.error('工作进程启动失败 / worker failed to start:', e);
  process.exit(1);
});
