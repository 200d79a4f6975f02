import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { loadConfig, type AppConfig } from '@jyta/config';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { bodyParserErrors } from './common/error-mapping';
import { rejectUnstorableInput } from './common/storable-input';
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

/** Largest JSON body: the register shape carries the full text of an item (well above 100 kB). */
export const BODY_LIMIT = '2mb';

/**
 * Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated, e.g.
 * `https://jyta.example.gov.cn`). Empty = same origin only: no CORS header is ever sent, so a
 * browser on another origin cannot read an answer. Each must be a bare http(s) origin.
 */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const bad = origins.filter((o) => !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
  if (bad.length) throw new Error(`CORS_ORIGINS：无效的来源 ${bad.join(', ')}（须为 https://host[:port]，以逗号分隔）`);
  return origins;
}

/**
 * Security headers (helmet). The CSP fits a single-page portal served from this origin and the
 * Swagger UI at /api/docs: scripts, fonts, images and connections from 'self' only; inline
 * styles allowed (antd and Swagger UI set style attributes), inline scripts not. No
 * upgrade-insecure-requests: an intranet deployment may be plain http.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });

const KEEP_ALIVE_MS = 65_000;

export interface AppOptions {
  /** Browser origins allowed besides the API's own (default: CORS_ORIGINS). */
  corsOrigins?: string[];
}

/**
 * Builds and initialises the API (migrations run, demo directory loaded outside production,
 * projection started) without listening: `await app.listen(port)` or use `app.getHttpServer()`.
 */
export async function createApp(
  config: AppConfig = loadConfig(),
  options: AppOptions = { corsOrigins: parseCorsOrigins(process.env.CORS_ORIGINS) },
): Promise<NestExpressApplication> {
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
  app.use(securityHeaders());
  const corsOrigins = options.corsOrigins ?? [];
  if (corsOrigins.length) {
    app.enableCors({
      origin: corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      credentials: false,
      maxAge: 600,
    });
  }
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyParserErrors);
  app.use(rejectUnstorableInput);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setupSwagger(app);
  await app.init();
  // An idle keep-alive connection is closed by the server only after the clients' and proxies' own
  // idle timeouts (typically 60 s): with Node's 5 s default, a client could send on a socket the
  // server was closing at that instant and get "other side closed" for a request never seen.
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return app;
}
