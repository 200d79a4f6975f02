export { default } from '@jyta/dev-infra/src/jest-global-teardown';
