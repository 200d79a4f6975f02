import { databaseUrl } from './testing';

describe('databaseUrl', () => {
  it('replaces only the database name, keeping credentials, host, port and query', () => {
    expect(databaseUrl('postgres://u:p%40ss@h:6543/postgres?sslmode=disable', 'x_1')).toBe('postgres://u:p%40ss@h:6543/x_1?sslmode=disable');
    expect(databaseUrl('postgresql://postgres@127.0.0.1:5432', 'es_test_ab')).toBe('postgresql://postgres@127.0.0.1:5432/es_test_ab');
  });
});
