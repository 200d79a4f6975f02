/**
 * U+0000 anywhere in a request (path, query, JSON body) is refused with 400 before anything else
 * sees it: PostgreSQL stores it neither in text nor in jsonb, so it would come back as a 500 from a
 * query — or, inside a command, as events the workflow can never append, leaving the item stuck.
 */
import { validationFailed } from './app-exception';

const NUL_MESSAGE = '不能含有空字符（U+0000）';
const MAX_DEPTH = 64;

/** The path of the first string (or key) holding U+0000 in a parsed JSON value, e.g. `proposers.0.name`; undefined if none. */
export function nulPath(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulPath(v, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Express middleware, right after the JSON body parser. */
export function rejectNulBytes(req: { url?: string; body?: unknown }, _res: unknown, next: (err?: unknown) => void): void {
  const field = /%00/i.test(req.url ?? '') ? 'url' : nulPath(req.body);
  next(field ? validationFailed([{ field, errors: [NUL_MESSAGE] }], `${field}：${NUL_MESSAGE}`) : undefined);
}
