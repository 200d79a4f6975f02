import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '@jyta/config';
import { createApp } from './app';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  const logger = new Logger('Bootstrap');
  logger.log(`API listening on ${base}/api  (health: ${base}/api/health)`);
  logger.log(`OpenAPI docs: ${base}/api/docs  (JSON: ${base}/api/docs-json)`);
  logger.log(`Temporal ${config.temporalAddress} namespace "${config.temporalNamespace}" task queue "${config.temporalTaskQueue}"`);
  if (!config.production) {
    const pw = config.demoPassword === DEFAULT_DEMO_PASSWORD ? `"${DEFAULT_DEMO_PASSWORD}"` : 'from DEMO_PASSWORD';
    logger.log(`demo accounts (SPEC §11): office, rsj-handler, deputy-1, … password ${pw}`);
  }
}

main().catch((e) => {
  console.error('API 启动失败 / API failed to start:', e);
  process.exit(1);
});
