import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { assertAllowed, DomainError, type ProposalCommand, type ProposalState } from '@jyta/proposal-domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppException, type FieldError } from '../../common/app-exception';
import type { CommandMeta } from '../../common/command-meta';
import { mapError, normalizeFieldPath } from '../../common/error-mapping';
import { flattenValidationErrors } from '../../common/validation';
import { UNIT_CODE, UUID } from '../../common/validators';
import { DirectoryService } from '../../directory/directory.service';
import type { AssignProposalDto } from '../dto/assignment.dto';
import { ProposalCommands, reassignPartCommand } from '../proposal-commands.service';
import { ProposalQueries } from '../proposal-queries.service';
import { mapSettled } from './concurrency';
import {
  BulkAssignmentDto,
  MAX_BULK_ASSIGNMENTS,
  type BulkAssignmentItemDto,
  type BulkAssignmentResponseDto,
  type BulkAssignmentResultDto,
  type BulkItemErrorDto,
} from './dto';

/** Assignments under way at once. */
export const ASSIGN_CONCURRENCY = 8;
/** Items loaded at once while checking the request. */
const LOAD_CONCURRENCY = 16;

const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

interface Problem {
  field: string;
  message: string;
}

/**
 * One 400 for everything wrong with the request: `details.fields` as every VALIDATION_FAILED
 * (`items.3.leadUnitIds.0`), and `details.items` per item (`{index, proposalId, field, message}`).
 */
function bulkInvalid(problems: Problem[], items: unknown[]): AppException {
  const fields: FieldError[] = [];
  for (const p of problems) {
    const existing = fields.find((f) => f.field === p.field);
    if (existing) existing.errors.push(p.message);
    else fields.push({ field: p.field, errors: [p.message] });
  }
  const itemErrors: BulkItemErrorDto[] = [];
  for (const p of problems) {
    const m = /^items\.(\d+)(?:\.(.+))?$/.exec(p.field);
    if (!m) continue;
    const index = Number(m[1]);
    const raw = (items[index] as { proposalId?: unknown } | undefined)?.proposalId;
    itemErrors.push({ index, ...(typeof raw === 'string' ? { proposalId: raw } : {}), field: m[2] ?? 'item', message: p.message });
  }
  const named = fields.slice(0, 10).map((f) => f.field);
  return new AppException(
    400,
    'VALIDATION_FAILED',
    `请求参数无效，未交办任何一件：${named.join('、')}${fields.length > named.length ? ` 等 ${fields.length} 处` : ''}`,
    { fields, items: itemErrors },
  );
}

/**
 * 分别办理: an item with parts waiting for re-assignment (a unit's return approved, other units
 * still handling theirs) is not assigned again as a whole; each part goes to its new unit.
 */
const partsWaiting = (state: ProposalState | undefined) =>
  state?.status === 'assigned' && state.partsAwaitingReassignment?.length ? state.partsAwaitingReassignment : undefined;

/** The returned unit → new unit pairs of a bulk item for an item with parts waiting (by fromUnitIds, else in the order they were returned). */
function reassignmentPairs(item: BulkAssignmentItemDto, waiting: { unitId: string }[]): { from: string; to: string }[] {
  const from = item.fromUnitIds ?? waiting.map((p) => p.unitId);
  return item.leadUnitIds.map((to, k) => ({ from: from[k], to }));
}

/** 批量交办 at an assignment meeting: every item checked first, then each sent through the single assignment's path. */
@Injectable()
export class BulkAssignmentService {
  private readonly logger = new Logger('BulkAssignment');

  constructor(
    private readonly commands: ProposalCommands,
    private readonly queries: ProposalQueries,
    private readonly directory: DirectoryService,
  ) {}

  async assign(body: unknown, user: AuthUser, meta: CommandMeta): Promise<BulkAssignmentResponseDto> {
    const { dto, states } = await this.check(body);
    const started = Date.now();
    const settled = await mapSettled(dto.items, ASSIGN_CONCURRENCY, (item) => {
      const waiting = partsWaiting(states.get(item.proposalId));
      if (!waiting) return this.commands.assign(item.proposalId, this.single(dto, item), user, meta);
      return this.reassign(dto, item, waiting, user, meta);
    });
    const results: BulkAssignmentResultDto[] = settled.map((s, i) => {
      const proposalId = dto.items[i].proposalId;
      if (s.status === 'fulfilled') return { proposalId, status: 200, number: s.value.number };
      const { body: err } = mapError(s.reason);
      return { proposalId, status: err.statusCode, code: err.code, message: err.message };
    });
    const assigned = results.filter((r) => r.status === 200).length;
    this.logger.log(`bulk assignment: ${assigned}/${results.length} assigned in ${Date.now() - started} ms`);
    return { assigned, results };
  }

