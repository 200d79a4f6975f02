import argon2 from 'argon2';
import { In, type EntityManager } from 'typeorm';
import { UnitEntity, UserEntity, type UserRow } from './entities';
import { isRole, type Chamber, type Role } from './roles';

/** A DataSource, or the EntityManager of a transaction. */
export type DirectoryDb = Pick<EntityManager, 'getRepository'>;

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
  disabled: boolean;
  sessionVersion: number;
  lockedUntil: string | null;
  createdAt: string;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

export function toUser(r: UserRow): UserWithPassword {
  if (!isRole(r.role)) throw new Error(`user ${r.username} has unknown role ${r.role}`);
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    unitId: r.unitCode,
    displayName: r.displayName,
    chamber: r.chamber,
    disabled: r.disabled,
    sessionVersion: r.sessionVersion,
    lockedUntil: r.lockedUntil ? r.lockedUntil.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    passwordHash: r.passwordHash,
  };
}

export async function findUserByUsername(db: DirectoryDb, username: string): Promise<UserWithPassword | undefined> {
  const r = await db.getRepository(UserEntity).findOneBy({ username });
  return r ? toUser(r) : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export async function findUserById(db: DirectoryDb, id: string): Promise<UserWithPassword | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await db.getRepository(UserEntity).findOneBy({ id });
  return r ? toUser(r) : undefined;
}

export function countUsers(db: DirectoryDb): Promise<number> {
  return db.getRepository(UserEntity).count();
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

export async function listUnits(db: DirectoryDb): Promise<Unit[]> {
  const rows = await db.getRepository(UnitEntity).find({ order: { code: 'ASC' } });
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind }));
}

export async function unitExists(db: DirectoryDb, code: string): Promise<boolean> {
  return db.getRepository(UnitEntity).existsBy({ code });
}

/** The codes of `codes` that are not units (in the order given, without repeats). */
export async function unknownUnits(db: DirectoryDb, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.getRepository(UnitEntity).find({ select: { code: true }, where: { code: In(codes) } });
  const known = new Set(rows.map((r) => r.code));
  return [...new Set(codes.filter((c) => !known.has(c)))];
}
