/**
 * Runs against the servers the jest global setup provides (test/global-setup.ts → dev-infra), or
 * those DATABASE_URL / TEMPORAL_ADDRESS name.
 */
import pg from 'pg';
import { Connection } from '@temporalio/client';
import { createDatabase } from './postgres';

describe('dev-infra (integration)', () => {
  it('exports DATABASE_URL to the workers, and PostgreSQL answers select 1', async () => {
    expect(process.env.DATABASE_URL).toBeTruthy();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query('select 1 as one, current_database() as db');
      expect(rows[0].one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('createDatabase gives a fresh, empty database', async () => {
    const base = process.env.DATABASE_URL as string;
    const url = await createDatabase(base, 'dev_infra_spec');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('create table t (x int)');
      expect((await client.query('select current_database() as db')).rows[0].db).toBe('dev_infra_spec');
    } finally {
      await client.end();
    }
    // Again: the old one (with its table) is dropped.
    const again = await createDatabase(base, 'dev_infra_spec');
    const c2 = new pg.Client({ connectionString: again });
    await c2.connect();
    try {
      const { rowCount } = await c2.query("select 1 from information_schema.tables where table_name = 't'");
      expect(rowCount).toBe(0);
    } finally {
      await c2.end();
    }
  });

  it('exports TEMPORAL_ADDRESS, and Temporal answers getSystemInfo and knows the default namespace', async () => {
    expect(process.env.TEMPORAL_ADDRESS).toBeTruthy();
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.capabilities).toBeTruthy();
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });
});
