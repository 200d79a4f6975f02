/**
 * The import's bulk path (issue 10): the API decides each row's first commands (registration, and
 * the assignment made in the same request) with the domain's decider, commits the events of a few
 * hundred items per transaction, then starts each item's workflow with the state those events lead
 * to — no Workflow Update and no activity per item, so an import is bounded by Temporal's start
 * rate and by batched inserts, not by its Update rate. See startRows for the steps and why a crash
 * anywhere loses and doubles nothing (the transactional outbox item_workflow_starts).
 */
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { plainToInstance, Type } from 'class-transformer';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, Min, validate, ValidateNested } from 'class-validator';
import { loadCalendar } from '@jyta/calendar-data-access';
import { withTransaction } from '@jyta/db';
import { comparePositions, type GlobalPosition, type NewEvent } from '@jyta/event-store';
import {
  assertAllowed,
  contextNeeds,
  decide,
  evolve,
  fold,
  initialState,
  type Actor,
  type DecideContext,
  type Policy,
  type ProposalCommand,
  type ProposalState,
} from '@jyta/proposal-domain';
import { allocateNumbers, currentPolicy, enqueueItemStarts, itemStartsDone } from '@jyta/proposal-registry';
import { proposalWorkflowId, type ProposalWorkflowInput } from '@jyta/workflows';
import { AppException } from '../../common/app-exception';
import { mapError } from '../../common/error-mapping';
import { flattenValidationErrors } from '../../common/validation';
import { IsDateOnly } from '../../common/validators';
import type { Infrastructure } from '../../infrastructure/infrastructure';
import { AssignProposalDto } from '../dto/assignment.dto';
import { PROPOSAL_WORKFLOW_TYPE } from '../proposal-commands.service';
import type { ParsedRow, RowError } from './parse-rows';

/** Workflow starts under way at once (each is one StartWorkflowExecution call). */
export const START_CONCURRENCY = 32;

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


/** Rows committed in one transaction: their numbers, their first events and their start marks. */
export const BATCH_ROWS = 250;

/** What the bulk path decided for one row: the row's first events and the state they lead to. */
interface DecidedRow {
  row: BulkRow;
  events: NewEvent[];
  state: ProposalState;
  version: number;
}

/**
 * The row's commands decided in order against the state the ones before produced (the workflow's
 * `step` without I/O: the context is loaded once for the whole request). `number` null: a
 * placeholder, to check before any number is handed out.
 */
function decideRow(r: BulkRow, number: string | null, ctx: Omit<DecideContext, 'now'>, actor: Actor, correlationId: string): DecidedRow {
  let state = initialState();
  const events: NewEvent[] = [];
  for (let command of r.commands) {
    const now = new Date().toISOString();
    assertAllowed(command, state, now);
    if (command.type === 'RegisterProposal') command = { ...command, data: { ...command.data, number: number ?? 'pending' } };
    const decided = decide(command, state, { ...ctx, now });
    state = decided.reduce(evolve, state);
    events.push(...decided.map(({ occurredAt, ...event }) => ({ eventId: randomUUID(), type: event.type, data: event.data, metadata: { actor, occurredAt, correlationId } })));
  }
  return { row: r, events, state, version: events.length };
}

/** The context every row's commands need (policy, calendar), loaded once: the same loaders as the workflow's activities. */
async function loadContext(infra: Infrastructure, rows: BulkRow[]): Promise<Omit<DecideContext, 'now'>> {
  // A new run of the workflow decides with every patch in force: so does the bulk path.
  const ctx: Omit<DecideContext, 'now'> = { rehandlingDeadlines: true };
  const now = new Date().toISOString();
  let policy = false;
  let years: { fromYear: number; toYear: number } | undefined;
  for (const r of rows) {
    for (const command of r.commands) {
      const needs = contextNeeds(command, now, { rehandlingDeadlines: true });
      policy ||= !!needs.policy;
      if (needs.calendar) {
        years = years
          ? { fromYear: Math.min(years.fromYear, needs.calendar.fromYear), toYear: Math.max(years.toYear, needs.calendar.toYear) }
          : needs.calendar;
      }
    }
  }
  if (policy) ctx.policy = await currentPolicy(infra.pool);
  if (years) ctx.calendar = await loadCalendar(infra.pool, years.fromYear, years.toYear);
  return ctx;
}

