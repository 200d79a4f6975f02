import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { installTemporalLogger, WorkerModule } from './worker.module';

/** The Temporal worker in a Nest application context: no HTTP, just polling and activities. */
async function main() {
  installTemporalLogger();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((e) => {
  console.error('工作进程启动失败 / worker failed to start:', e);
  process.exit(1);
});
