/**
 * @jyta/event-store — the append-only event store on PostgreSQL (SPEC §9) and the runner that
 * feeds projections from it. Schema: `eventStoreMigrations` (apply with @jyta/db runMigrations).
 */
export type {
  Actor,
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
} from './types';
export { WrongExpectedVersionError, EventIdConflictError, classifyAppendError } from './errors';
export { START_POSITION, comparePositions, formatPosition, parsePosition } from './position';
export { eventStoreMigrations } from './migrations';
export { PostgresEventStore, EVENTS_CHANNEL, MAX_EVENTS_PER_APPEND } from './store';
export {
  ProjectionRunner,
  isTransientError,
  type ParkedEvent,
  type Projection,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './projection-runner';
