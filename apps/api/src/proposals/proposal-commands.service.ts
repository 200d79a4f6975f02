import { Injectable, Logger } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { AFTER_ARCHIVE } from '@jyta/proposal-domain';
import type { Actor, AssignProposal, ProposalCommand, ReassignPart, RegisterProposal, UserCommandType } from '@jyta/proposal-domain';
import { commandUpdates, proposalWorkflowId, type CommandEnvelope, type CommandOutcome } from '@jyta/workflows';
import { AppException, notYourItem, notYourUnit, validationFailed } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import type { AuthUser } from '../auth/auth-user';
import { DirectoryService } from '../directory/directory.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { AssignProposalDto, ReassignPartDto } from './dto/assignment.dto';
import type { RegisterProposalDto } from './dto/register.dto';
import type { ProposalDetailDto } from './dto/responses.dto';
import { commandContext } from './command-context';
import { ProposalQueries, type LoadedItem } from './proposal-queries.service';

/** The workflow type the worker registers (workflows/src/proposal.workflow.ts). */
export const PROPOSAL_WORKFLOW_TYPE = 'proposalWorkflow';
/** Namespace of the uuid v5 that turns a registration's Idempotency-Key into the item id. */
export const REGISTRATION_ID_NAMESPACE = '6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11';

export const actorOf = (u: AuthUser): Actor => ({ userId: u.id, username: u.username, role: u.role, unitId: u.unitId });

/**
 * Update ids: a retried command (same Idempotency-Key) reuses its update id, so Temporal runs it
 * once and answers the retry with the first outcome. Scoped by command, unit and user so that a
 * key reused for another command never returns a stranger's outcome.
 */
export function updateIdFor(type: UserCommandType, user: AuthUser, meta: CommandMeta, unitId?: string): string {
  if (!meta.idempotencyKey) return randomUUID();
  return [type, unitId ?? '-', user.id, meta.idempotencyKey].join(':');
}

/** The item id of a registration: derived from the key (same key → same item), else new. */
export function registrationIdFor(user: AuthUser, meta: CommandMeta): string {
  return meta.idempotencyKey ? uuidv5(`${user.id}:${meta.idempotencyKey}`, REGISTRATION_ID_NAMESPACE) : randomUUID();
}

export const reassignPartCommand = (fromUnitId: string, dto: ReassignPartDto): ReassignPart => ({
  type: 'ReassignPart',
  data: {
    fromUnitId,
    toUnitId: dto.toUnitId,
    assignedOn: dto.assignedOn,
    ...(dto.responsiblePerson !== undefined ? { responsiblePerson: dto.responsiblePerson } : {}),
  },
});

/** The registration command of a RegisterProposalDto (the single registration and the import's rows). */
export function registrationCommand(id: string, dto: RegisterProposalDto): RegisterProposal {
  return {
    type: 'RegisterProposal',
    data: {
      proposalId: id,
      kind: dto.kind,
      level: dto.level,
      sessionYear: dto.sessionYear,
      period: dto.period,
      title: dto.title,
      content: dto.content,
      ...(dto.topic !== undefined ? { topic: dto.topic } : {}),
      proposers: dto.proposers.map((p) => ({
        name: p.name.trim(),
        ...(p.delegation !== undefined ? { delegation: p.delegation } : {}),
        ...(p.phone !== undefined ? { phone: p.phone } : {}),
        ...(p.email !== undefined ? { email: p.email.trim() } : {}),
        ...(p.address !== undefined ? { address: p.address } : {}),
        ...(p.username !== undefined ? { username: p.username } : {}),
      })),
      key: !!dto.key,
      major: !!dto.major,
      urgent: !!dto.urgent,
    },
  };
}

/** The assignment command of an AssignProposalDto (the single and the import's assignments). */
export function assignmentCommand(dto: AssignProposalDto): AssignProposal {
  return {
    type: 'AssignProposal',
    data: {
      mode: dto.mode,
      leadUnitIds: dto.leadUnitIds,
      ...(dto.coUnitIds ? { coUnitIds: dto.coUnitIds } : {}),
      assignedOn: dto.assignedOn,
      ...(dto.leaderInCharge !== undefined ? { leaderInCharge: dto.leaderInCharge } : {}),
      ...(dto.division !== undefined ? { division: dto.division } : {}),
      ...(dto.responsiblePersons !== undefined ? { responsiblePersons: { ...dto.responsiblePersons } } : {}),
    },
  };
}

