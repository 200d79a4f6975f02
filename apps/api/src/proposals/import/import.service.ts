import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthUser } from '../../auth/auth-user';
import { AppException } from '../../common/app-exception';
import type { CommandMeta } from '../../common/command-meta';
import { mapError } from '../../common/error-mapping';
import { ProposalCommands } from '../proposal-commands.service';
import { mapSettled } from './concurrency';
import type { ImportResultDto } from './dto';
import type { ImportProgressSink } from './import-progress';
import { parseImport, type RowError } from './parse-rows';
import { readSpreadsheet, type UploadedSpreadsheet } from './spreadsheet';

/** Registrations under way at once (each is an update-with-start on its own workflow). */
export const IMPORT_CONCURRENCY = 8;
/** Row errors listed in one answer (the total is told too). */
const MAX_LISTED_ERRORS = 500;

/**
 * The registration key of a row: the same file (byte for byte) posted again gives every row the
 * same key, hence the same item id and Temporal update id — a retry after a crash or a timeout
 * completes the import without duplicating what was already registered.
 */
export const importKey = (sha256: string, row: number) => `import:${sha256}:${row}`;

export function importInvalid(errors: RowError[]): AppException {
  const first = errors
    .slice(0, 3)
    .map((e) => `第 ${e.row} 行“${e.column}”：${e.message}`)
    .join('；');
  return new AppException(
    400,
    'IMPORT_INVALID',
    `导入文件有 ${errors.length} 处错误，未登记任何一件。${first}${errors.length > 3 ? '……' : ''}`,
    { rows: errors.slice(0, MAX_LISTED_ERRORS), total: errors.length },
  );
}

/** 批量登记: the rows of a spreadsheet, all or none, each through the single registration's command path. */
@Injectable()
export class ProposalImportService {
  private readonly logger = new Logger('ProposalImport');

  constructor(private readonly commands: ProposalCommands) {}

  async import(file: UploadedSpreadsheet | undefined, user: AuthUser, meta: CommandMeta, progress?: ImportProgressSink): Promise<ImportResultDto> {
    if (!file?.buffer) {
      throw new AppException(400, 'IMPORT_NO_FILE', '请以 multipart/form-data 的 file 字段上传 .xlsx 或 .csv 文件');
    }
    const parsed = await parseImport(readSpreadsheet(file));
    if (parsed.errors.length) throw importInvalid(parsed.errors);

    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const started = Date.now();
    progress?.registering(parsed.rows.length);
    const settled = await mapSettled(parsed.rows, IMPORT_CONCURRENCY, ({ row, dto }) =>
      this.commands.register(dto, user, { correlationId: meta.correlationId, idempotencyKey: importKey(sha256, row) }).then(
        (r) => (progress?.rowSettled(true), r),
        (e: unknown) => (progress?.rowSettled(false), Promise.reject(e)),
      ),
    );
    const items = [];
    const failed = [];
    for (const [i, s] of settled.entries()) {
      const row = parsed.rows[i].row;
      if (s.status === 'fulfilled') items.push({ row, id: s.value.id, number: s.value.number });
      else {
        const { body } = mapError(s.reason);
        failed.push({ row, statusCode: body.statusCode, code: body.code, message: body.message });
      }
    }
    this.logger.log(`import ${sha256.slice(0, 12)}: ${items.length}/${parsed.rows.length} rows registered in ${Date.now() - started} ms`);
    if (failed.length) {
      // Rows already registered stay registered (each is its own item); posting the same file
      // again registers the rest and answers the others with their existing ids.
      const unavailable = failed.some((f) => f.statusCode >= 500);
      throw new AppException(
        unavailable ? 503 : 409,
        'IMPORT_INCOMPLETE',
        `${failed.length} 行未能登记（已登记 ${items.length} 行）。请稍后重新上传同一文件（不要修改），已登记的行不会重复登记。`,
        { imported: items, failed },
      );
    }
    return { imported: items.length, items, ignoredColumns: parsed.ignoredColumns };
  }
}