/** A small counting semaphore: at most `n` workflow starts under way. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      while (active >= n) await new Promise<void>((r) => waiting.push(r));
      active++;
    },
    release() {
      active--;
      waiting.shift()?.();
    },
  };
}

/**
 * Registers every row (and assigns the rows the request assigns) through the bulk path, then waits
 * until the read model has them:
 *
 * 1. The rows are decided here by the domain's decider, with the policy and calendar loaded once.
 * 2. Every BATCH_ROWS rows are committed in one transaction: their numbers (consecutive, in row
 *    order), their first events (one multi-stream insert, each stream new: expected version 0), and
 *    a start mark per item (item_workflow_starts, the transactional outbox).
 * 3. Each committed item's workflow is started with the state those events lead to (`carried`): its
 *    first task sets its timers and needs no activity. Starts run START_CONCURRENCY at a time while
 *    the next batch commits; a started item's mark is removed. A start that fails (Temporal away)
 *    leaves the mark: the worker's sweeper starts it later (the item is registered either way).
 *
 * Idempotent: the ids come from the file and the row (importKey); a retried import finds the
 * streams its first attempt committed, answers them with their numbers, writes nothing to them and
 * starts only what is still marked. A batch that cannot commit is answered per row (503).
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
  const ctx = await loadContext(infra, rows);
  const results = new Map<number, BulkRowResult>();
  const slots = limiter(START_CONCURRENCY);
  const starts: Promise<void>[] = [];
  const startedIds: string[] = [];
  let startedCount = 0;
  let last: GlobalPosition | null = null;
  const later = (p: GlobalPosition) => {
    if (!last || comparePositions(p, last) > 0) last = p;
  };

  const start = async (id: string, input: ProposalWorkflowInput) => {
    try {
      await client.workflow.start(PROPOSAL_WORKFLOW_TYPE, {
        workflowId: proposalWorkflowId(id),
        taskQueue: config.temporalTaskQueue,
        args: [input],
        // Started by an earlier attempt or by the sweeper: that run is the item's.
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
      startedIds.push(id);
      onProgress?.({ started: ++startedCount, done: results.size });
    } catch (e) {
      // The item is registered; its mark stays and the sweeper starts it once Temporal answers.
      logger.warn(`bulk start: workflow of ${id} not started now (the sweeper will): ${String(e)}`);
    }
  };
  const flushStarted = async () => {
    const ids = startedIds.splice(0);
    await itemStartsDone(infra.pool, ids).catch((e) => logger.warn(`bulk start: ${ids.length} start marks left for the sweeper: ${String(e)}`));
  };

  for (let from = 0; from < rows.length; from += BATCH_ROWS) {
    const batch = rows.slice(from, from + BATCH_ROWS);
    // Checked with a placeholder number before any number is handed out (no gap for a refused row).
    const ok: BulkRow[] = [];
    for (const r of batch) {
      try {
        decideRow(r, null, ctx, actor, correlationId);
        ok.push(r);
      } catch (e) {
        const { body } = mapError(e);
        results.set(r.row, { row: r.row, id: r.id, ok: false, statusCode: body.statusCode, code: body.code, message: body.message });
      }
    }
    let committed: { decided: DecidedRow[]; existing: string[]; numbers: Map<string, string>; marked: Set<string> };
    try {
      committed = await infra.withCommandDeadline(() =>
        withTransaction(infra.pool, async (tx) => {
          const numbers = await allocateNumbers(
            tx,
            ok.map((r) => {
              const register = r.commands.find((c) => c.type === 'RegisterProposal')!;
              const { year, kind } = contextNeeds(register, new Date().toISOString()).number!;
              return { proposalId: r.id, year, kind };
            }),
          );
          const decided = ok.map((r) => decideRow(r, numbers.get(r.id)!, ctx, actor, correlationId));
          const { created, existing } = await infra.store.startStreams(
            tx,
            decided.map((d) => ({ streamId: `proposal-${d.row.id}`, events: d.events })),
          );
          const createdStreams = new Set(created.map((e) => e.streamId));
          await enqueueItemStarts(tx, ok.filter((r) => createdStreams.has(`proposal-${r.id}`)).map((r) => r.id));
          for (const e of created) later(e.position);
          // A retry: what its first attempt left marked is started here too (from the stream).
          const { rows: marks } = await tx.query<{ id: string }>('SELECT proposal_id::text AS id FROM item_workflow_starts WHERE proposal_id = ANY($1::uuid[])', [
            ok.map((r) => r.id),
          ]);
          return { decided, existing, numbers, marked: new Set(marks.map((m) => m.id)) };
        }),
      );
    } catch (e) {
      const { body } = mapError(e);
      for (const r of ok) results.set(r.row, { row: r.row, id: r.id, ok: false, statusCode: body.statusCode, code: body.code, message: body.message });
      continue;
    }
    const existing = new Set(committed.existing);
    const before = await existingRows(infra, ok.filter((r) => existing.has(`proposal-${r.id}`)));
    for (const d of committed.decided) {
      const r = d.row;
      const wantsAssignment = r.commands.some((c) => c.type === 'AssignProposal');
      const old = before.get(r.id);
      if (old) {
        later(old.position);
        results.set(r.row, { row: r.row, id: r.id, ok: true, number: old.number ?? committed.numbers.get(r.id)!, assigned: old.assigned });
      } else {
        results.set(r.row, { row: r.row, id: r.id, ok: true, number: committed.numbers.get(r.id)!, assigned: wantsAssignment });
      }
      if (!committed.marked.has(r.id)) continue;
      const input: ProposalWorkflowInput = old
        ? { proposalId: r.id, load: true, historyLimit: config.proposalHistoryLimit }
        : { proposalId: r.id, carried: { state: d.state, version: d.version }, historyLimit: config.proposalHistoryLimit };
      await slots.acquire();
      starts.push(start(r.id, input).finally(() => slots.release()));
    }
    onProgress?.({ started: startedCount, done: results.size });
    if (startedIds.length >= BATCH_ROWS) await flushStarted();
  }
  await Promise.all(starts);
  await flushStarted();
  // Read-your-writes: the list shows every item registered here before the answer goes out.
  if (last) await infra.waitForReadModel(last, config.commandTimeoutMs);
  logger.debug(`bulk start: ${[...results.values()].filter((r) => r.ok).length}/${rows.length} rows in`);
  return rows.map((r) => results.get(r.row)!);
}

/** Rows whose stream an earlier attempt committed: their number, whether assigned, and their last event's position. */
async function existingRows(infra: Infrastructure, rows: BulkRow[]): Promise<Map<string, { number: string | null; assigned: boolean; position: GlobalPosition }>> {
  if (!rows.length) return new Map();
  const { rows: found } = await infra.pool.query<{ stream_id: string; number: string | null; assigned: boolean; tx: string; seq: string }>(
    `SELECT stream_id,
            max(data->>'number') FILTER (WHERE type = 'ProposalRegistered') AS number,
            bool_or(type = 'ProposalAssigned') AS assigned,
            (array_agg(transaction_id::text ORDER BY version DESC))[1] AS tx,
            (array_agg(sequence::text ORDER BY version DESC))[1] AS seq
       FROM events WHERE stream_id = ANY($1) GROUP BY stream_id`,
    [rows.map((r) => `proposal-${r.id}`)],
  );
  return new Map(found.map((f) => [f.stream_id.slice('proposal-'.length), { number: f.number, assigned: f.assigned, position: { transactionId: f.tx, sequence: f.seq } }]));
}
