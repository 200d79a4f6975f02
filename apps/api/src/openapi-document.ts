/**
 * The API's OpenAPI document without any server: Nest's preview mode builds the module graph
 * (controllers, DTO metadata) but instantiates no provider, so no PostgreSQL or Temporal is
 * needed. The portal's typed client is generated from it (tools/gen-api-types.mjs).
 *
 *   node -r @swc-node/register apps/api/src/openapi-document.ts [out.json]
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@jyta/config';
import { API_PREFIX, setupSwagger } from './app';
import { AppModule } from './app.module';

export async function openApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(loadConfig()), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  // setupSwagger is the one place the document's title, description and auth are declared: take
  // the document it builds rather than repeating them here.
  let document: OpenAPIObject | undefined;
  const setup = SwaggerModule.setup;
  SwaggerModule.setup = (_path, _app, doc) => {
    document = typeof doc === 'function' ? doc() : doc;
  };
  try {
    setupSwagger(app);
  } finally {
    SwaggerModule.setup = setup;
  }
  await app.close();
  if (!document) throw new Error('setupSwagger built no document');
  return document;
}

if (require.main === module) {
  openApiDocument()
    .then((doc) => {
      const json = `${JSON.stringify(doc, null, 2)}\n`;
      if (process.argv[2]) writeFileSync(process.argv[2], json);
      else process.stdout.write(json);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
