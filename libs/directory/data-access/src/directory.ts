import argon2 from 'argon2';
import type pg from 'pg';
import { isRole, type Chamber, type Role } from './roles';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.ClientBase, 'query'>;

export interface Unit {
  code: string;
  name: string;
  kind: string;
}

export interface User {
  id: string;
  username: string;
  role: Role;
  /** The unit code (SPEC §10: unit ids are the codes), for unit roles. */
  unitId: string | null;
  displayName: string;
  chamber: Chamber | null;
  createdAt: string;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  unit_code: string | null;
  display_name: string;
  chamber: Chamber | null;
  created_at: Date;
}

const USER_COLUMNS = 'id, username, password_hash, role, unit_code, display_name, chamber, created_at';

function toUser(r: UserRow): UserWithPassword {
  if (!isRole(r.role)) throw new Error(`user ${r.username} has unknown role ${r.role}`);
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    unitId: r.unit_code,
    displayName: r.display_name,
    chamber: r.chamber,
    createdAt: r.created_at.toISOString(),
    passwordHash: r.password_hash,
  };
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserWithPassword | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findUserById(db: Queryable, id: string): Promise<UserWithPassword | undefined> {
  if (!UUID.test(id)) return undefined;
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM users');
  return Number(rows[0].n);
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  unitId?: string | null;
  displayName: string;
  chamber?: Chamber | null;
}

/** Creates a user; returns undefined when the username is taken. */
export async function createUser(db: Queryable, u: NewUser): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (username, password_hash, role, unit_code, display_name, chamber)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO NOTHING
     RETURNING ${USER_COLUMNS}`,
    [u.username, u.passwordHash, u.role, u.unitId ?? null, u.displayName, u.chamber ?? null],
  );
  if (!rows[0]) return undefined;
  const { passwordHash: _omit, ...user } = toUser(rows[0]);
  return user;
}

/** argon2id with the library's defaults (memory-hard, deliberately slow: hash once, reuse). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** true when `password` matches `hash`; false on mismatch or a malformed hash (never throws). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export async function listUnits(db: Queryable): Promise<Unit[]> {
  const { rows } = await db.query<Unit>('SELECT code, name, kind FROM units ORDER BY code');
  return rows;
}

export async function unitExists(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM units WHERE code = $1', [code]);
  return rows.length > 0;
}

/** The codes of `codes` that are not units (in the order given, without repeats). */
export async function unknownUnits(db: Queryable, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const { rows } = await db.query<{ code: string }>('SELECT code FROM units WHERE code = ANY($1::text[])', [codes]);
  const known = new Set(rows.map((r) => r.code));
  return [...new Set(codes.filter((c) => !known.has(c)))];
}
