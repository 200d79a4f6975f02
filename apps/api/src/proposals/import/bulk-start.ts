/**
 * The import's bulk path (issue 10): each row's item workflow is started once with its
 * registration (and the assignment made in the same request) in the start input — no Workflow
 * Update per command, so an import is bounded by Temporal's start rate, not its Update rate. The
 * workflow decides those commands with the same decider and appends their events in one append.
 *
 * Idempotent by workflow id: the id comes from the file's SHA-256 and the row (importKey), a
 * retried import finds the running workflow (WorkflowExecutionAlreadyStartedError: nothing is
 * started twice) and waits for its events like the first attempt. A run that completed long ago
 * (an archived item) may be started again (ALLOW_DUPLICATE) but cannot write: its append expects
 * an empty stream. Numbers are allocated by the workflow's idempotent activity, once per item.
 */
import { Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { plainToInstance, Type } from 'class-transformer';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, Min, validate, ValidateNested } from 'class-validator';
import { assertAllowed, decide, fold, initialState, type Actor, type Policy, type ProposalCommand } from '@jyta/proposal-domain';
import { proposalWorkflowId, type CommandEnvelope, type ProposalWorkflowInput } from '@jyta/workflows';
import { AppException } from '../../common/app-exception';
import { mapError } from '../../common/error-mapping';
import { flattenValidationErrors } from '../../common/validation';
import { IsDateOnly } from '../../common/validators';
import type { Infrastructure } from '../../infrastructure/infrastructure';
import { AssignProposalDto } from '../dto/assignment.dto';
import { PROPOSAL_WORKFLOW_TYPE } from '../proposal-commands.service';
import { mapSettled } from './concurrency';
import type { ParsedRow, RowError } from './parse-rows';

/** Workflow starts under way at once (each is one StartWorkflowExecution call). */
export const START_CONCURRENCY = 32;
/** How often the store is asked which rows' events are in. */
const POLL_MS = 250;

/** One row's assignment in the import request (交办 in the same request): the single assignment's fields without the date. */
export class ImportAssignmentItemDto extends OmitType(AssignProposalDto, ['assignedOn'] as const) {
  @ApiProperty({ example: 2, description: '表格行号（表头为第 1 行）' })
  @IsDefined({ message: 'row 为必填项' })
  @IsInt({ message: 'row 须为整数' })
  @Min(2, { message: 'row 须为数据行号（表头为第 1 行）' })
  row: number;
}

/** The optional `assignment` field of the import (JSON text): the rows to assign on `assignedOn` right after registering them. */
export class ImportAssignmentDto {
  @ApiProperty({ example: '2026-03-01', description: '接办之日 YYYY-MM-DD（交办会日期）' })
  @IsDefined({ message: 'assignedOn 为必填项' })
  @IsDateOnly({ message: 'assignedOn 须为有效日期，格式 YYYY-MM-DD' })
  assignedOn: string;

  @ApiProperty({ type: ImportAssignmentItemDto, isArray: true })
  @IsDefined({ message: 'items 为必填项' })
  @IsArray({ message: 'items 须为数组' })
  @ArrayMinSize(1, { message: 'items 至少需要一项' })
  @ArrayMaxSize(10_000, { message: 'items 过多' })
  @ValidateNested({ each: true })
  @Type(() => ImportAssignmentItemDto)
  items: ImportAssignmentItemDto[];
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } } as const;

const assignmentInvalid = (message: string, fields: { field: string; errors: string[] }[]) =>
  new AppException(400, 'VALIDATION_FAILED', `交办参数（assignment）无效，未登记任何一件：${message}`, { fields });

/** The `assignment` form field: absent, or a valid ImportAssignmentDto naming each data row at most once. */
export async function parseImportAssignment(raw: unknown, rows: ParsedRow[]): Promise<ImportAssignmentDto | undefined> {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw assignmentInvalid('须为 JSON 文本 {assignedOn, items: [{row, mode, leadUnitIds, …}]}', [{ field: 'assignment', errors: ['不是有效的 JSON'] }]);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw assignmentInvalid('须为 JSON 对象', [{ field: 'assignment', errors: ['须为 JSON 对象'] }]);
  }
  const dto = plainToInstance(ImportAssignmentDto, json);
  const fields = flattenValidationErrors(await validate(dto, VALIDATOR_OPTIONS)).map((f) => ({ ...f, field: `assignment.${f.field}` }));
  if (!fields.length) {
    const known = new Set(rows.map((r) => r.row));
    const seen = new Set<number>();
    dto.items.forEach((item, i) => {
      if (!known.has(item.row)) fields.push({ field: `assignment.items.${i}.row`, errors: [`第 ${item.row} 行不是数据行`] });
      else if (seen.has(item.row)) fields.push({ field: `assignment.items.${i}.row`, errors: [`第 ${item.row} 行重复`] });
      seen.add(item.row);
    });
  }
  if (fields.length) throw assignmentInvalid(fields.slice(0, 5).map((f) => f.field).join('、'), fields);
  return dto;
}

export interface BulkRow {
  row: number;
  id: string;
  commands: ProposalCommand[];
}

