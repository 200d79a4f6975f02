import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { refusalOf, stepFaultFromEnv } from './operation-activities';

describe('the crash-test hook FAULT_OPERATION_STEP', () => {
  it('is off unless set, reads after:<ms>', () => {
    expect(stepFaultFromEnv({})).toBeUndefined();
    expect(stepFaultFromEnv({ FAULT_OPERATION_STEP: 'after:2000' })).toEqual({ delayMs: 2000 });
  });
  it.each(['before:10', 'after:', 'after:-1', 'x'])('refuses %s with a clear message', (raw) => {
    expect(() => stepFaultFromEnv({ FAULT_OPERATION_STEP: raw })).toThrow(/FAULT_OPERATION_STEP/);
  });
  it('is refused in production', () => {
    expect(() => stepFaultFromEnv({ FAULT_OPERATION_STEP: 'after:10', NODE_ENV: 'production' })).toThrow(/production/);
  });
});

describe('refusalOf: what an operation records of a refused step', () => {
  const failed = (f: ApplicationFailure) => new WorkflowUpdateFailedError('update failed', f);

  it('the domain code, its status and details, as the API would answer them', () => {
    const f = ApplicationFailure.create({ type: 'ALREADY_ASSIGNED', message: '该件已交办', details: [{ status: 409, details: { unitId: 'rsj' } }], nonRetryable: true });
    expect(refusalOf(failed(f))).toEqual({ code: 'ALREADY_ASSIGNED', status: 409, message: '该件已交办', details: { unitId: 'rsj' } });
  });
  it('a VALIDATION_FAILED without a status is 400; anything else 409', () => {
    expect(refusalOf(failed(ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'x' })))).toMatchObject({ status: 400 });
    expect(refusalOf(failed(ApplicationFailure.create({ type: 'X', message: 'x', details: [{ status: 500 }] })))).toMatchObject({ status: 409 });
  });
  it('other errors are no refusal (the activity retries them)', () => {
    expect(refusalOf(new Error('UNAVAILABLE'))).toBeUndefined();
  });
});
