import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `vite build` writes the portal (apps/portal/dist); PORTAL_DIR overrides it (Docker). */
export function portalDir(): string {
  return process.env.PORTAL_DIR || path.resolve(__dirname, '..', '..', '..', 'portal', 'dist');
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>建议提案办理</title>
<body style="font-family:sans-serif;margin:3em"><h1>门户尚未构建</h1>
<p>请运行 <code>npm start</code>（自动构建门户）或 <code>npx nx build @jyta/portal</code>，然后刷新本页。</p>
<p>接口文档：<a href="/api/docs">/api/docs</a></p></body></html>`;

/**
 * The portal on the API's own port: static files, and index.html for every other GET outside
 * /api (deep links such as /items/… are the single-page app's routes). /api/* never falls back,
 * so an unknown API path keeps its JSON 404 from Nest's own handler, which is registered after
 * this module's init.
 */
export function portalMiddleware(dir: string) {
  const isApi = (p: string) => p === '/api' || p.startsWith('/api/');
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, file) => {
      // Vite names assets by content hash: cache them for good; index.html must always revalidate.
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = path.join(dir, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (isApi(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    files(req, res, () => {
      // A missing asset is a 404, not the app's page.
      if (req.path.startsWith('/assets/')) return next();
      if (!existsSync(index)) {
        res.status(503).type('html').send(NOT_BUILT);
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}

@Module({})
export class PortalModule implements OnModuleInit {
  private readonly logger = new Logger('Portal');

  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const dir = portalDir();
    if (!existsSync(path.join(dir, 'index.html'))) this.logger.warn(`portal not built (${dir}): / shows how to build it`);
    this.adapter.httpAdapter.getInstance<express.Express>().use(portalMiddleware(dir));
  }
}
