/**
 * The directory's tables as TypeORM entity schemas. They are plain records (one row per unit, user,
 * contact), read and written whole, so a repository serves them better than hand-written SQL; the
 * schema itself still comes from `directoryMigrations` (TypeORM never synchronises).
 *
 * EntitySchema rather than decorated classes: the rows stay plain interfaces that the API can pass
 * around, and this lib needs no decorator metadata.
 */
import { EntitySchema } from 'typeorm';
import type { Chamber, Role } from './roles';

export interface UnitRow {
  code: string;
  name: string;
  kind: string;
  /** The version of the unit's stream `unit-<code>` that the contacts below reflect (0 = none). */
  contactsVersion: number;
  createdAt: Date;
}

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  unitCode: string | null;
  displayName: string;
  chamber: Chamber | null;
  disabled: boolean;
  /** Goes up on every change that must end the user's sessions; access tokens carry it (`sv`). */
  sessionVersion: number;
  /** The version of the stream `user-<id>` folded into this row (0 = no event yet: a seeded account). */
  streamVersion: number;
  /** Consecutive failed logins since the last success or unlock (operational, not an event). */
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A password hash set by an account event; events name it by id and never carry the hash. */
export interface UserCredentialRow {
  id: string;
  userId: string;
  passwordHash: string;
  createdAt: Date;
}

export const CONTACT_KINDS = ['main_leader', 'leader_in_charge', 'office_head', 'handler'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  main_leader: '主要领导',
  leader_in_charge: '分管领导',
  office_head: '办公室负责人',
  handler: '承办人员',
};

export interface UnitContactRow {
  unitCode: string;
  kind: ContactKind;
  /** Order within the kind (handlers are several). */
  seq: number;
  name: string;
  phone: string;
  position: string;
}

export const UnitEntity = new EntitySchema<UnitRow>({
  name: 'Unit',
  tableName: 'units',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    kind: { type: 'text' },
    contactsVersion: { type: 'int', name: 'contacts_version' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true },
    username: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash' },
    role: { type: 'text' },
    unitCode: { type: 'text', name: 'unit_code', nullable: true },
    displayName: { type: 'text', name: 'display_name' },
    chamber: { type: 'text', nullable: true },
    disabled: { type: 'boolean' },
    sessionVersion: { type: 'int', name: 'session_version' },
    streamVersion: { type: 'int', name: 'stream_version' },
    failedLogins: { type: 'int', name: 'failed_logins' },
    lockedUntil: { type: 'timestamptz', name: 'locked_until', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export const UserCredentialEntity = new EntitySchema<UserCredentialRow>({
  name: 'UserCredential',
  tableName: 'user_credentials',
  columns: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid', name: 'user_id' },
    passwordHash: { type: 'text', name: 'password_hash' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

export const UnitContactEntity = new EntitySchema<UnitContactRow>({
  name: 'UnitContact',
  tableName: 'unit_contacts',
  columns: {
    unitCode: { type: 'text', name: 'unit_code', primary: true },
    kind: { type: 'text', primary: true },
    seq: { type: 'int', primary: true },
    name: { type: 'text' },
    phone: { type: 'text' },
    position: { type: 'text' },
  },
});

/** Every entity of the directory, for the DataSource. */
export const DIRECTORY_ENTITIES = [UnitEntity, UserEntity, UserCredentialEntity, UnitContactEntity];
