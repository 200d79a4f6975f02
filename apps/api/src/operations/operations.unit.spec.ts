import { operationId, operationKindOf } from '@jyta/workflows';
import { operationWaitMsFromEnv } from './operations.service';

describe('operations', () => {
  it('an operation id names its kind; anything else is no operation', () => {
    const id = operationId('merge-items', '0f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11');
    expect(id).toBe('merge-items-0f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11');
    expect(operationKindOf(id)).toBe('merge-items');
    expect(operationKindOf('recompute-deadlines-0f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11')).toBe('recompute-deadlines');
    expect(operationKindOf('proposal-0f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11')).toBeUndefined();
    expect(operationKindOf('merge-items-x')).toBeUndefined();
  });

  it('OPERATION_WAIT_MS: 15 s unless set, a whole number of milliseconds', () => {
    expect(operationWaitMsFromEnv({})).toBe(15_000);
    expect(operationWaitMsFromEnv({ OPERATION_WAIT_MS: '0' })).toBe(0);
    expect(() => operationWaitMsFromEnv({ OPERATION_WAIT_MS: '-1' })).toThrow(/OPERATION_WAIT_MS/);
    expect(() => operationWaitMsFromEnv({ OPERATION_WAIT_MS: 'soon' })).toThrow(/OPERATION_WAIT_MS/);
  });
});
