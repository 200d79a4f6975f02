import type { AppendEventsInput, AppendEventsResult } from '@jyta/workflows';
import { observeTimerAppend, withTimerLag, workerMetricsPortFromEnv, workerRegistry } from './metrics';

const input = (correlationId: string): AppendEventsInput => ({
  streamId: 'proposal-x',
  expectedVersion: 3,
  events: [{ eventId: 'e', type: 'ReplyDeadlinePassed', data: {}, metadata: { actor: null, occurredAt: '2026-05-01T00:00:00.000Z', correlationId } }],
});
const result = (duplicate = false): AppendEventsResult => ({ nextVersion: 4, duplicate, events: [] });

describe('timer lag', () => {
  it('is now − dueAt of an append whose correlation id is timer:<dueAt>', () => {
    expect(observeTimerAppend(input('timer:2026-05-01T00:00:00.000Z'), result(), Date.parse('2026-05-01T00:00:01.500Z'))).toBe(1.5);
  });

  it('ignores commands of users, duplicates (a retry already counted) and unreadable ids', () => {
    expect(observeTimerAppend(input('req-123'), result())).toBeUndefined();
    expect(observeTimerAppend(input('timer:2026-05-01T00:00:00.000Z'), result(true))).toBeUndefined();
    expect(observeTimerAppend(input('timer:soon'), result())).toBeUndefined();
  });

  it('withTimerLag observes the appends it passes through, and answers what the activity answered', async () => {
    const count = async () => {
      const line = (await workerRegistry.metrics()).split('\n').find((l) => l.startsWith('jyta_timer_lag_seconds_count{event="ReplyDeadlinePassed"}'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const before = await count();
    const acts = withTimerLag({ appendEvents: async (_input: AppendEventsInput) => result(), other: 1 });
    await expect(acts.appendEvents(input(`timer:${new Date(Date.now() - 1000).toISOString()}`))).resolves.toEqual(result());
    expect(acts.other).toBe(1);
    expect(await count()).toBe(before + 1);
  });
});

describe('WORKER_METRICS_PORT', () => {
  it('is off when unset or empty, a port when set, refused when not one', () => {
    expect(workerMetricsPortFromEnv({})).toBeUndefined();
    expect(workerMetricsPortFromEnv({ WORKER_METRICS_PORT: ' ' })).toBeUndefined();
    expect(workerMetricsPortFromEnv({ WORKER_METRICS_PORT: '9464' })).toBe(9464);
    expect(() => workerMetricsPortFromEnv({ WORKER_METRICS_PORT: 'x' })).toThrow('WORKER_METRICS_PORT');
  });
});
