import type { Migration } from '@jyta/db';

/**
 * The cases of the Art. 16 figures, fed by `statsProjection`. A read model (rebuildable from the
 * events at any time): `stats_items` holds each item's folded facts, `stats_cases` every version
 * of every case with the store time it held from (valid_from) and until (valid_to, null = still),
 * so that "as of the end of 30 June" is one indexed query, not a replay.
 */
export const statsMigrations: Migration[] = [
  {
    id: '0700_stats_cases',
    sql: `
      CREATE TABLE IF NOT EXISTS stats_items (
        proposal_id  uuid  PRIMARY KEY,
        -- stream version the facts reflect
        version      int   NOT NULL,
        facts        jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS stats_cases (
        id                 bigserial   PRIMARY KEY,
        proposal_id        uuid        NOT NULL,
        unit_id            text        NOT NULL,
        session_year       int         NOT NULL,
        kind               text        NOT NULL,
        leader_in_charge   text        NULL,
        -- the case as the domain sees it (CaseRecord of @jyta/stats-domain)
        record             jsonb       NOT NULL,
        -- what its outcomes at any moment depend on (CaseColumns of @jyta/stats-domain)
        handled            boolean     NOT NULL,
        late_settled       boolean     NOT NULL,
        on_time_settled    boolean     NOT NULL,
        open_due_at        timestamptz NULL,
        replied            boolean     NOT NULL,
        face_to_face       boolean     NOT NULL,
        key_or_rec         boolean     NOT NULL,
        feedback           text        NULL,
        category           text        NULL,
        -- recorded time and global position of the event that made this version
        valid_from         timestamptz NOT NULL,
        from_position      text        NOT NULL,
        -- recorded time of the event that replaced it (null: current)
        valid_to           timestamptz NULL
      );
      CREATE INDEX IF NOT EXISTS stats_cases_current_idx ON stats_cases (session_year, unit_id) WHERE valid_to IS NULL;
      CREATE INDEX IF NOT EXISTS stats_cases_open_item_idx ON stats_cases (proposal_id, unit_id) WHERE valid_to IS NULL;
      CREATE INDEX IF NOT EXISTS stats_cases_history_idx ON stats_cases (session_year, valid_from);
    `,
  },
  {
    // The counters the "now" figures read (docs/kpis.md, Speed): per year, unit, kind and vice
    // mayor in charge, how many current cases have each outcome of each figure. Kept by
    // statsProjection in the same transaction as stats_cases: a few thousand rows instead of a scan
    // of every current case. The outcome is the one without the clock; open_due_at (on_time only)
    // is an open round's deadline, past which the read counts the case late. Filled by the
    // projection's replay that 0711 starts.
    id: '0710_stats_counters',
    sql: `
      CREATE TABLE IF NOT EXISTS stats_counters (
        session_year       int         NOT NULL,
        unit_id            text        NOT NULL,
        kind               text        NOT NULL,
        leader_in_charge   text        NULL,
        kpi                text        NOT NULL,
        outcome            text        NOT NULL,
        open_due_at        timestamptz NULL,
        n                  int         NOT NULL,
        CONSTRAINT stats_counters_key UNIQUE NULLS NOT DISTINCT (session_year, unit_id, kind, leader_in_charge, kpi, outcome, open_due_at)
      );
      -- the rows whose deadline has passed, folded into 'late' by the projection (projection.ts)
      CREATE INDEX IF NOT EXISTS stats_counters_open_due_idx ON stats_counters (open_due_at) WHERE open_due_at IS NOT NULL;
    `,
  },
  {
    // Open promises (category B replies not fulfilled yet, docs/kpis.md): a column of each case
    // version, and a row of the counters (kpi 'open_promises', n = how many). The facts of cases
    // recorded before could not know their promises: the projection starts again from the first
    // event (a read model, rebuilt from the store; the runner finds no checkpoint and replays).
    id: '0711_stats_open_promises',
    sql: `
      ALTER TABLE stats_cases ADD COLUMN IF NOT EXISTS open_promises int NOT NULL DEFAULT 0;
      TRUNCATE stats_items, stats_cases, stats_counters;
      DO $$ BEGIN
        IF to_regclass('projection_checkpoints') IS NOT NULL THEN DELETE FROM projection_checkpoints WHERE name = 'stats_cases'; END IF;
        IF to_regclass('parked_events') IS NOT NULL THEN DELETE FROM parked_events WHERE projection = 'stats_cases'; END IF;
      END $$;
    `,
  },
];
