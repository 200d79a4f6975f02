import { itemStartSweepFromEnv } from './item-start-sweeper';
import { appendFaultFromEnv, maxCachedWorkflowsFromEnv } from './worker.module';

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

describe('WORKER_MAX_CACHED_WORKFLOWS', () => {
  it('is 1000 unless set, and takes an integer from 2 on', () => {
    expect(maxCachedWorkflowsFromEnv({})).toBe(1000);
    expect(maxCachedWorkflowsFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: '250' })).toBe(250);
  });
  it.each(['1', '-3', '1.5', 'many'])('refuses %s with a clear message', (raw) => {
    expect(() => maxCachedWorkflowsFromEnv({ WORKER_MAX_CACHED_WORKFLOWS: raw })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });
});

describe('the item start sweeper settings', () => {
  it('default to a sweep every 10 s of marks older than 30 s, and refuse what cannot work', () => {
    expect(itemStartSweepFromEnv({})).toEqual({ sweepMs: 10_000, graceMs: 30_000 });
    expect(itemStartSweepFromEnv({ ITEM_START_SWEEP_MS: '500', ITEM_START_GRACE_MS: '0' })).toEqual({ sweepMs: 500, graceMs: 0 });
    expect(() => itemStartSweepFromEnv({ ITEM_START_SWEEP_MS: '5' })).toThrow(/ITEM_START_SWEEP_MS/);
    expect(() => itemStartSweepFromEnv({ ITEM_START_GRACE_MS: 'soon' })).toThrow(/ITEM_START_GRACE_MS/);
  });
});
