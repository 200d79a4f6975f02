import { registerDecorator, type ValidationOptions } from 'class-validator';

export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-45 are refused). */
export function isDateOnly(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function IsDateOnly(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateOnly',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} 须为有效日期，格式 YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => isDateOnly(v) },
    });
}

/** A plain object whose values are all strings (e.g. unit code → responsible person). */
export function IsStringRecord(options?: ValidationOptions & { maxLength?: number }) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isStringRecord',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} 须为对象，且每个值均为字符串`, ...options },
      validator: {
        validate: (v: unknown) =>
          !!v &&
          typeof v === 'object' &&
          !Array.isArray(v) &&
          Object.values(v as Record<string, unknown>).every(
            (x) => typeof x === 'string' && x.length <= (options?.maxLength ?? 200),
          ),
      },
    });
}

/** Unit codes as in SPEC §11 (`rsj`, `zfbzj`, …). */
export const UNIT_CODE = /^[a-z][a-z0-9_-]{0,31}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
