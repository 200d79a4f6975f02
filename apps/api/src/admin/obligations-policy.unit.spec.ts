import type { ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { createValidationPipe } from '../common/validation';
import { DEFAULT_POLICY } from '@jyta/proposal-domain';
import { policyChanges, toPolicyDto } from './admin.service';
import { obligationPeriodProblem } from './checks';
import { UpdatePolicyDto } from './dto/policy.dto';

const pipe = createValidationPipe();
const body: ArgumentMetadata = { type: 'body', metatype: UpdatePolicyDto };
async function badFields(value: unknown): Promise<string[]> {
  try {
    await pipe.transform(value, body);
  } catch (e) {
    expect(e).toBeInstanceOf(AppException);
    return ((e as AppException).getResponse() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
  }
  return [];
}

describe('policy of the obligations (催办升级, 承诺事项跟踪)', () => {
  it('defaults: the leader 7 and 3 days before, the supervisors weekly once overdue, a promise every 3 months with 15 days to report', () => {
    const dto = toPolicyDto({ policy: DEFAULT_POLICY, createdAt: null, createdBy: null });
    expect(dto).toMatchObject({ leaderReminders: ['P7D', 'P3D'], supervisionReminderEvery: 'P7D', promiseFollowUpEvery: 'P3M', promiseReportWithin: 'P15D' });
    expect(dto.labels).toMatchObject({ leaderReminders: ['7日', '3日'], supervisionReminderEvery: '7日', promiseFollowUpEvery: '3个月', promiseReportWithin: '15日' });
  });

  it('the interval and the report time are plain time above zero; the promise period may be months, not zero or working days', () => {
    expect(obligationPeriodProblem('supervisionReminderEvery', 'P0D')).toContain('无效的期间');
    expect(obligationPeriodProblem('supervisionReminderEvery', 'P1M')).toContain('不能用月');
    expect(obligationPeriodProblem('promiseReportWithin', 'PT30S')).toBeUndefined();
    expect(obligationPeriodProblem('promiseFollowUpEvery', 'P3M')).toBeUndefined();
    expect(obligationPeriodProblem('promiseFollowUpEvery', 'P0M')).toContain('无效的期间');
    expect(obligationPeriodProblem('promiseFollowUpEvery', 'P10WD')).toContain('工作日');
    expect(obligationPeriodProblem('promiseFollowUpEvery', 'P13M')).toContain('过长');
  });

  it('the DTO names each bad field and takes good ones, normalised', async () => {
    expect(await badFields({ leaderReminders: ['P1M'], supervisionReminderEvery: 'P0D', promiseFollowUpEvery: 'x', promiseReportWithin: null })).toEqual([
      'leaderReminders',
      'supervisionReminderEvery',
      'promiseFollowUpEvery',
      'promiseReportWithin',
    ]);
    const good = { leaderReminders: ['p5d'], supervisionReminderEvery: 'P14D', promiseFollowUpEvery: 'p6m', promiseReportWithin: 'P30D' };
    expect(await badFields(good)).toEqual([]);
    expect(policyChanges(good as UpdatePolicyDto)).toEqual({ leaderReminders: ['P5D'], supervisionReminderEvery: 'P14D', promiseFollowUpEvery: 'P6M', promiseReportWithin: 'P30D' });
  });
});
