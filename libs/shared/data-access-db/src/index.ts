/**
 * @jyta/db — PostgreSQL plumbing shared by every data-access lib: a pool factory, a small
 * migration runner (advisory-locked, one transaction per migration), a transaction helper and
 * the TypeORM DataSource factory used by the read models.
 *
 * Test helpers (fresh database per test file) live in `@jyta/db/src/testing`, kept out of this
 * entry point so production code never pulls in jest globals.
 */
export { createPool, withTransaction } from './pool';
export { runMigrations, MIGRATIONS_TABLE, type Migration } from './migrations';
export { createDataSource, type DataSourceOverrides } from './data-source';
