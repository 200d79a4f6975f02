import type { Migration } from '@jyta/db';

/**
 * The list of items (建议/提案 一览) fed by `proposalListProjection`. A read model: it can be
 * dropped and rebuilt from the events at any time (ProjectionRunner.rebuild).
 */
export const readModelMigrations: Migration[] = [
  {
    id: '0400_proposal_list',
    sql: `
      CREATE TABLE IF NOT EXISTS proposal_list (
        proposal_id        uuid        PRIMARY KEY,
        number             text        NOT NULL,
        kind               text        NOT NULL,
        level              text        NOT NULL,
        session_year       int         NOT NULL,
        period             text        NOT NULL,
        title              text        NOT NULL,
        topic              text        NULL,
        status             text        NOT NULL,
        key                boolean     NOT NULL DEFAULT false,
        major              boolean     NOT NULL DEFAULT false,
        urgent             boolean     NOT NULL DEFAULT false,
        proposer_names     text[]      NOT NULL DEFAULT '{}',
        proposer_usernames text[]      NOT NULL DEFAULT '{}',
        -- every unit ever assigned (a returned unit stays: it may still read the item)
        unit_ids           text[]      NOT NULL DEFAULT '{}',
        -- the units responsible now
        active_unit_ids    text[]      NOT NULL DEFAULT '{}',
        -- active units answering for themselves (主办 / 单一 / 分别办理)
        lead_unit_ids      text[]      NOT NULL DEFAULT '{}',
        leader_in_charge   text        NULL,
        registered_at      timestamptz NOT NULL,
        -- 接办之日 of the latest assignment
        assigned_on        date        NULL,
        -- earliest reply deadline among the active units
        reply_due_at       timestamptz NULL,
        updated_at         timestamptz NOT NULL,
        -- stream version this row reflects
        version            int         NOT NULL,
        -- the folded domain state (ProposalState) the columns are derived from
        state              jsonb       NOT NULL
      );
      CREATE INDEX IF NOT EXISTS proposal_list_year_kind_idx ON proposal_list (session_year, kind);
      CREATE INDEX IF NOT EXISTS proposal_list_status_idx ON proposal_list (status);
      CREATE INDEX IF NOT EXISTS proposal_list_registered_idx ON proposal_list (registered_at DESC, proposal_id);
      CREATE INDEX IF NOT EXISTS proposal_list_unit_ids_idx ON proposal_list USING gin (unit_ids);
      CREATE INDEX IF NOT EXISTS proposal_list_proposers_idx ON proposal_list USING gin (proposer_usernames);
    `,
  },
  {
    // 办理结果公开 (Art. 20): only disclosed replies, only what may be published (public-replies.ts).
    id: '0600_public_replies',
    sql: `
      CREATE TABLE IF NOT EXISTS public_replies (
        proposal_id   uuid        NOT NULL,
        reply_id      text        PRIMARY KEY,
        number        text        NOT NULL,
        session_year  int         NOT NULL,
        kind          text        NOT NULL,
        topic         text        NULL,
        unit_id       text        NOT NULL,
        category      text        NOT NULL,
        mode          text        NOT NULL,
        title         text        NOT NULL,
        text          text        NULL,
        reason        text        NULL,
        published_at  timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS public_replies_proposal_idx ON public_replies (proposal_id);
      CREATE INDEX IF NOT EXISTS public_replies_year_kind_idx ON public_replies (session_year, kind);
      CREATE INDEX IF NOT EXISTS public_replies_published_idx ON public_replies (published_at DESC, reply_id);
    `,
  },
];
