import type { Migration } from '@jyta/db';

/**
 * The event store's schema. `events` is append-only (SPEC §9): triggers refuse UPDATE, DELETE
 * (per row) and TRUNCATE (per statement; row triggers never see it), even from the owning role
 * (which REVOKE cannot restrict).
 *
 * Global order: `transaction_id` is the id of the appending transaction (assigned at its first
 * write, which happens only after the stream's advisory lock is held), `sequence` the order inside
 * it. See PostgresEventStore.readAll for why `$all` is read by that pair and not by sequence.
 */
export const eventStoreMigrations: Migration[] = [
  {
    id: '0001_event_store',
    sql: `
      CREATE TABLE events (
        sequence        bigserial   PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        version         integer     NOT NULL CHECK (version > 0),
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version)
      );
      -- $all is read in (transaction_id, sequence) order from a checkpoint.
      CREATE INDEX events_global_position_idx ON events (transaction_id, sequence);

      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$;
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only();
    `,
  },
  {
    id: '0002_projection_checkpoints',
    sql: `
      -- Last $all position each projection has processed (START = 0/0).
      CREATE TABLE projection_checkpoints (
        name            text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT '0',
        sequence        bigint      NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    id: '0003_events_no_truncate',
    sql: `
      -- TRUNCATE bypasses row triggers: a statement trigger refuses it (TG_OP = 'TRUNCATE').
      CREATE TRIGGER events_no_truncate
        BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
    `,
  },
  {
    id: '0004_parked_events',
    sql: `
      -- Events a projection could not fold: set aside so that the projection goes on (the runner
      -- logs each one as an error); a rebuild of the projection clears its rows and tries again.
      CREATE TABLE parked_events (
        projection      text        NOT NULL,
        transaction_id  xid8        NOT NULL,
        sequence        bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        type            text        NOT NULL,
        error           text        NOT NULL,
        parked_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, event_id)
      );
    `,
  },
];
