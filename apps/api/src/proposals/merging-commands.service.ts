import { Injectable } from '@nestjs/common';
import { assertMergeRequest, assertSplitRequest, refOf } from '@jyta/proposal-domain';
import { ITEM_STEPS_WORKFLOW_TYPE, type ItemStep, type ItemStepsInput, type OperationFailure } from '@jyta/workflows';
import { AppException, invalidField } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import type { AuthUser } from '../auth/auth-user';
import { OperationsService } from '../operations/operations.service';
import type { OperationAcceptedDto } from '../operations/dto/operation.dto';
import type { MergeProposalsDto, SplitProposalDto } from './dto/merging.dto';
import type { ProposalDetailDto } from './dto/responses.dto';
import { actorOf } from './proposal-commands.service';
import { ProposalQueries, type LoadedItem } from './proposal-queries.service';

/** The merge's or split's answer: the main item's detail, or (still running) where to follow it. */
export type MergingAnswer = ProposalDetailDto | OperationAcceptedDto;
export const isAccepted = (a: MergingAnswer): a is OperationAcceptedDto => 'operationId' in a;

const numberOf = (item: LoadedItem) => item.state.details?.number ?? item.id;

/**
 * 并案办理 (office): merge items into a main item and split them off again. Each item is its own
 * workflow: everything is checked here first (all or nothing), then a durable operation
 * (workflows/src/merge-items.workflow.ts) tells each merged item, then the main item; a refusal
 * midway (a race) undoes what was done. A crash of the worker or the API resumes the operation
 * where it stopped; with an Idempotency-Key a retry is the same operation.
 *
 * Retries without a key are safe by state: a merge already done answers the detail, an item
 * already merged into this main item (an earlier attempt cut short) is not told twice.
 */
@Injectable()
export class MergingCommands {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly operations: OperationsService,
  ) {}

  async merge(mainId: string, dto: MergeProposalsDto, user: AuthUser, meta: CommandMeta): Promise<MergingAnswer> {
    const itemIds = dto.itemIds.map((id) => id.toLowerCase());
    if (itemIds.includes(mainId)) throw invalidField('itemIds', '主件不能并入它自己');
    const main = await this.queries.load(mainId);
    const items: LoadedItem[] = [];
    for (const id of itemIds) items.push(await this.loadItem(id));

    const listed = (id: string) => main.state.mergedItems?.some((m) => m.proposalId === id && m.status === 'merged');
    if (items.every((i) => listed(i.id) && i.state.mergedInto?.proposalId === mainId)) return this.queries.detailOf(main);
    // Told already by an attempt cut short before the main item took them: only the main item is left to do.
    const pending = items.filter((i) => i.state.status === 'merged' && i.state.mergedInto?.proposalId === mainId && !listed(i.id));
    const fresh = items.filter((i) => !pending.includes(i));
    assertMergeRequest(
      { proposalId: mainId, state: main.state },
      fresh.map((i) => ({ proposalId: i.id, state: i.state })),
    );

    const d = main.state.details!;
    const steps: ItemStep[] = [
      ...fresh.map((i) => ({
        proposalId: i.id,
        number: numberOf(i),
        command: { type: 'MergeIntoProposal' as const, data: { mainProposalId: mainId, mainNumber: d.number, mainKind: d.kind, mainLevel: d.level } },
      })),
      { proposalId: mainId, number: d.number, command: { type: 'AcceptMergedProposals', data: { items: items.map((i) => refOf(i.id, i.state)) } } },
    ];
    return this.run(mainId, user, meta, {
      kind: 'merge-items',
      steps,
      // Undone after a refusal midway: the items already merged return to 'registered'.
      undo: {
        command: { type: 'SplitFromProposal', data: { mainProposalId: mainId } },
        steps: fresh.map((_, k) => k),
        alreadyDone: pending.map((i) => ({ proposalId: i.id, number: numberOf(i) })),
      },
      actor: actorOf(user),
      correlationId: meta.correlationId,
    });
  }

  async split(mainId: string, dto: SplitProposalDto, user: AuthUser, meta: CommandMeta): Promise<MergingAnswer> {
    const itemId = dto.itemId.toLowerCase();
    const main = await this.queries.load(mainId);
    const item = await this.loadItem(itemId);
    const m = main.state.mergedItems?.find((x) => x.proposalId === itemId);
    const tellItem: ItemStep = { proposalId: itemId, number: numberOf(item), command: { type: 'SplitFromProposal', data: { mainProposalId: mainId } } };
    const input = (steps: ItemStep[]): ItemStepsInput => ({ kind: 'split-item', steps, undo: null, actor: actorOf(user), correlationId: meta.correlationId });
    // A retry: the main item recorded the split; the item may not have been told yet.
    if (m?.status === 'split') {
      if (item.state.status === 'merged' && item.state.mergedInto?.proposalId === mainId) return this.run(mainId, user, meta, input([tellItem]));
      return this.queries.detailOf(main);
    }
    assertSplitRequest({ proposalId: mainId, state: main.state }, { proposalId: itemId, state: item.state });
    // The main item first: from then on it copies nothing more to the item, nor waits for it.
    // (A refusal of either step names the item, as the split is about it.)
    return this.run(mainId, user, meta, input([{ ...tellItem, proposalId: mainId, command: { type: 'SplitMergedProposal', data: { proposalId: itemId } } }, tellItem]), {
      proposalId: itemId,
      number: numberOf(item),
    });
  }

  /** Starts the operation and waits a little: the main item's detail, the refusal, or 202 with its id. */
  private async run(mainId: string, user: AuthUser, meta: CommandMeta, input: ItemStepsInput, namedAs?: { proposalId: string; number: string }): Promise<MergingAnswer> {
    const id = this.operations.idFor(input.kind, user, meta, mainId);
    await this.operations.start(id, ITEM_STEPS_WORKFLOW_TYPE, [input]);
    const done = await this.operations.waitBriefly(id, this.operations.waitMs);
    if (!done) {
      return {
        operationId: id,
        operation: await this.operations.read(id).catch(() => null),
        message: `操作已开始，正在后台处理；可通过 GET /api/operations/${id} 查看进度`,
      };
    }
    if (done.status === 'failed' && done.error) throw named(namedAs ? { ...done.error, ...namedAs } : done.error);
    return this.queries.detailOf(await this.queries.load(mainId));
  }

  /** 404 naming the item. */
  private async loadItem(id: string): Promise<LoadedItem> {
    try {
      return await this.queries.load(id);
    } catch (e) {
      if (e instanceof AppException && e.getStatus() === 404) {
        throw new AppException(404, 'PROPOSAL_NOT_FOUND', `建议提案 ${id} 不存在`, { itemId: id });
      }
      throw e;
    }
  }
}

/** The error answer of a refused step, naming the item it concerns. */
export function named(f: OperationFailure): AppException {
  const details = f.details && typeof f.details === 'object' ? (f.details as Record<string, unknown>) : {};
  const message = f.message.startsWith(f.number) ? f.message : `${f.number}：${f.message}`;
  return new AppException(f.status, f.code, message, { ...details, itemId: f.proposalId, number: f.number });
}
