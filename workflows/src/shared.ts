// What clients (API, tests) import: names, shapes, ids — no workflow implementation.
export * from './definitions';
export * from './activity-types';
export * from './operations';
export * from './operation-progress';

/** The file a worker (or a replay) bundles as workflow code. */
export const WORKFLOWS_PATH: string = require.resolve('./index.ts');
export * from './unit-summary.definitions';
