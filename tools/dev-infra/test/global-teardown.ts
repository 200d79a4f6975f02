export { default } from '../src/jest-global-teardown';
