import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Role } from '@jyta/directory';
import { Roles } from '../auth/decorators';
import { IdempotencyKey } from '../common/api-docs';
import { ErrorDto } from '../common/error.dto';
import { ProposalDetailDto } from './dto/responses.dto';

export interface ItemCommandDocs {
  /** Who may call it (else 403 FORBIDDEN_ROLE). */
  roles: Role[];
  summary: string;
  description?: string;
  /** The 409 codes the step may answer. */
  conflicts: string;
  /** Answered with 201 (something was created, e.g. a request id) instead of 200. */
  created?: boolean;
  /** What the answer holds besides the item's detail. */
  answers?: string;
}

/**
 * What every command on an item carries besides its path and parameters: who may call it, its
 * status code, Idempotency-Key, and its OpenAPI description (answer: the item's new detail).
 */
export function ItemCommand(docs: ItemCommandDocs) {
  const answer = { type: ProposalDetailDto, ...(docs.answers ? { description: docs.answers } : {}) };
  return applyDecorators(
    HttpCode(docs.created ? 201 : 200),
    Roles(...docs.roles),
    IdempotencyKey(),
    ApiOperation({ summary: docs.summary, ...(docs.description ? { description: docs.description } : {}) }),
    docs.created ? ApiCreatedResponse(answer) : ApiOkResponse(answer),
    ApiConflictResponse({ type: ErrorDto, description: docs.conflicts }),
  );
}