  /** 改派: each waiting part to its new unit, one after the other (each its own command, as the single endpoint sends it). */
  private async reassign(dto: BulkAssignmentDto, item: BulkAssignmentItemDto, waiting: { unitId: string }[], user: AuthUser, meta: CommandMeta) {
    let detail: Awaited<ReturnType<ProposalCommands['reassignPart']>> | undefined;
    for (const command of this.reassignments(dto, item, waiting)) {
      detail = await this.commands.send(item.proposalId, command, user, meta, command.data.fromUnitId);
    }
    return detail!;
  }

  private reassignments(dto: BulkAssignmentDto, item: BulkAssignmentItemDto, waiting: { unitId: string }[]): Extract<ProposalCommand, { type: 'ReassignPart' }>[] {
    return reassignmentPairs(item, waiting).map(({ from, to }) =>
      reassignPartCommand(from, { toUnitId: to, assignedOn: dto.assignedOn, ...(item.responsiblePersons?.[to] ? { responsiblePerson: item.responsiblePersons[to] } : {}) }),
    );
  }

  private single(dto: BulkAssignmentDto, item: BulkAssignmentItemDto): AssignProposalDto {
    return {
      mode: item.mode,
      leadUnitIds: item.leadUnitIds,
      ...(item.coUnitIds !== undefined ? { coUnitIds: item.coUnitIds } : {}),
      assignedOn: dto.assignedOn,
      ...(item.leaderInCharge !== undefined ? { leaderInCharge: item.leaderInCharge } : {}),
      ...(item.division !== undefined ? { division: item.division } : {}),
      ...(item.responsiblePersons !== undefined ? { responsiblePersons: item.responsiblePersons } : {}),
    };
  }

