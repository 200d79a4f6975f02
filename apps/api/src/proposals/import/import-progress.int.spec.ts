/**
 * Import progress lives in PostgreSQL, so a poll that reaches another API process than the upload
 * reads the same progress (two ImportProgress instances here stand for two processes).
 */
import type { Pool } from 'pg';
import { createPool, runMigrations } from '@jyta/db';
import { createFreshDatabase, type FreshDatabase } from '@jyta/db/src/testing';
import { registryMigrations } from '@jyta/proposal-registry';
import type { AuthUser } from '../../auth/auth-user';
import type { CommandMeta } from '../../common/command-meta';
import type { DirectoryService } from '../../directory/directory.service';
import type { Infrastructure } from '../../infrastructure/infrastructure';
import { ImportProgress } from './import-progress';
import { ProposalImportService } from './import.service';

const csv = (rows: string[]) => ({
  originalname: 'x.csv',
  buffer: Buffer.from(['类别,级别,届次年份,提出时间,标题,内容,提出人', ...rows].join('\r\n'), 'utf8'),
});
const user = { username: 'office', role: 'office' } as AuthUser;
const meta = { correlationId: 'c' } as CommandMeta;

let db: FreshDatabase;
let pool: Pool;
let uploadProcess: ImportProgress;
let pollProcess: ImportProgress;

beforeAll(async () => {
  db = await createFreshDatabase(undefined, { prefix: 'api_import_progress' });
  pool = createPool(db.url, 4);
  await runMigrations(pool, registryMigrations);
  uploadProcess = new ImportProgress({ pool } as Infrastructure);
  pollProcess = new ImportProgress({ pool } as Infrastructure);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** Running counts are written in the background: poll until the expected state shows. */
async function eventually(read: () => Promise<unknown>, expected: unknown): Promise<void> {
  const until = Date.now() + 5_000;
  for (;;) {
    const got = await read();
    try {
      expect(got).toEqual(expected);
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('import progress, by the account and the id the uploader chose', () => {
  it('counts the rows that have their answer, then says how it ended, to any process; only its own account reads it', async () => {
    const sink = uploadProcess.start('office', 'upload-0001');
    await eventually(() => pollProcess.read('office', 'upload-0001'), { phase: 'validating', total: 0, done: 0, failed: 0 });
    sink.registering(3);
    sink.settled(1);
    sink.settled(2);
    await eventually(() => pollProcess.read('office', 'upload-0001'), { phase: 'registering', total: 3, done: 2, failed: 0 });
    sink.settled(3);
    await sink.end(true);
    // The end is written before the import answers: a poll right after it reads how it ended.
    expect(await pollProcess.read('office', 'upload-0001')).toEqual({ phase: 'done', total: 3, done: 3, failed: 0 });
    expect(await pollProcess.read('someone-else', 'upload-0001')).toEqual({ phase: 'pending', total: 0, done: 0, failed: 0 });
  });

  it('the same id used again starts from nothing; an ended import is read for 10 minutes only', async () => {
    const again = uploadProcess.start('office', 'upload-0001');
    await again.end(false);
    expect(await pollProcess.read('office', 'upload-0001')).toEqual({ phase: 'failed', total: 0, done: 0, failed: 0 });
    await pool.query(`UPDATE import_progress SET ended_at = now() - interval '11 minutes' WHERE progress_id = 'upload-0001'`);
    expect((await pollProcess.read('office', 'upload-0001')).phase).toBe('pending');
    // The next import's start deletes it.
    await uploadProcess.start('office', 'upload-0003').end(true);
    const { rows } = await pool.query(`SELECT progress_id FROM import_progress ORDER BY progress_id`);
    expect(rows.map((r) => r.progress_id)).toEqual(['upload-0003']);
  });

  it('an invalid file never reaches registering; an id of the wrong shape is not kept', async () => {
    // Neither the store nor the directory is reached: the rows are refused while parsing.
    const service = new ProposalImportService({} as Infrastructure, {} as DirectoryService);
    const sink = uploadProcess.start('office', 'upload-0002');
    await expect(service.import(csv(['请愿,本级,2026,会议期间,标题,正文,甲']), user, meta, undefined, sink)).rejects.toMatchObject({
      response: { code: 'IMPORT_INVALID' },
    });
    await sink.end(false);
    expect(await pollProcess.read('office', 'upload-0002')).toMatchObject({ phase: 'failed', total: 0, done: 0 });
    await uploadProcess.start('office', 'bad id!').end(true);
    expect((await pollProcess.read('office', 'bad id!')).phase).toBe('pending');
  });

  it('a database that does not answer never fails the import: the progress is lost, the import goes on', async () => {
    const broken = new ImportProgress({ pool: { query: () => Promise.reject(new Error('connection refused')) } } as unknown as Infrastructure);
    const sink = broken.start('office', 'upload-0004');
    sink.registering(2);
    sink.settled(2);
    await expect(sink.end(true)).resolves.toBeUndefined();
  });
});
