import type { ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { createValidationPipe } from '../common/validation';
import type { AppConfig } from '@jyta/config';
import type { AuthUser } from '../auth/auth-user';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { DEFAULT_POLICY } from '@jyta/proposal-domain';
import { PolicyAdminService, policyChanges, savedMessage, secondsFields, shanghaiYear, toPolicyDto } from './admin.service';
import { checkCalendarYear, isSecondsPeriod, periodProblem, reminderListProblem, reminderPeriodProblem } from './checks';
import { newProgress, type OperationProgress } from '@jyta/workflows';
import { amendmentReason, type RecomputeReport } from './recompute-running-items.service';
import { PutCalendarYearDto } from './dto/calendar.dto';
import { UpdatePolicyDto } from './dto/policy.dto';
import { YearPipe } from './year.pipe';

const pipe = createValidationPipe();
const body = (metatype: unknown): ArgumentMetadata => ({ type: 'body', metatype: metatype as never });

async function fieldsOf(value: unknown, metatype: unknown): Promise<string[]> {
  try {
    await pipe.transform(value, body(metatype));
  } catch (e) {
    expect(e).toBeInstanceOf(AppException);
    const res = (e as AppException).getResponse() as { code: string; details: { fields: { field: string }[] } };
    expect(res.code).toBe('VALIDATION_FAILED');
    return res.details.fields.map((f) => f.field);
  }
  throw new Error('expected a validation failure');
}

describe('policy periods', () => {
  it.each(['P15D', 'P3M', 'P10WD', 'PT30S', 'p15d', 'P12M', 'P366D'])('accepts %s', (s) => expect(periodProblem(s)).toBeUndefined());
  it.each([['P0D'], ['15D'], ['P1.5M'], [''], ['P13M'], ['P400D'], ['P251WD'], [15], [null]])('refuses %p', (s) =>
    expect(periodProblem(s)).toEqual(expect.any(String)),
  );
  it('tells seconds apart', () => {
    expect(isSecondsPeriod('PT30S')).toBe(true);
    expect(isSecondsPeriod('P30D')).toBe(false);
    expect(isSecondsPeriod('nonsense')).toBe(false);
  });

  it('the DTO accepts any subset and names the bad field (null is not "unchanged")', async () => {
    expect(await pipe.transform({ returnWindow: 'P10D' }, body(UpdatePolicyDto))).toBeInstanceOf(UpdatePolicyDto);
    expect(await pipe.transform({}, body(UpdatePolicyDto))).toBeInstanceOf(UpdatePolicyDto);
    expect(await fieldsOf({ replyPeriod: 'three months' }, UpdatePolicyDto)).toEqual(['replyPeriod']);
    expect(await fieldsOf({ urgentReplyPeriod: null }, UpdatePolicyDto)).toEqual(['urgentReplyPeriod']);
    expect(await fieldsOf({ returnWindow: 'P15D', version: 7 }, UpdatePolicyDto)).toEqual(['version']);
  });
});

describe('reminders, feedback and the other policy fields', () => {
  it('reminder lead times are days or seconds: months and working days would be ignored by the timers', () => {
    for (const ok of ['P30D', 'P7D', 'PT10S', 'PT0S']) expect(reminderPeriodProblem(ok)).toBeUndefined();
    expect(reminderPeriodProblem('P1M')).toContain('不能用月或工作日');
    expect(reminderPeriodProblem('P5WD')).toContain('不能用月或工作日');
    expect(reminderPeriodProblem('PT0S', true)).toBe('间隔须大于零');
    expect(reminderPeriodProblem('P400D')).toContain('期间过长');
  });

  it('a reminder list: at most five, no repeats, each a lead time; empty means none', () => {
    expect(reminderListProblem([])).toBeUndefined();
    expect(reminderListProblem(['P30D', 'P7D', 'PT5S'])).toBeUndefined();
    expect(reminderListProblem('P30D')).toEqual(expect.any(String));
    expect(reminderListProblem(['P30D', 'p30d'])).toBe('P30D 重复');
    expect(reminderListProblem(['P30D', 'P1M'])).toMatch(/^第 2 项/);
    expect(reminderListProblem(['P1D', 'P2D', 'P3D', 'P4D', 'P5D', 'P6D'])).toBe('最多 5 次提醒');
  });

  it('the DTO takes every field and names the bad one', async () => {
    const all = {
      feedbackPeriod: 'P30D',
      replyReminders: ['P30D', 'P7D'],
      returnWindowReminders: [],
      overdueReminderEvery: 'P7D',
      coUnitOpinionLeadTime: 'P20D',
      progressReportDays: { co: 20, lead: 25 },
    };
    expect(await pipe.transform(all, body(UpdatePolicyDto))).toBeInstanceOf(UpdatePolicyDto);
    expect(await fieldsOf({ replyReminders: ['P1M'] }, UpdatePolicyDto)).toEqual(['replyReminders']);
    expect(await fieldsOf({ returnWindowReminders: 'P3D' }, UpdatePolicyDto)).toEqual(['returnWindowReminders']);
    expect(await fieldsOf({ overdueReminderEvery: 'PT0S' }, UpdatePolicyDto)).toEqual(['overdueReminderEvery']);
    expect(await fieldsOf({ feedbackPeriod: 'P30' }, UpdatePolicyDto)).toEqual(['feedbackPeriod']);
    expect(await fieldsOf({ rehandlingPeriod: 'P13M' }, UpdatePolicyDto)).toEqual(['rehandlingPeriod']);
    expect(await fieldsOf({ coUnitOpinionLeadTime: null }, UpdatePolicyDto)).toEqual(['coUnitOpinionLeadTime']);
    expect(await fieldsOf({ progressReportDays: { co: 0, lead: 25 } }, UpdatePolicyDto)).toEqual(['progressReportDays.co']);
    expect(await fieldsOf({ progressReportDays: { co: 22 } }, UpdatePolicyDto)).toEqual(['progressReportDays.lead']);
    expect(await fieldsOf({ progressReportDays: 22 }, UpdatePolicyDto)).toContain('progressReportDays');
    expect(await pipe.transform({ evaluationWeights: { on_time: 30, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 } }, body(UpdatePolicyDto))).toBeInstanceOf(UpdatePolicyDto);
    expect(await fieldsOf({ evaluationWeights: { on_time: -1, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 } }, UpdatePolicyDto)).toEqual(['evaluationWeights']);
    expect(await fieldsOf({ evaluationWeights: { on_time: 1 } }, UpdatePolicyDto)).toEqual(['evaluationWeights']);
    expect(await fieldsOf({ evaluationWeights: { on_time: 0, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 0 } }, UpdatePolicyDto)).toEqual(['evaluationWeights']);
  });

  it('evaluation weights are kept as given (relative); a version without them reads with the code defaults', () => {
    expect(policyChanges({ evaluationWeights: { on_time: 2, face_to_face: 1, key_satisfaction: 1, satisfaction: 0, solved: 0 } })).toEqual({
      evaluationWeights: { on_time: 2, face_to_face: 1, key_satisfaction: 1, satisfaction: 0, solved: 0 },
    });
    const dto = toPolicyDto({ policy: { version: 2, returnWindow: 'P10D', replyPeriod: 'P3M', urgentReplyPeriod: 'P1M' }, createdAt: null, createdBy: 'admin' });
    expect(dto.evaluationWeights).toEqual({ on_time: 30, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 });
  });

  it('normalises the changes and finds every period in seconds, list entries included', () => {
    const changes = policyChanges({ replyReminders: ['p30d', ' pt5s '], overdueReminderEvery: 'pt4s', progressReportDays: { co: 20, lead: 24 } });
    expect(changes).toEqual({ replyReminders: ['P30D', 'PT5S'], overdueReminderEvery: 'PT4S', progressReportDays: { co: 20, lead: 24 } });
    expect(secondsFields(changes)).toEqual(['overdueReminderEvery', 'replyReminders.1']);
  });

  it('a version stored before a field existed reads with its default; every period has a Chinese label', () => {
    const dto = toPolicyDto({ policy: { version: 2, returnWindow: 'P10D', replyPeriod: 'P3M', urgentReplyPeriod: 'P1M' }, createdAt: null, createdBy: 'admin' });
    expect(dto).toMatchObject({ version: 2, returnWindow: 'P10D', feedbackPeriod: DEFAULT_POLICY.feedbackPeriod, replyReminders: ['P30D', 'P7D'] });
    expect(dto.labels).toMatchObject({ returnWindow: '10日', replyReminders: ['30日', '7日'], returnWindowReminders: ['3日'], overdueReminderEvery: '7日' });
  });
});

describe('recomputing running items after a calendar amendment', () => {
  const admin = { id: 'u', username: 'admin', role: 'admin', unitId: null, displayName: '管理员' } as AuthUser;

  it('the reason names the year and the administrator', () => {
    expect(amendmentReason(2027, admin)).toBe('节假日安排调整：2027 年（管理员 admin）');
  });

  const finished = (report: RecomputeReport) => ({ operationId: 'recompute-deadlines-x', report, progress: null });

  it('the message says how many items were recomputed, changed and failed', () => {
    expect(savedMessage(2027, finished({ items: 0, changed: 0, failed: [] }))).toBe('已保存 2027 年节假日安排，此后交办的件按新日历计算。没有期限涉及该年的在办件。');
    expect(savedMessage(2027, finished({ items: 5, changed: 2, failed: [] }))).toContain('在办件 5 件已按新日历重新计算，其中 2 件期限有变化。');
    const failed = savedMessage(2027, finished({ items: 5, changed: 2, failed: [{ id: 'x', number: '2026-建议-0001', code: 'COMMAND_TIMEOUT', message: '…' }] }));
    expect(failed).toContain('1 件未能重新计算（2026-建议-0001），可稍后再次保存该年以重试');
  });

  it('a recompute still running is named with its progress and where to follow it', () => {
    const progress: OperationProgress = { ...newProgress('recompute-deadlines', 30, ''), done: 12, changed: 9 };
    expect(savedMessage(2027, { operationId: 'recompute-deadlines-x', report: null, progress })).toBe(
      '已保存 2027 年节假日安排，此后交办的件按新日历计算。期限涉及该年的在办件正在后台按新日历重新计算（共 30 件，已完成 12 件），可通过 GET /api/operations/recompute-deadlines-x 查看进度。',
    );
  });
});

describe('calendar year check', () => {
  it('accepts holidays on weekdays and 调休 on weekends, noting holidays on weekends', () => {
    const r = checkCalendarYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' }, // Friday
      { date: '2027-01-02', kind: 'holiday', name: '元旦' }, // Saturday
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' }, // Saturday
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.field)).toEqual(['days.1.date']);
  });

  it('names days.<i>.date for another year, a duplicate and a 调休 on a weekday', () => {
    const r = checkCalendarYear(2027, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: '元旦' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'workday', name: '调休' }, // Monday
    ]);
    expect(r.errors.map((e) => e.field)).toEqual(['days.1.date', 'days.2.date', 'days.3.date']);
  });

  it('the DTO names malformed entries', async () => {
    expect(await fieldsOf({ days: [{ date: '2027-02-30', kind: 'holiday', name: 'x' }] }, PutCalendarYearDto)).toEqual(['days.0.date']);
    expect(await fieldsOf({ days: [{ date: '2027-01-01', kind: 'rest', name: 'x' }] }, PutCalendarYearDto)).toEqual(['days.0.kind']);
    expect(await fieldsOf({ days: [{ date: '2027-01-01', kind: 'holiday', name: ' ' }] }, PutCalendarYearDto)).toEqual(['days.0.name']);
    expect(await fieldsOf({ days: [] }, PutCalendarYearDto)).toEqual(['days']);
    expect(await fieldsOf({}, PutCalendarYearDto)).toEqual(['days']);
  });
});

