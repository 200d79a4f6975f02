/**
 * @jyta/directory — handling units (承办单位), user accounts and the contacts directory (Art. 14):
 * schema, TypeORM entities and look-ups, the accounts' and contacts' events and how they fold into
 * the rows, password hashing (argon2id) and policy, and the demo directory of SPEC §11.
 */
export { directoryMigrations } from './migrations';
export { ROLES, ROLE_LABELS, UNIT_ROLES, isRole, type Role, type Chamber } from './roles';
export {
  findUserByUsername,
  findUserById,
  countUsers,
  hashPassword,
  verifyPassword,
  listUnits,
  unitExists,
  unknownUnits,
  toUser,
  isUuid,
  type DirectoryDb,
  type Unit,
  type User,
  type UserWithPassword,
} from './directory';
export {
  DIRECTORY_ENTITIES,
  UnitEntity,
  UserEntity,
  UserCredentialEntity,
  UnitContactEntity,
  CONTACT_KINDS,
  CONTACT_KIND_LABELS,
  type ContactKind,
  type UnitRow,
  type UserRow,
  type UserCredentialRow,
  type UnitContactRow,
} from './entities';
export {
  userStream,
  unitStream,
  foldUserEvent,
  contactRows,
  USER_EVENT_TYPES,
  type UserEvent,
  type UserPatch,
  type ContactEntry,
  type UnitContactsChanged,
} from './account-events';
export { passwordProblems, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password-policy';
export { DEMO_UNITS, DEMO_ACCOUNTS, loadDemoDirectory, demoContacts, type DemoUnit, type DemoAccount } from './demo';
