import { Injectable, Logger } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Infrastructure } from '../../infrastructure/infrastructure';

/** A client-chosen id for one upload, so it can ask how far the import is while the upload's answer is pending. */
export const PROGRESS_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** How long a finished import's progress can still be read. */
const KEEP = '10 minutes';
/** A running import's counts are written at most this often (the last one always). */
const WRITE_EVERY_MS = 200;

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

type Phase = Exclude<ImportProgressDto['phase'], 'pending'>;

const PENDING: ImportProgressDto = { phase: 'pending', total: 0, done: 0, failed: 0 };

const UPSERT = `
  INSERT INTO import_progress (username, progress_id, phase, total, done, failed, ended_at)
  VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END)
  ON CONFLICT (username, progress_id) DO UPDATE SET phase = EXCLUDED.phase, total = EXCLUDED.total, done = EXCLUDED.done,
    failed = EXCLUDED.failed, ended_at = EXCLUDED.ended_at, updated_at = now()`;
const PRUNE = `DELETE FROM import_progress WHERE ended_at < now() - interval '${KEEP}' AND NOT (username = $1 AND progress_id = $2)`;

/**
 * Progress of the imports, by the uploading account and the id it chose, kept in PostgreSQL
 * (import_progress): the upload and the polls of its progress may reach different API processes.
 * Reporting never holds up or fails the import: one entry's writes run one at a time in the
 * background, a running count is written at most every WRITE_EVERY_MS, and a failed write is
 * logged. Only the end waits for its write, so a poll after the answer reads how it ended.
 */
@Injectable()
export class ImportProgress {
  private readonly logger = new Logger('ImportProgress');

  constructor(private readonly infra: Infrastructure) {}

  start(username: string, progressId: string | undefined): ImportProgressSink & { end(ok: boolean): Promise<void> } {
    if (!progressId || !PROGRESS_ID.test(progressId)) return { registering: () => undefined, settled: () => undefined, end: async () => undefined };
    const entry = { phase: 'validating' as Phase, total: 0, done: 0, failed: 0, ended: false };
    let first = true;
    const writer = new LatestWriter(
      async () => {
        // The first write also deletes the imports that ended long ago (not this one: a statement may not touch a row twice).
        const sql = first ? `WITH pruned AS (${PRUNE}) ${UPSERT}` : UPSERT;
        first = false;
        await this.infra.pool.query(sql, [username, progressId, entry.phase, entry.total, entry.done, entry.failed, entry.ended]);
      },
      (err) => this.logger.warn(`import progress ${progressId} not written: ${String(err)}`),
    );
    writer.nudge();
    return {
      registering: (total) => {
        Object.assign(entry, { phase: 'registering', total });
        writer.nudge();
      },
      settled: (done) => {
        entry.done = done;
        writer.nudge();
      },
      end: async (ok) => {
        Object.assign(entry, { phase: ok ? 'done' : 'failed', ended: true });
        writer.nudge();
        await writer.settled();
      },
    };
  }

  async read(username: string, progressId: string): Promise<ImportProgressDto> {
    // The upload may still be arriving (the import starts once the whole file is in): not yet
    // started is an answer, not an error. Another account's import does not exist for this one.
    if (!PROGRESS_ID.test(progressId)) return PENDING;
    const { rows } = await this.infra.pool.query<ImportProgressDto>(
      `SELECT phase, total, done, failed FROM import_progress
       WHERE username = $1 AND progress_id = $2 AND (ended_at IS NULL OR ended_at > now() - interval '${KEEP}')`,
      [username, progressId],
    );
    return rows[0] ?? PENDING;
  }
}

/** Writes the latest state, one write at a time, at most every WRITE_EVERY_MS; `settled()` waits for the last. */
class LatestWriter {
  private running?: Promise<void>;
  private dirty = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly failed: (err: unknown) => void,
  ) {}

  nudge(): void {
    this.dirty = true;
    this.running ??= this.loop();
  }

  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      const began = Date.now();
      await this.write().catch(this.failed);
      if (this.dirty) await new Promise((r) => setTimeout(r, Math.max(0, WRITE_EVERY_MS - (Date.now() - began))));
    }
    this.running = undefined;
  }
}
