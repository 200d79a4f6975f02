import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfig, type AppConfig } from '@jyta/config';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { bodyParserErrors } from './common/error-mapping';
import { rejectNulBytes } from './common/nul-bytes';
import { createValidationPipe } from './common/validation';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';

/** The OpenAPI document, served at /api/docs (UI) and /api/docs-json. */
export function setupSwagger(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('建议提案办理 API')
      .setDescription(
        '市政府办理人大代表建议、政协委员提案（郑政办〔2020〕27号）。先 POST /api/auth/login 取得 accessToken，' +
          '再以 Authorization: Bearer <accessToken> 调用其余接口。错误统一为 {statusCode, code, message, details?}。',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    customSiteTitle: '建议提案办理 API',
    swaggerOptions: { persistAuthorization: true },
  });
}

/** TRUST_PROXY: unset = trust no proxy; a hop count, true/false, or a comma-separated list of addresses/subnets. */
export function trustProxyFromEnv(raw: string | undefined): boolean | number | string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

/**
 * Builds and initialises the API (migrations run, demo directory loaded outside production,
 * projection started) without listening: `await app.listen(port)` or use `app.getHttpServer()`.
 */
export async function createApp(config: AppConfig = loadConfig()): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The client address (rate limits) is the socket's; behind a reverse proxy, TRUST_PROXY names
  // which hops' X-Forwarded-For to believe (Express syntax: 1, loopback, 10.0.0.0/8, …).
  const trustProxy = trustProxyFromEnv(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  // The register shape carries the full text of an item: allow more than the 100 kB default.
  app.useBodyParser('json', { limit: '2mb' });
  app.use(bodyParserErrors);
  app.use(rejectNulBytes);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setupSwagger(app);
  await app.init();
  return app;
}