describe('year parameter and the Shanghai year', () => {
  it('parses four-digit years only', () => {
    expect(new YearPipe().transform('2027')).toBe(2027);
    // the global ValidationPipe (transform: true) may hand it over as a number already
    expect(new YearPipe().transform(2027)).toBe(2027);
    for (const bad of ['27', 'abc', '2027.5', '12345', '0999']) expect(() => new YearPipe().transform(bad)).toThrow(AppException);
  });
  it('turns the year at midnight in Shanghai, not UTC', () => {
    expect(shanghaiYear(Date.parse('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(shanghaiYear(Date.parse('2026-12-31T15:59:59Z'))).toBe(2026);
  });
});

describe('publishing a policy', () => {
  const user = { id: 'u', username: 'admin', role: 'admin', unitId: null, displayName: '管理员' } as AuthUser;
  // Refusals happen before any database access: a pool that is never touched.
  const service = (production: boolean) =>
    new PolicyAdminService({ pool: undefined } as unknown as Infrastructure, { production } as AppConfig);
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppException);
    return (e as AppException).getResponse() as { statusCode: number; code: string; details: { fields: { field: string }[] } };
  };

  it('refuses seconds in production, naming every such field', async () => {
    const res = await refusal(
      service(true).publish({ returnWindow: 'P15D', replyPeriod: 'PT30S', urgentReplyPeriod: 'pt5s', returnWindowReminders: ['P3D', 'PT5S'] }, user),
    );
    expect(res).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.details.fields.map((f) => f.field)).toEqual(['replyPeriod', 'urgentReplyPeriod', 'returnWindowReminders.1']);
  });

  it('refuses an empty change', async () => {
    const res = await refusal(service(false).publish({}, user));
    expect(res.details.fields.map((f) => f.field)).toEqual(['body']);
  });
});
