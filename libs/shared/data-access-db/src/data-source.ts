import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export type DataSourceOverrides = Partial<Omit<PostgresConnectionOptions, 'type' | 'url'>>;

/**
 * A TypeORM DataSource for the read models (not initialised; call `initialize()`). Never
 * synchronises or migrates: the schema is owned by `runMigrations`.
 */
export function createDataSource(url: string, overrides: DataSourceOverrides = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    ...overrides,
    synchronize: false,
    migrationsRun: false,
  });
}
