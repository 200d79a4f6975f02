import { bearerMatches } from './metrics.module';

describe('METRICS_TOKEN check', () => {
  it('takes exactly "Bearer <token>" and nothing else', () => {
    expect(bearerMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
    for (const wrong of [undefined, '', 's3cret-token', 'Bearer s3cret-toke', 'Bearer s3cret-token ', 'bearer s3cret-token', 'Bearer S3cret-token']) {
      expect(bearerMatches(wrong, 's3cret-token')).toBe(false);
    }
  });
});
