// What other projects (tests) import from @jyta/api: the app factory.
export { createApp, setupSwagger, API_PREFIX, DOCS_PATH } from './app';
export { AppModule } from './app.module';
