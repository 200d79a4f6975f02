import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthUser } from '../../auth/auth-user';
import { AppException, type FieldError } from '../../common/app-exception';
import type { CommandMeta } from '../../common/command-meta';
import type { ProposalCommand } from '@jyta/proposal-domain';
import { currentPolicy } from '@jyta/proposal-registry';
import { DirectoryService } from '../../directory/directory.service';
import { Infrastructure } from '../../infrastructure/infrastructure';
import { actorOf, assignmentCommand, registrationCommand, registrationIdFor } from '../proposal-commands.service';
import { checkRows, parseImportAssignment, startRows, type BulkRow, type ImportAssignmentDto, type ImportAssignmentItemDto } from './bulk-start';
import type { ImportResultDto } from './dto';
import type { ImportProgressSink } from './import-progress';
import { parseImport, type RowError } from './parse-rows';
import { readSpreadsheet, type UploadedSpreadsheet } from './spreadsheet';

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

/**
 * 批量登记: the rows of a spreadsheet, all or none. Every row is checked first (the single
 * registration's rules, then the domain's on the row's commands); then each row's item workflow is
 * started with its registration (and its assignment, when the request carries one) in the start
 * input — the bulk path (bulk-start.ts), with no Update round trip per row.
 */
@Injectable()
export class ProposalImportService {
  private readonly logger = new Logger('ProposalImport');

  constructor(
    private readonly infra: Infrastructure,
    private readonly directory: DirectoryService,
  ) {}

  async import(file: UploadedSpreadsheet | undefined, user: AuthUser, meta: CommandMeta, assignmentField?: unknown, progress?: ImportProgressSink): Promise<ImportResultDto> {
    if (!file?.buffer) {
      throw new AppException(400, 'IMPORT_NO_FILE', '请以 multipart/form-data 的 file 字段上传 .xlsx 或 .csv 文件');
    }
    const parsed = await parseImport(readSpreadsheet(file));
    if (parsed.errors.length) throw importInvalid(parsed.errors);
    const assignment = await parseImportAssignment(assignmentField, parsed.rows);
    if (assignment) await this.checkAssignmentReferences(assignment);

    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const byRow = new Map(assignment?.items.map((item) => [item.row, item]) ?? []);
    const rows: BulkRow[] = parsed.rows.map(({ row, dto }) => {
      const id = registrationIdFor(user, { correlationId: meta.correlationId, idempotencyKey: importKey(sha256, row) });
      const item = byRow.get(row);
      const { row: _row, ...fields } = item ?? { row };
      const commands: ProposalCommand[] = [registrationCommand(id, dto)];
      if (item) commands.push(assignmentCommand({ ...(fields as Omit<ImportAssignmentItemDto, 'row'>), assignedOn: assignment!.assignedOn }));
      return { row, id, commands };
    });
    const domainErrors = checkRows(rows, await currentPolicy(this.infra.pool), new Date().toISOString());
    if (domainErrors.length) throw importInvalid(domainErrors);

    const started = Date.now();
    progress?.registering(rows.length);
    const results = await startRows(this.infra, rows, actorOf(user), meta.correlationId, this.logger, ({ done }) => progress?.settled(done));
    const items = [];
    const failed = [];
    for (const r of results) {
      if (r.ok) items.push({ row: r.row, id: r.id, number: r.number, ...(byRow.has(r.row) ? { assigned: r.assigned } : {}) });
      else failed.push({ row: r.row, statusCode: r.statusCode, code: r.code, message: r.message });
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
    return {
      imported: items.length,
      items,
      ignoredColumns: parsed.ignoredColumns,
      ...(assignment ? { assigned: items.filter((i) => i.assigned).length } : {}),
    };
  }

  /** The units and leaders an import's assignment names exist (400 VALIDATION_FAILED naming each place otherwise). */
  private async checkAssignmentReferences(assignment: ImportAssignmentDto): Promise<void> {
    const codes = new Set(assignment.items.flatMap((i) => [...i.leadUnitIds, ...(i.coUnitIds ?? [])]));
    const unknown = new Set(codes.size ? await this.directory.unknownUnits([...codes]) : []);
    const fields: FieldError[] = [];
    const leaders = new Map<string, boolean>();
    for (const [i, item] of assignment.items.entries()) {
      for (const key of ['leadUnitIds', 'coUnitIds'] as const) {
        (item[key] ?? []).forEach((u, j) => unknown.has(u) && fields.push({ field: `assignment.items.${i}.${key}.${j}`, errors: [`未知单位 ${u}`] }));
      }
      if (item.leaderInCharge !== undefined) {
        if (!leaders.has(item.leaderInCharge)) leaders.set(item.leaderInCharge, await this.directory.isViceMayor(item.leaderInCharge));
        if (!leaders.get(item.leaderInCharge)) fields.push({ field: `assignment.items.${i}.leaderInCharge`, errors: [`${item.leaderInCharge} 不是分管副市长的账号`] });
      }
    }
    if (fields.length) {
      throw new AppException(400, 'VALIDATION_FAILED', `交办参数（assignment）无效，未登记任何一件：${fields.slice(0, 5).map((f) => f.field).join('、')}`, { fields });
    }
  }
}
