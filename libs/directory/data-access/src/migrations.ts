import type { Migration } from '@jyta/db';
import { ROLES } from './roles';

const roleList = ROLES.map((r) => `'${r}'`).join(', ');

/** Units (承办单位, SPEC §11) and user accounts. */
export const directoryMigrations: Migration[] = [
  {
    id: '0300_directory',
    sql: `
      CREATE TABLE IF NOT EXISTS units (
        code        text        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_-]{0,31}$'),
        name        text        NOT NULL UNIQUE,
        kind        text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS users (
        id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text        NOT NULL UNIQUE,
        password_hash text        NOT NULL,
        role          text        NOT NULL CHECK (role IN (${roleList})),
        unit_code     text        NULL REFERENCES units(code),
        display_name  text        NOT NULL,
        chamber       text        NULL CHECK (chamber IN ('npc', 'cppcc')),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_unit_role_check CHECK (role NOT IN ('unit_handler', 'unit_leader') OR unit_code IS NOT NULL)
      );
      CREATE INDEX IF NOT EXISTS users_unit_code_idx ON users (unit_code);
    `,
  },
  {
    // Accounts administration (sessions revoked by version, lock after failed logins) and the
    // contacts directory of Art. 14. The rows are read models of the streams `user-<id>` and
    // `unit-<code>`; `stream_version` / `contacts_version` say how far they are folded.
    id: '0301_accounts_contacts',
    sql: `
      ALTER TABLE users
        ADD COLUMN disabled        boolean     NOT NULL DEFAULT false,
        ADD COLUMN session_version integer     NOT NULL DEFAULT 1,
        ADD COLUMN stream_version  integer     NOT NULL DEFAULT 0,
        ADD COLUMN failed_logins   integer     NOT NULL DEFAULT 0,
        ADD COLUMN locked_until    timestamptz NULL,
        ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now();
      CREATE TABLE user_credentials (
        id            uuid        PRIMARY KEY,
        user_id       uuid        NOT NULL,
        password_hash text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX user_credentials_user_idx ON user_credentials (user_id);
      ALTER TABLE units ADD COLUMN contacts_version integer NOT NULL DEFAULT 0;
      CREATE TABLE unit_contacts (
        unit_code text    NOT NULL REFERENCES units(code),
        kind      text    NOT NULL CHECK (kind IN ('main_leader', 'leader_in_charge', 'office_head', 'handler')),
        seq       integer NOT NULL CHECK (seq >= 0),
        name      text    NOT NULL,
        phone     text    NOT NULL,
        position  text    NOT NULL,
        PRIMARY KEY (unit_code, kind, seq)
      );
    `,
  },
];
