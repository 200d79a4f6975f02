import { HttpException } from '@nestjs/common';

/** Every error answer of the API (SPEC §10): a stable machine `code`, a Chinese `message`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface FieldError {
  /** dotted path into the request, e.g. `proposers.0.name`; `Idempotency-Key` for a header */
  field: string;
  errors: string[];
}

/** An HttpException whose body is already an ErrorBody. */
export class AppException extends HttpException {
  constructor(status: number, code: string, message: string, details?: unknown) {
    const body: ErrorBody = { statusCode: status, code, message };
    if (details !== undefined) body.details = details;
    super(body, status);
  }
}

export const validationFailed = (fields: FieldError[], message?: string) =>
  new AppException(400, 'VALIDATION_FAILED', message ?? `请求参数无效：${fields.map((f) => f.field).join('、')}`, { fields });

export const invalidField = (field: string, error: string) => validationFailed([{ field, errors: [error] }], `${field}：${error}`);

export const forbiddenRole = () => new AppException(403, 'FORBIDDEN_ROLE', '当前角色无权执行此操作');
export const notYourUnit = (unitId: string) => new AppException(403, 'NOT_YOUR_UNIT', `只能以本单位名义办理，不能代单位 ${unitId} 操作`);
export const notYourItem = () => new AppException(403, 'NOT_YOUR_ITEM', '无权查看或办理此件：本单位（本人）与该件无关');
export const proposalNotFound = (id: string) => new AppException(404, 'PROPOSAL_NOT_FOUND', `建议提案 ${id} 不存在`);
