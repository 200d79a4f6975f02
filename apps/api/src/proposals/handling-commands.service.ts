import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { notYourItem, notYourUnit } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import type { AuthUser } from '../auth/auth-user';
import type { CoUnitOpinionDto, InstructionsAnswerDto, InstructionsRequestDto, ProgressReportDto } from './dto/handling.dto';
import type { ProposalDetailDto } from './dto/responses.dto';
import { ProposalCommands, REGISTRATION_ID_NAMESPACE } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';

/**
 * 会办意见 (SPEC §4.2), 请示 (Art. 5) and 督办台账 (SPEC §4.3) through the item's workflow: a unit
 * handler acts for their own unit only, on an item the unit was assigned; the rules are the domain's
 * (libs/proposal/domain/src/handling.ts).
 */
@Injectable()
export class HandlingCommands {
  constructor(
    private readonly queries: ProposalQueries,
    private readonly commands: ProposalCommands,
  ) {}

  coUnitOpinion(id: string, unitId: string, dto: CoUnitOpinionDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(id, unitId, { type: 'SubmitCoUnitOpinion', data: { unitId, opinion: dto.opinion } }, user, meta);
  }

  async requestInstructions(id: string, unitId: string, dto: InstructionsRequestDto, user: AuthUser, meta: CommandMeta) {
    // Same Idempotency-Key, same request id: a retried request is one request.
    const requestId = meta.idempotencyKey ? uuidv5(`instructions:${user.id}:${meta.idempotencyKey}`, REGISTRATION_ID_NAMESPACE) : randomUUID();
    const detail = await this.commands.unitCommand(
      id,
      unitId,
      { type: 'RequestInstructions', data: { unitId, requestId, authority: dto.authority, matter: dto.matter } },
      user,
      meta,
    );
    return { requestId, ...detail };
  }

  async recordInstructions(id: string, unitId: string, requestId: string, dto: InstructionsAnswerDto, user: AuthUser, meta: CommandMeta) {
    if (user.unitId !== unitId) throw notYourUnit(unitId);
    const item = await this.queries.load(id);
    if (!item.state.units.some((u) => u.unitId === unitId)) throw notYourItem();
    return this.commands.send(
      id,
      { type: 'RecordInstructions', data: { unitId, requestId, answer: dto.answer, on: dto.on } },
      user,
      meta,
      `${unitId}:${requestId}`,
    );
  }

  progressReport(id: string, unitId: string, dto: ProgressReportDto, user: AuthUser, meta: CommandMeta): Promise<ProposalDetailDto> {
    return this.commands.unitCommand(id, unitId, { type: 'SubmitProgressReport', data: { unitId, month: dto.month, progress: dto.progress } }, user, meta);
  }
}