  /**
   * The whole request is checked before anything is sent: its shape (the single assignment's
   * rules per item), duplicates, items that do not exist, unknown units, and the domain's own
   * input rules against each item's current state. Refusals that depend on the item's progress
   * (ALREADY_ASSIGNED, …) are not errors of the request: they are answered per item.
   */
  private async check(body: unknown): Promise<{ dto: BulkAssignmentDto; states: Map<string, ProposalState> }> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw bulkInvalid([{ field: 'body', message: '请求体须为 JSON 对象 {assignedOn, items}' }], []);
    }
    const dto = plainToInstance(BulkAssignmentDto, body);
    const problems: Problem[] = flattenValidationErrors(await validate(dto, VALIDATOR_OPTIONS)).flatMap((f) =>
      f.errors.map((message) => ({ field: f.field, message })),
    );
    if (!Array.isArray(dto.items) || dto.items.length === 0 || dto.items.length > MAX_BULK_ASSIGNMENTS) {
      // no list of items to look into (missing, empty, too long)
      throw bulkInvalid(problems, []);
    }
    const items = dto.items;
    const requestLevel = problems.some((p) => !p.field.startsWith('items.'));
    for (const item of items) {
      if (item && typeof item.proposalId === 'string') item.proposalId = item.proposalId.toLowerCase();
    }

    // duplicates
    const firstIndex = new Map<string, number>();
    items.forEach((item, i) => {
      const id = item?.proposalId;
      if (typeof id !== 'string' || !UUID.test(id)) return;
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else problems.push({ field: `items.${i}.proposalId`, message: `与第 ${first} 项（下标）重复：同一件只能交办一次` });
    });

    // existence (from the item's stream, not the lagging list)
    const ids = [...firstIndex.keys()];
    const states = new Map<string, ProposalState>();
    const loaded = await mapSettled(ids, LOAD_CONCURRENCY, (id) => this.queries.load(id));
    loaded.forEach((r, k) => {
      if (r.status === 'fulfilled') states.set(ids[k], r.value.state);
      else if (!(r.reason instanceof AppException && r.reason.getStatus() === 404)) throw r.reason;
    });
    items.forEach((item, i) => {
      if (typeof item?.proposalId === 'string' && firstIndex.get(item.proposalId) === i && !states.has(item.proposalId)) {
        problems.push({ field: `items.${i}.proposalId`, message: `建议提案 ${item.proposalId} 不存在` });
      }
    });

    // units
    const codes = new Set<string>();
    for (const item of items) {
      for (const u of [...(Array.isArray(item?.leadUnitIds) ? item.leadUnitIds : []), ...(Array.isArray(item?.coUnitIds) ? item.coUnitIds : [])]) {
        if (typeof u === 'string' && UNIT_CODE.test(u)) codes.add(u);
      }
    }
    const unknown = new Set(codes.size ? await this.directory.unknownUnits([...codes]) : []);
    items.forEach((item, i) => {
      for (const key of ['leadUnitIds', 'coUnitIds'] as const) {
        const list = item?.[key];
        if (!Array.isArray(list)) continue;
        list.forEach((u, j) => {
          if (unknown.has(u)) problems.push({ field: `items.${i}.${key}.${j}`, message: `未知单位 ${u}` });
        });
      }
    });

    // leaders in charge: vice mayors' accounts (one look-up per distinct name)
    const leaders = new Set(items.map((item) => item?.leaderInCharge).filter((l): l is string => typeof l === 'string'));
    const notViceMayor = new Set<string>();
    for (const l of leaders) if (!(await this.directory.isViceMayor(l))) notViceMayor.add(l);
    items.forEach((item, i) => {
      if (typeof item?.leaderInCharge === 'string' && notViceMayor.has(item.leaderInCharge)) {
        problems.push({ field: `items.${i}.leaderInCharge`, message: `${item.leaderInCharge} 不是分管副市长的账号` });
      }
    });

    // the domain's input rules (single = one unit, separate = two or more, no unit twice, date not in the future …)
    const now = new Date().toISOString();
    const bad = new Set(problems.map((p) => Number(/^items\.(\d+)/.exec(p.field)?.[1] ?? -1)));
    items.forEach((item, i) => {
      const state = states.get(item?.proposalId);
      if (requestLevel || bad.has(i) || !state) return;
      const waiting = partsWaiting(state);
      const problem = waiting
        ? this.reassignmentProblem(item, waiting)
        : item.fromUnitIds?.length
          ? { field: 'fromUnitIds', message: '该件没有退转待改派的部分（fromUnitIds 只用于分别办理中退转的部分）' }
          : undefined;
      if (problem) {
        problems.push({ field: `items.${i}.${problem.field}`, message: problem.message });
        return;
      }
      try {
        if (waiting) for (const c of this.reassignments(dto, item, waiting)) assertAllowed(c, state, now);
        else assertAllowed({ type: 'AssignProposal', data: this.single(dto, item) }, state, now);
      } catch (e) {
        if (!(e instanceof DomainError) || e.status !== 400) return; // progress refusals: per item, when sent
        const field = typeof e.details?.field === 'string' ? normalizeFieldPath(e.details.field) : undefined;
        // assignedOn is the request's, not the item's
        const itemField = field === 'toUnitId' ? 'leadUnitIds' : field;
        problems.push({ field: field === 'assignedOn' ? 'assignedOn' : `items.${i}${itemField ? `.${itemField}` : ''}`, message: e.message });
      }
    });

    if (problems.length) {
      // one message per request-level field (a future date is found once per item)
      const seen = new Set<string>();
      throw bulkInvalid(
        problems.filter((p) => p.field.startsWith('items.') || (!seen.has(p.field + p.message) && seen.add(p.field + p.message))),
        items,
      );
    }
    return { dto, states };
  }

  /** What is wrong with a bulk item for an item whose separate parts wait for re-assignment (改派), if anything. */
  private reassignmentProblem(item: BulkAssignmentItemDto, waiting: { unitId: string }[]): Problem | undefined {
    const parts = waiting.map((p) => p.unitId).join('、');
    if (item.mode !== 'separate') return { field: 'mode', message: `该件为分别办理，单位 ${parts} 退转的部分待改派：mode 须为 separate，leadUnitIds 为接手的单位` };
    if (item.coUnitIds?.length) return { field: 'coUnitIds', message: '分别办理没有会办单位，每个单位各自答复' };
    const from = item.fromUnitIds ?? waiting.map((p) => p.unitId);
    if (from.length !== item.leadUnitIds.length) {
      return { field: 'leadUnitIds', message: `该件有 ${from.length} 个待改派的部分（${from.join('、')}），须各指定一个接手单位` };
    }
    const dup = item.leadUnitIds.find((u, k) => item.leadUnitIds.indexOf(u) !== k);
    if (dup) return { field: 'leadUnitIds', message: `单位 ${dup} 重复` };
    return undefined;
  }
}
