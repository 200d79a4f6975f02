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

describe('import progress, by the id the uploader chose', () => {
  it('counts the rows that have their answer, then says how it ended; only its own account reads it', () => {
    const progress = new ImportProgress();
    const sink = progress.start('office', 'upload-0001');
    expect(progress.read('office', 'upload-0001')).toEqual({ phase: 'validating', total: 0, done: 0, failed: 0 });
    sink.registering(3);
    sink.settled(2);
    expect(progress.read('office', 'upload-0001')).toEqual({ phase: 'registering', total: 3, done: 2, failed: 0 });
    sink.settled(3);
    sink.end(true);
    expect(progress.read('office', 'upload-0001')).toEqual({ phase: 'done', total: 3, done: 3, failed: 0 });
    expect(progress.read('someone-else', 'upload-0001')).toEqual({ phase: 'pending', total: 0, done: 0, failed: 0 });
  });

  it('an invalid file never reaches registering; an id of the wrong shape is not kept', async () => {
    const progress = new ImportProgress();
    // Neither the store nor the directory is reached: the rows are refused while parsing.
    const service = new ProposalImportService({} as Infrastructure, {} as DirectoryService);
    const sink = progress.start('office', 'upload-0002');
    await expect(service.import(csv(['请愿,本级,2026,会议期间,标题,正文,甲']), user, meta, undefined, sink)).rejects.toMatchObject({
      response: { code: 'IMPORT_INVALID' },
    });
    sink.end(false);
    expect(progress.read('office', 'upload-0002')).toMatchObject({ phase: 'failed', total: 0, done: 0 });
    progress.start('office', 'bad id!').end(true);
    expect(progress.read('office', 'bad id!').phase).toBe('pending');
  });
});
