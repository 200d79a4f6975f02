import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@jyta/config';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { requestIdOf } from './common/command-meta';
import { redactSecretsInUrl } from './common/secret-urls';
import { DemoModule } from './demo/demo.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { InfrastructureModule } from './infrastructure/infrastructure';
import { OperationsModule } from './operations/operations.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ReportsModule } from './reports/reports.module';
import { ProposalImportModule } from './proposals/import/import.module';
import { StatsModule } from './stats/stats.module';
import { DeadlinePreviewModule } from './calendar-preview/deadline-preview';
import { PortalModule } from './portal/portal.module';
import { UnitSummariesModule } from './unit-summaries/unit-summaries.module';
import { MetricsModule } from './metrics/metrics.module';

/** Structured HTTP logs (pino): one line per request, with the request id that also correlates events. */
export function loggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    // every route (the path-to-regexp v8 spelling of a wildcard)
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = requestIdOf(req.headers as Record<string, unknown>);
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        // The feedback token is in its URL's path: never logged (docs/CONTRACTS.md, Secrets).
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactSecretsInUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggerModule(config),
        InfrastructureModule.forRoot(config),
        HealthModule,
        AuthModule,
        DirectoryModule,
        ReportsModule,
        ProposalsModule,
        ProposalImportModule,
        DemoModule,
        AdminModule,
        InboxModule,
        OperationsModule,
        StatsModule,
        DeadlinePreviewModule,
        UnitSummariesModule,
        MetricsModule,
        // Last: the portal's SPA fallback must come after every API route.
        PortalModule,
      ],
    };
  }
}