/**
 * The domain's own rules on each row's start commands, before anything is started: registration
 * on a new item, then the assignment on the item it registers (the number is a placeholder; the
 * workflow allocates the real one). Problems are row errors like the spreadsheet's.
 */
export function checkRows(rows: BulkRow[], policy: Policy, now: string): RowError[] {
  const errors: RowError[] = [];
  for (const r of rows) {
    let state = initialState();
    for (const command of r.commands) {
      try {
        assertAllowed(command, state, now);
        // The registration is decided (the assignment's rules look at the registered item); the
        // assignment only checked (its decision needs the calendar, and nothing comes after it).
        if (command.type === 'RegisterProposal') {
          state = fold(decide({ ...command, data: { ...command.data, number: 'check' } }, state, { now, policy }), state);
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        errors.push({ row: r.row, column: command.type === 'AssignProposal' ? '交办' : '登记', field: command.type === 'AssignProposal' ? 'assignment' : 'row', message });
        break;
      }
    }
  }
  return errors;
}

export type BulkRowResult = { row: number; id: string; ok: true; number: string; assigned: boolean } | { row: number; id: string; ok: false; statusCode: number; code: string; message: string };


/**
 * Starts every row's workflow (bounded concurrency) and waits until the store holds each row's
 * events (registration, and the assignment when asked), then until the read model has them.
 * Rows whose events did not arrive when none has for a command timeout are answered 504 (retry the same file).
 */
export async function startRows(
  infra: Infrastructure,
  rows: BulkRow[],
  actor: Actor,
  correlationId: string,
  logger: Logger,
  onProgress?: (p: { started: number; done: number }) => void,
): Promise<BulkRowResult[]> {
  const { client, config } = infra;
  let startedCount = 0;
  const starts = await mapSettled(rows, START_CONCURRENCY, async (r) => {
    const input: ProposalWorkflowInput = {
      proposalId: r.id,
      start: r.commands.map((command): CommandEnvelope => ({ command, actor, correlationId })),
      historyLimit: config.proposalHistoryLimit,
    };
    try {
      await infra.withCommandDeadline(() =>
        client.workflow.start(PROPOSAL_WORKFLOW_TYPE, {
          workflowId: proposalWorkflowId(r.id),
          taskQueue: config.temporalTaskQueue,
          args: [input],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        }),
      );
    } catch (e) {
      // Started by an earlier attempt of the same import: its events are awaited like ours.
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
    onProgress?.({ started: ++startedCount, done: 0 });
  });

  const results = new Map<number, BulkRowResult>();
  rows.forEach((r, i) => {
    const s = starts[i];
    if (s.status === 'rejected') {
      const { body } = mapError(s.reason);
      results.set(r.row, { row: r.row, id: r.id, ok: false, statusCode: body.statusCode, code: body.code, message: body.message });
    }
  });
  let pending = rows.filter((r) => !results.has(r.row));
  // A burst of thousands takes longer than one command: the wait ends when no row came in for a
  // whole command timeout (the worker or the store is down), not after a fixed time.
  let deadline = Date.now() + config.commandTimeoutMs;
  let last: { transactionId: string; sequence: string } | null = null;
  while (pending.length) {
    // The stream's last event gives the position the read model must reach.
    const { rows: found } = await infra.pool.query<{ stream_id: string; number: string | null; assigned: boolean; tx: string; seq: string }>(
      `SELECT stream_id,
              max(data->>'number') FILTER (WHERE type = 'ProposalRegistered') AS number,
              bool_or(type = 'ProposalAssigned') AS assigned,
              (array_agg(transaction_id::text ORDER BY version DESC))[1] AS tx,
              (array_agg(sequence::text ORDER BY version DESC))[1] AS seq
         FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`,
      [pending.map((r) => `proposal-${r.id}`)],
    );
    const byStream = new Map(found.map((f) => [f.stream_id, f]));
    const before = pending.length;
    pending = pending.filter((r) => {
      const f = byStream.get(`proposal-${r.id}`);
      const wantsAssignment = r.commands.some((c) => c.type === 'AssignProposal');
      if (!f?.number || (wantsAssignment && !f.assigned)) return true;
      results.set(r.row, { row: r.row, id: r.id, ok: true, number: f.number, assigned: f.assigned });
      if (!last || BigInt(f.tx) > BigInt(last.transactionId) || (BigInt(f.tx) === BigInt(last.transactionId) && BigInt(f.seq) > BigInt(last.sequence))) {
        last = { transactionId: f.tx, sequence: f.seq };
      }
      return false;
    });
    if (pending.length < before) deadline = Date.now() + config.commandTimeoutMs;
    onProgress?.({ started: startedCount, done: results.size });
    if (!pending.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  for (const r of pending) {
    results.set(r.row, {
      row: r.row,
      id: r.id,
      ok: false,
      statusCode: 504,
      code: 'COMMAND_TIMEOUT',
      message: '该行仍在登记中，暂未得到结果；请稍后重新上传同一文件（不会重复登记）',
    });
  }
  // Read-your-writes: the list shows every item registered here before the answer goes out.
  if (last) await infra.waitForReadModel(last, config.commandTimeoutMs);
  logger.debug(`bulk start: ${rows.length - pending.length}/${rows.length} rows in`);
  return rows.map((r) => results.get(r.row)!);
}
