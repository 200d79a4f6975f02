import { appendFaultFromEnv } from './worker.module';

describe('the crash-test hook FAULT_APPEND', () => {
  it('is off unless set', () => {
    expect(appendFaultFromEnv({})).toBeUndefined();
  });
  it.each([
    ['before:3000', { phase: 'before', delayMs: 3000 }],
    ['after:250', { phase: 'after', delayMs: 250 }],
  ])('reads %s', (raw, expected) => {
    expect(appendFaultFromEnv({ FAULT_APPEND: raw })).toEqual(expected);
  });
  it.each(['during:10', 'before:', 'after:-5', 'nonsense'])('refuses %s with a clear message', (raw) => {
    expect(() => appendFaultFromEnv({ FAULT_APPEND: raw })).toThrow(/FAULT_APPEND/);
  });
  it('is refused in production', () => {
    expect(() => appendFaultFromEnv({ FAULT_APPEND: 'after:10', NODE_ENV: 'production' })).toThrow(/production/);
  });
});
