import { AppException } from './app-exception';
import { nulPath, rejectNulBytes } from './nul-bytes';

describe('U+0000 in a request', () => {
  it('names the first string or key holding it', () => {
    expect(nulPath({ title: '关于', proposers: [{ name: 'a' }, { name: 'b\u0000' }] })).toBe('proposers.1.name');
    expect(nulPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(nulPath('x\u0000')).toBe('(body)');
    expect(nulPath({ title: '关于', n: 1, ok: true, none: null, list: ['a'] })).toBeUndefined();
  });

  it('is refused with 400 VALIDATION_FAILED, in the URL (path or query) or in the body; anything else passes', () => {
    const outcome = (req: { url?: string; body?: unknown }) => {
      let err: unknown;
      rejectNulBytes(req, undefined, (e) => (err = e));
      return err instanceof AppException ? [err.getStatus(), (err.getResponse() as any).code, (err.getResponse() as any).details.fields[0].field] : err;
    };
    expect(outcome({ url: '/api/feedback/a%00b' })).toEqual([400, 'VALIDATION_FAILED', 'url']);
    expect(outcome({ url: '/api/proposals?q=%00' })).toEqual([400, 'VALIDATION_FAILED', 'url']);
    expect(outcome({ url: '/api/proposals', body: { comments: '满意\u0000' } })).toEqual([400, 'VALIDATION_FAILED', 'comments']);
    expect(outcome({ url: '/api/proposals?q=%E4%B8%AD', body: { title: '关于' } })).toBeUndefined();
  });
});
