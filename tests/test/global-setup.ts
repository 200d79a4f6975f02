// Provisions the real Temporal dev server and PostgreSQL unless the environment names them.
export { default } from '@jyta/dev-infra/src/jest-global-setup';
