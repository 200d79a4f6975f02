/**
 * @jyta/directory — handling units (承办单位) and user accounts: schema, look-ups, password
 * hashing (argon2id) and the demo directory of SPEC §11.
 */
export { directoryMigrations } from './migrations';
export { ROLES, ROLE_LABELS, UNIT_ROLES, isRole, type Role, type Chamber } from './roles';
export {
  findUserByUsername,
  findUserById,
  countUsers,
  createUser,
  hashPassword,
  verifyPassword,
  listUnits,
  unitExists,
  unknownUnits,
  type Queryable,
  type Unit,
  type User,
  type UserWithPassword,
  type NewUser,
} from './directory';
export { DEMO_UNITS, DEMO_ACCOUNTS, loadDemoDirectory, type DemoUnit, type DemoAccount } from './demo';
