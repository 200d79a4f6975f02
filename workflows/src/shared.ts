// What clients (API, tests) import: names, shapes, ids — no workflow implementation.
export * from './definitions';
export * from './activity-types';
export * from './operations';
export * from './operation-progress';

/** The file a worker (or a replay) bundles as workflow code. */
export const WORKFLOWS_PATH: string = require.resolve('./index.ts');

/**
 * How every worker and every replay bundles it. The SDK evaluates a workflow's modules anew for
 * each workflow (each has its own module cache), so every cached item held its own copy of the
 * domain's functions and tables and paid to build them: about 100 KiB and a few milliseconds per
 * item. The domain libraries are pure — no module state, no workflow API, nothing read from the
 * clock or randomness at load — so they are preloaded once per workflow thread and shared
 * (the SDK's `preloadModules`). Anything with per-workflow state (our workflows, the SDK's own
 * modules) must never be listed here.
 */
export const WORKFLOW_BUNDLER_OPTIONS: { preloadModules: string[] } = {
  preloadModules: ['@jyta/calendar-domain', '@jyta/proposal-domain'],
};
export * from './unit-summary.definitions';