/**
 * Sends user commands to the item's workflow as Workflow Updates (one per command), waits for the
 * list read model to include them (read-your-writes) and answers the new detail.
 */
@Injectable()
export class ProposalCommands {
  private readonly logger = new Logger('ProposalCommands');

  constructor(
    private readonly infra: Infrastructure,
    private readonly queries: ProposalQueries,
    private readonly directory: DirectoryService,
  ) {}

  async register(dto: RegisterProposalDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    const id = registrationIdFor(user, meta);
    const command = registrationCommand(id, dto);
    const envelope = await this.envelope(command, actorOf(user), meta);
    const { client, config } = this.infra;
    const startWorkflowOperation = new WithStartWorkflowOperation(PROPOSAL_WORKFLOW_TYPE, {
      workflowId: proposalWorkflowId(id),
      taskQueue: config.temporalTaskQueue,
      args: [{ proposalId: id, historyLimit: config.proposalHistoryLimit }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const outcome = await this.infra.withCommandDeadline(() =>
      client.workflow.executeUpdateWithStart(commandUpdates.RegisterProposal, {
        args: [envelope],
        updateId: updateIdFor('RegisterProposal', user, meta),
        startWorkflowOperation,
      }),
    );
    return this.answer(id, outcome);
  }

  async assign(id: string, dto: AssignProposalDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    const item = await this.queries.load(id); // 404 first
    // Every unit named (lead, co, the keys of responsiblePersons) is in the directory; the leader in charge is a vice mayor.
    await this.directory.checkReferences({
      units: [
        ...dto.leadUnitIds.map((code, i) => ({ field: `leadUnitIds.${i}`, code })),
        ...(dto.coUnitIds ?? []).map((code, i) => ({ field: `coUnitIds.${i}`, code })),
        ...Object.keys(dto.responsiblePersons ?? {}).map((code) => ({ field: `responsiblePersons.${code}`, code })),
      ],
      ...(dto.leaderInCharge !== undefined ? { leaderInCharge: { field: 'leaderInCharge', username: dto.leaderInCharge } } : {}),
    });
    const command = assignmentCommand(dto);
    return this.send(id, command, user, meta, undefined, item);
  }

  /** 改派 (分别办理, Art. 6, 7): the part `fromUnitId` returned, to another unit of the directory (office). */
  async reassignPart(id: string, fromUnitId: string, dto: ReassignPartDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    const item = await this.queries.load(id); // 404 first
    if ((await this.directory.unknownUnits([dto.toUnitId])).length) {
      throw validationFailed([{ field: 'toUnitId', errors: [`未知单位 ${dto.toUnitId}`] }], `未知单位：${dto.toUnitId}`);
    }
    return this.send(id, reassignPartCommand(fromUnitId, dto), user, meta, fromUnitId, item);
  }

  /** 签收 / 退转申请: only a handler of that unit, on an item the unit was assigned. */
  async unitCommand(id: string, unitId: string, command: ProposalCommand, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    if (user.unitId !== unitId) throw notYourUnit(unitId);
    const item = await this.queries.load(id);
    if (!item.state.units.some((u) => u.unitId === unitId)) throw notYourItem();
    return this.send(id, command, user, meta, unitId, item);
  }

  /** 退转决定 (office). */
  async decideReturn(id: string, unitId: string, approve: boolean, comment: string | undefined, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    return this.send(id, { type: 'DecideReturn', data: { unitId, approve, ...(comment !== undefined ? { comment } : {}) } }, user, meta, unitId, item);
  }

  /** 指定征求意见表填写人 (Art. 11, 14): the office names a proposer of the item by their place in its list. */
  async designateFeedbackRecipient(id: string, proposerIndex: number, user: AuthUser, meta: CommandMeta) {
    const item = await this.queries.load(id);
    return this.send(id, { type: 'DesignateFeedbackRecipient', data: { proposerIndex } }, user, meta, undefined, item);
  }

  /** The command with who sent it, and what its decision needs (read here, see command-context.ts). */
  private async envelope(command: ProposalCommand, actor: Actor, meta: CommandMeta): Promise<CommandEnvelope> {
    const context = await commandContext(this.infra.pool, command);
    return { command, actor, correlationId: meta.correlationId, ...(context ? { context } : {}) };
  }

  /** `loaded`: the item as the caller just loaded it for its own checks (saves reading it again). */
  send(id: string, command: ProposalCommand, user: AuthUser, meta: CommandMeta, unitId?: string, loaded?: LoadedItem): Promise<ProposalDetailDto> {
    const type = command.type as UserCommandType;
    return this.sendAs(id, command, actorOf(user), meta, updateIdFor(type, user, meta, unitId), loaded);
  }

  /** Sends a command in the name of `actor` (a user, or the proposer holding a feedback token). */
  async sendAs(id: string, command: ProposalCommand, actor: Actor, meta: CommandMeta, updateId: string, loaded?: LoadedItem): Promise<ProposalDetailDto> {
    const type = command.type as UserCommandType;
    // An archived item is read-only (Art. 17); answer as the domain would. Disclosure (Art. 20)
    // and the vice mayor's reading (Art. 9) are not changes of the handling and go on through
    // the workflow, which stays open.
    const item = loaded ?? (await this.queries.load(id));
    if (item.state.status === 'archived' && !AFTER_ARCHIVE.has(command.type)) throw new AppException(409, 'ARCHIVED', '该件已归档，不能再更改（第十七条）');
    const envelope = await this.envelope(command, actor, meta);
    if (item.state.status === 'archived') return this.answer(id, await this.afterArchive(id, envelope, updateId));
    const handle = this.infra.client.workflow.getHandle(proposalWorkflowId(id));
    const outcome = await this.infra.withCommandDeadline(() => handle.executeUpdate(commandUpdates[type], { args: [envelope], updateId }));
    return this.answer(id, outcome, item);
  }

  /**
   * A command allowed after archiving: the item's workflow may have completed (an archived item
   * with no deadline left ends its run), so the update goes with a start — a fresh run that loads
   * the stored stream before handling it; a run still open (items archived before, or with a
   * deadline left) takes it as usual.
   */
  private afterArchive(id: string, envelope: CommandEnvelope, updateId: string): Promise<CommandOutcome> {
    const { client, config } = this.infra;
    const startWorkflowOperation = new WithStartWorkflowOperation(PROPOSAL_WORKFLOW_TYPE, {
      workflowId: proposalWorkflowId(id),
      taskQueue: config.temporalTaskQueue,
      args: [{ proposalId: id, load: true, historyLimit: config.proposalHistoryLimit }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const type = envelope.command.type as UserCommandType;
    return this.infra.withCommandDeadline(() =>
      client.workflow.executeUpdateWithStart(commandUpdates[type], { args: [envelope], updateId, startWorkflowOperation }),
    );
  }

  /**
   * For batch work (e.g. recomputing deadlines after a calendar amendment): sends the command as
   * `user` and answers which events it appended, once the read models have them, without
   * building the detail. The domain refuses what the item's state does not allow.
   */
  async sendForOutcome(id: string, command: ProposalCommand, user: AuthUser, meta: CommandMeta): Promise<CommandOutcome> {
    const type = command.type as UserCommandType;
    const handle = this.infra.client.workflow.getHandle(proposalWorkflowId(id));
    const envelope = await this.envelope(command, actorOf(user), meta);
    const outcome = await this.infra.withCommandDeadline(() => handle.executeUpdate(commandUpdates[type], { args: [envelope], updateId: updateIdFor(type, user, meta) }));
    await this.infra.waitForReadModel(outcome.position);
    return outcome;
  }

  /** `before`: the item as loaded before the command; only what the command (or another since) appended is read then. */
  private async answer(id: string, outcome: CommandOutcome, before?: LoadedItem): Promise<ProposalDetailDto> {
    await this.infra.waitForReadModel(outcome.position);
    this.logger.debug(`proposal ${id}: ${outcome.events.map((e) => e.type).join(', ') || 'no change'} (v${outcome.version})`);
    return this.queries.detailOf(before ? await this.queries.refresh(before) : await this.queries.load(id));
  }
}
