import type { AuthUser } from '../../auth/auth-user';
import type { CommandMeta } from '../../common/command-meta';
import type { ProposalCommands } from '../proposal-commands.service';
import { ImportProgress } from './import-progress';
import { ProposalImportService } from './import.service';

const csv = (rows: string[]) => ({
  originalname: 'x.csv',
  buffer: Buffer.from(['类别,级别,届次年份,提出时间,标题,内容,提出人', ...rows].join('\r\n'), 'utf8'),
});
const row = (i: number) => `人大代表建议,本级,2026,会议期间,关于第${i}件的建议,正文,测试代表${i}`;
const user = { username: 'office', role: 'office' } as AuthUser;
const meta = { correlationId: 'c' } as CommandMeta;

describe('import progress, by the id the uploader chose', () => {
  it('counts the rows as they settle, then says how it ended; only its own account reads it', async () => {
    const progress = new ImportProgress();
    const seen: string[] = [];
    let n = 0;
    const commands = {
      register: async () => {
        const me = ++n;
        // The last row settles after the first two: by then the progress counts them.
        if (me === 3) await new Promise((r) => setTimeout(r, 20));
        const p = progress.read('office', 'upload-0001');
        seen.push(`${p.phase} ${p.done}/${p.total} failed ${p.failed}`);
        if (me === 2) throw new Error('down');
        return { id: `id-${me}`, number: `2026-建议-000${me}` };
      },
    } as unknown as ProposalCommands;
    const service = new ProposalImportService(commands);
    const sink = progress.start('office', 'upload-0001');
    await expect(service.import(csv([row(1), row(2), row(3)]), user, meta, sink)).rejects.toMatchObject({ response: { code: 'IMPORT_INCOMPLETE' } });
    sink.end(false);
    expect(seen).toEqual(['registering 0/3 failed 0', 'registering 0/3 failed 0', 'registering 2/3 failed 1']);
    expect(progress.read('office', 'upload-0001')).toEqual({ phase: 'failed', total: 3, done: 3, failed: 1 });
    expect(progress.read('someone-else', 'upload-0001')).toEqual({ phase: 'pending', total: 0, done: 0, failed: 0 });
  });

  it('an invalid file never reaches registering; an id of the wrong shape is not kept', async () => {
    const progress = new ImportProgress();
    const service = new ProposalImportService({ register: jest.fn() } as unknown as ProposalCommands);
    const sink = progress.start('office', 'upload-0002');
    await expect(service.import(csv(['请愿,本级,2026,会议期间,标题,正文,甲']), user, meta, sink)).rejects.toMatchObject({ response: { code: 'IMPORT_INVALID' } });
    sink.end(false);
    expect(progress.read('office', 'upload-0002')).toMatchObject({ phase: 'failed', total: 0, done: 0 });
    progress.start('office', 'bad id!').end(true);
    expect(progress.read('office', 'bad id!').phase).toBe('pending');
  });
});
