import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { assertMergeRequest, assertSplitRequest, refOf, type ProposalCommand } from '@jyta/proposal-domain';
import { AppException, invalidField } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import { mapError } from '../common/error-mapping';
import type { AuthUser } from '../auth/auth-user';
import type { MergeProposalsDto, SplitProposalDto } from './dto/merging.dto';
import type { ProposalDetailDto } from './dto/responses.dto';
import { actorOf, ProposalCommands } from './proposal-commands.service';
import { ProposalQueries, type LoadedItem } from './proposal-queries.service';

/**
 * 并案办理 (office): merge items into a main item and split them off again. Each item is its own
 * workflow, so the API orchestrates: everything is checked first (all or nothing), then each
 * merged item is told, then the main item; a refusal midway (a race) undoes what was done.
 *
 * Retries are safe by state rather than by update id: a merge already done answers the detail, an
 * item already merged into this main item (an earlier attempt cut short) is not told twice.
 */
@Injectable()
export class MergingCommands {
  private readonly logger = new Logger('MergingCommands');

  constructor(
    private readonly queries: ProposalQueries,
    private readonly commands: ProposalCommands,
  ) {}

  async merge(mainId: string, dto: MergeProposalsDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
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
    const merged: LoadedItem[] = [];
    for (const item of fresh) {
      try {
        await this.sendTo(item.id, { type: 'MergeIntoProposal', data: { mainProposalId: mainId, mainNumber: d.number, mainKind: d.kind, mainLevel: d.level } }, user, meta);
        merged.push(item);
      } catch (e) {
        await this.splitBack(mainId, [...pending, ...merged], user, meta);
        throw named(e, item);
      }
    }
    try {
      return await this.sendTo(mainId, { type: 'AcceptMergedProposals', data: { items: items.map((i) => refOf(i.id, i.state)) } }, user, meta);
    } catch (e) {
      await this.splitBack(mainId, [...pending, ...merged], user, meta);
      throw named(e, main);
    }
  }

  async split(mainId: string, dto: SplitProposalDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    const itemId = dto.itemId.toLowerCase();
    const main = await this.queries.load(mainId);
    const item = await this.loadItem(itemId);
    const m = main.state.mergedItems?.find((x) => x.proposalId === itemId);
    // A retry: the main item recorded the split; the item may not have been told yet.
    if (m?.status === 'split') {
      if (item.state.status === 'merged' && item.state.mergedInto?.proposalId === mainId) {
        await this.sendTo(itemId, { type: 'SplitFromProposal', data: { mainProposalId: mainId } }, user, meta).catch((e) => {
          throw named(e, item);
        });
      }
      return this.queries.detailOf(await this.queries.load(mainId));
    }
    assertSplitRequest({ proposalId: mainId, state: main.state }, { proposalId: itemId, state: item.state });
    // The main item first: from then on it copies nothing more to the item, nor waits for it.
    await this.sendTo(mainId, { type: 'SplitMergedProposal', data: { proposalId: itemId } }, user, meta).catch((e) => {
      throw named(e, item);
    });
    await this.sendTo(itemId, { type: 'SplitFromProposal', data: { mainProposalId: mainId } }, user, meta).catch((e) => {
      throw named(e, item);
    });
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

  private sendTo(id: string, command: ProposalCommand, user: AuthUser, meta: CommandMeta) {
    return this.commands.sendAs(id, command, actorOf(user), meta, randomUUID());
  }

  /** Undo after a refusal midway: the items already merged return to 'registered'. */
  private async splitBack(mainId: string, items: LoadedItem[], user: AuthUser, meta: CommandMeta) {
    for (const item of items) {
      try {
        await this.sendTo(item.id, { type: 'SplitFromProposal', data: { mainProposalId: mainId } }, user, meta);
      } catch (err) {
        this.logger.error({ err, mainId, itemId: item.id }, 'undoing a merge failed: the item stays merged');
      }
    }
  }
}

/** The error answer of a refused step, naming the item it concerns. */
function named(e: unknown, item: LoadedItem): unknown {
  const { body } = mapError(e);
  if (body.statusCode >= 500) return e;
  const number = item.state.details?.number ?? item.id;
  const details = body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : {};
  const message = body.message.startsWith(number) ? body.message : `${number}：${body.message}`;
  return new AppException(body.statusCode, body.code, message, { ...details, itemId: item.id, number });
}
