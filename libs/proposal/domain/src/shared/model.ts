/** The value types and the state, in one import for the slices. */
export * from './values';
export * from '../state';
