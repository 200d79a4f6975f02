// What clients (API, tests) import: names, shapes, ids — no workflow implementation.
export * from './definitions';
export * from './activity-types';
