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
];
