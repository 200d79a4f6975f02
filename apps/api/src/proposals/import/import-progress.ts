import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** A client-chosen id for one upload, so it can ask how far the import is while the upload's answer is pending. */
export const PROGRESS_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** How long a finished import's progress can still be read. */
const KEEP_MS = 10 * 60_000;

export class ImportProgressDto {
  @ApiProperty({
    enum: ['pending', 'validating', 'registering', 'done', 'failed'],
    description: 'pending 尚未开始（文件仍在上传，或没有这个标识）/ validating 校验中 / registering 登记中 / done 完成 / failed 未完成（错误见导入请求的答复）',
  })
  phase: 'pending' | 'validating' | 'registering' | 'done' | 'failed';
  @ApiProperty({ example: 500, description: '待登记的行数（校验通过后才知道；此前为 0）' }) total: number;
  @ApiProperty({ example: 120, description: '已处理的行数（登记成功或失败）' }) done: number;
  @ApiProperty({ example: 0, description: '登记失败的行数' }) failed: number;
}

/** What the import service reports as it goes. */
export interface ImportProgressSink {
  registering(total: number): void;
  /** How many rows have their answer so far (failures are counted at the end). */
  settled(done: number): void;
}

interface Entry extends ImportProgressDto {
  username: string;
  endedAt?: number;
}

/**
 * Progress of the imports running in this API process, by the id the uploader chose. It lives in
 * memory: the upload request and the polls of its progress reach the same process (one API
 * process, or sticky routing); after a restart the import's answer is lost anyway and the same file
 * is uploaded again (rows already registered are not registered twice).
 */
@Injectable()
export class ImportProgress {
  private readonly entries = new Map<string, Entry>();

  start(username: string, progressId: string | undefined): ImportProgressSink & { end(ok: boolean): void } {
    this.prune();
    const entry: Entry | undefined = progressId && PROGRESS_ID.test(progressId) ? { username, phase: 'validating', total: 0, done: 0, failed: 0 } : undefined;
    if (entry) this.entries.set(progressId!, entry);
    return {
      registering: (total) => entry && Object.assign(entry, { phase: 'registering', total }),
      settled: (done) => entry && Object.assign(entry, { done }),
      end: (ok) => entry && Object.assign(entry, { phase: ok ? 'done' : 'failed', endedAt: Date.now() }),
    };
  }

  read(username: string, progressId: string): ImportProgressDto {
    const e = this.entries.get(progressId);
    // The upload may still be arriving (the import starts once the whole file is in): not yet
    // started is an answer, not an error. Another account's import does not exist for this one.
    if (!e || e.username !== username) return { phase: 'pending', total: 0, done: 0, failed: 0 };
    return { phase: e.phase, total: e.total, done: e.done, failed: e.failed };
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) if (e.endedAt && now - e.endedAt > KEEP_MS) this.entries.delete(id);
  }
}
