import { AppException } from './app-exception';
import { findInputProblem, isStorableString, MAX_DEPTH, rejectUnstorableInput } from './storable-input';

describe('strings PostgreSQL cannot store', () => {
  it('are NUL and lone surrogates; pairs and ordinary text are fine', () => {
    for (const bad of ['a\u0000', '\ud800', 'x\udfffy', '\ud83d', '\ude00a', '\ud800\ud800\udc00']) expect(isStorableString(bad)).toBe(false);
    for (const ok of ['', '关于', '\ud83d\ude00', 'a\ufffdb', '\u4e2d\u{1f600}']) expect(isStorableString(ok)).toBe(true);
  });

  it('names the first offending string or key in document order, keys printable', () => {
    expect(findInputProblem({ title: '关于', proposers: [{ name: 'a' }, { name: 'b\u0000' }], z: '\ud800' })).toEqual({ kind: 'unstorable', field: 'proposers.1.name' });
    expect(findInputProblem({ ['k\ud800']: 1 })).toEqual({ kind: 'unstorable', field: 'k\ufffd' });
    expect(findInputProblem('x\u0000')).toEqual({ kind: 'unstorable', field: 'body' });
    expect(findInputProblem({ title: '关于', n: 1, ok: true, none: null, list: ['a'] })).toBeUndefined();
  });

  it('refuses nesting deeper than the limit without recursion (any depth)', () => {
    const nest = (n: number) => {
      let v: unknown = 'leaf';
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(findInputProblem(nest(MAX_DEPTH))).toBeUndefined();
    expect(findInputProblem(nest(MAX_DEPTH + 1))).toMatchObject({ kind: 'too-deep' });
    expect(findInputProblem({ a: nest(1_000_000) })).toMatchObject({ kind: 'too-deep', field: expect.stringMatching(/^a(\.0)+$/) });
  });

  it('the middleware checks path, query and body, answering 400 with a code', () => {
    const outcome = (req: { path?: string; query?: unknown; body?: unknown }) => {
      let err: unknown;
      rejectUnstorableInput(req, undefined, (e) => (err = e));
      if (!(err instanceof AppException)) return err;
      const r = err.getResponse() as any;
      return [err.getStatus(), r.code, r.details.fields?.[0].field ?? r.details.field];
    };
    expect(outcome({ path: '/api/feedback/a%00b' })).toEqual([400, 'VALIDATION_FAILED', 'path']);
    expect(outcome({ path: '/api/feedback/%ED%A0%80' })).toEqual([400, 'VALIDATION_FAILED', 'path']);
    expect(outcome({ path: '/api/x', query: { q: '\u0000' } })).toEqual([400, 'VALIDATION_FAILED', 'q']);
    expect(outcome({ path: '/api/x', body: { comments: '满意\udc00' } })).toEqual([400, 'VALIDATION_FAILED', 'comments']);
    expect(outcome({ path: '/api/x', body: { a: JSON.parse('['.repeat(40) + ']'.repeat(40)) } })).toEqual([400, 'BODY_TOO_DEEP', expect.any(String)]);
    expect(outcome({ path: '/api/proposals/%E4%B8%AD', query: { q: '中' }, body: { title: '关于' } })).toBeUndefined();
  });
});
