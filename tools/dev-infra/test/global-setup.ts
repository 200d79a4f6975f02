// Provisions the real Temporal dev server and PostgreSQL unless the environment names them.
export { default } from '../src/jest-global-setup';
