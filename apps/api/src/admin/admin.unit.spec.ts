import type { ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../common/app-exception';
import { createValidationPipe } from '../common/validation';
import type { AppConfig } from '@jyta/config';
import type { AuthUser } from '../auth/auth-user';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { PolicyAdminService, shanghaiYear } from './admin.service';
import { checkCalendarYear, isSecondsPeriod, periodProblem } from './checks';
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
    const res = await refusal(service(true).publish({ returnWindow: 'P15D', replyPeriod: 'PT30S', urgentReplyPeriod: 'pt5s' }, user));
    expect(res).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.details.fields.map((f) => f.field)).toEqual(['replyPeriod', 'urgentReplyPeriod']);
  });

  it('refuses an empty change', async () => {
    const res = await refusal(service(false).publish({}, user));
    expect(res.details.fields.map((f) => f.field)).toEqual(['body']);
  });
});
