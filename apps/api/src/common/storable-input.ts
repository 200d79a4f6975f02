/**
 * Input PostgreSQL cannot store is refused at the edge, with 400 naming the field, before anything
 * else sees it: U+0000 (neither text nor jsonb takes it) and lone UTF-16 surrogates (jsonb refuses
 * them; text would silently turn them into U+FFFD). Inside a command they would otherwise reach the
 * workflow as events it can never append. Bodies nested deeper than MAX_DEPTH are refused too: the
 * validation that follows walks them recursively and would overflow the stack (a 500).
 *
 * The walk is iterative, so a body of any depth is measured without recursion.
 */
import { AppException, validationFailed } from './app-exception';

/** Deepest nesting of objects/arrays a request may have (our DTOs need fewer than 5 levels). */
export const MAX_DEPTH = 32;

/** U+0000, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_MESSAGE = '含有无法保存的字符（空字符 U+0000 或不成对的 UTF-16 代理项）';

export const isStorableString = (s: string) => !UNSTORABLE.test(s);

/** A field path safe to echo in an answer (and a log line): the offending characters replaced. */
const printable = (path: string) => path.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd');

export type InputProblem = { kind: 'unstorable'; field: string } | { kind: 'too-deep'; field: string };

/**
 * The first problem in a parsed value (JSON body, query, params): a string or key PostgreSQL cannot
 * store, or nesting deeper than `maxDepth`; undefined if none. Fields are dotted paths, e.g.
 * `proposers.0.name`, prefixed with `prefix` when given.
 */
export function findInputProblem(value: unknown, prefix = '', maxDepth = MAX_DEPTH): InputProblem | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return { kind: 'unstorable', field: printable(path) || 'body' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { kind: 'too-deep', field: printable(path) || 'body' };
    const entries = Object.entries(v);
    // Pushed in reverse so the first offending field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const at = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return { kind: 'unstorable', field: printable(at) };
      stack.push({ v: child, path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The error a problem is answered with. */
export function inputProblemError(p: InputProblem): AppException {
  if (p.kind === 'too-deep') {
    return new AppException(400, 'BODY_TOO_DEEP', `请求体嵌套层级过深（最多 ${MAX_DEPTH} 层）`, { field: p.field, maxDepth: MAX_DEPTH });
  }
  return validationFailed([{ field: p.field, errors: [UNSTORABLE_MESSAGE] }], `${p.field}：${UNSTORABLE_MESSAGE}`);
}

interface EdgeRequest {
  path?: string;
  url?: string;
  body?: unknown;
  query?: unknown;
}

/**
 * The path's segments, decoded: a segment that is not valid percent-encoded UTF-8 is itself a
 * problem (the router would fail on it), and so is one that decodes to something unstorable.
 */
function pathProblem(path: string): InputProblem | undefined {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { kind: 'unstorable', field: 'path' };
    }
    if (UNSTORABLE.test(decoded)) return { kind: 'unstorable', field: 'path' };
  }
  return undefined;
}

/** Express middleware, right after the JSON body parser: path, query and body, in that order. */
export function rejectUnstorableInput(req: EdgeRequest, _res: unknown, next: (err?: unknown) => void): void {
  let problem: InputProblem | undefined;
  try {
    problem = pathProblem(req.path ?? (req.url ?? '').split('?')[0]) ?? findInputProblem(req.query) ?? findInputProblem(req.body);
  } catch (e) {
    // The query string itself could not be parsed (express throws lazily on access).
    return next(e);
  }
  next(problem ? inputProblemError(problem) : undefined);
}
