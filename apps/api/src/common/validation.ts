import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { validationFailed, type FieldError } from './app-exception';

/** Chinese texts for class-validator's built-in checks that carry no message of ours. */
const BUILTIN_MESSAGES: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  nestedValidation: (f) => `${f} 须为对象或对象数组`,
  isObject: (f) => `${f} 须为对象`,
  isArray: (f) => `${f} 须为数组`,
  isString: (f) => `${f} 须为字符串`,
  isBoolean: (f) => `${f} 须为 true 或 false`,
  isInt: (f) => `${f} 须为整数`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isDefined: (f) => `${f} 为必填项`,
  unknownValue: () => '请求体须为 JSON 对象',
};

/** Flattens class-validator's tree into dotted field paths (`proposers.0.name`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = e.property === undefined || e.property === '' ? parent : parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      // Only the most basic problem is told: "missing" (class-validator checks @IsDefined before
      // anything else), else the top decorator's check (it reports the others bottom-up first).
      const entries = Object.entries(e.constraints);
      const [key, msg] = entries.find(([k]) => k === 'isDefined') ?? entries[entries.length - 1];
      const builtin = Object.hasOwn(BUILTIN_MESSAGES, key) ? BUILTIN_MESSAGES[key] : undefined;
      out.push({ field: field || 'body', errors: [builtin !== undefined && /^[\x20-\x7e]*$/.test(msg) ? builtin(field || 'body') : msg] });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export const validationExceptionFactory = (errors: ValidationError[]) => validationFailed(flattenValidationErrors(errors));

/** The global pipe: unknown fields refused, payloads turned into DTO instances, errors as VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationExceptionFactory,
  });
}
