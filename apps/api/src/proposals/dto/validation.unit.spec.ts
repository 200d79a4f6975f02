import { ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import { createValidationPipe } from '../../common/validation';
import { isDateOnly } from '../../common/validators';
import { AssignProposalDto } from './assignment.dto';
import { ListProposalsQueryDto } from './list-query.dto';
import { RegisterProposalDto } from './register.dto';
import { ReturnDecisionDto, ReturnRequestDto } from './unit-actions.dto';

const pipe = createValidationPipe();
const body = (metatype: unknown): ArgumentMetadata => ({ type: 'body', metatype: metatype as never });
const query = (metatype: unknown): ArgumentMetadata => ({ type: 'query', metatype: metatype as never });

const registration = (over: Record<string, unknown> = {}) => ({
  kind: 'npc_suggestion',
  level: 'municipal',
  sessionYear: 2026,
  period: 'plenary',
  title: '关于推进老旧小区加装电梯的建议',
  content: '正文',
  topic: '城乡建设',
  proposers: [{ name: '测试代表甲', delegation: '金水区代表团', phone: '13800000000', username: 'deputy-1' }],
  ...over,
});

/** The error body the pipe's exception carries. */
async function fails(value: unknown, meta: ArgumentMetadata) {
  try {
    await pipe.transform(value, meta);
  } catch (e) {
    expect(e).toBeInstanceOf(AppException);
    return (e as AppException).getResponse() as { statusCode: number; code: string; message: string; details: { fields: { field: string; errors: string[] }[] } };
  }
  throw new Error('expected a validation failure');
}
const fieldsOf = async (value: unknown, meta: ArgumentMetadata) => (await fails(value, meta)).details.fields.map((f) => f.field);

describe('register DTO', () => {
  it('accepts the SPEC §10 shape and returns a DTO instance', async () => {
    const dto = await pipe.transform(registration({ key: true }), body(RegisterProposalDto));
    expect(dto).toBeInstanceOf(RegisterProposalDto);
    expect(dto.proposers[0].name).toBe('测试代表甲');
  });

  it.each([
    [{ kind: 'petition' }, 'kind'],
    [{ level: 'galactic' }, 'level'],
    [{ period: 'always' }, 'period'],
    [{ title: '' }, 'title'],
    [{ title: '   ' }, 'title'],
    [{ content: undefined }, 'content'],
    [{ proposers: [] }, 'proposers'],
    [{ proposers: 'x' }, 'proposers'],
    [{ proposers: [{ delegation: 'x' }] }, 'proposers.0.name'],
    [{ proposers: [{ name: 'a' }, { name: 'b', phone: 5 }] }, 'proposers.1.phone'],
    [{ proposers: [{ name: 'a', age: 5 }] }, 'proposers.0.age'],
    [{ sessionYear: 'next' }, 'sessionYear'],
    [{ sessionYear: 2026.5 }, 'sessionYear'],
    [{ key: 'yes' }, 'key'],
    [{ extra: 1 }, 'extra'],
  ])('%j fails naming %s', async (over, field) => {
    const res = await fails(registration(over), body(RegisterProposalDto));
    expect(res).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.details.fields.map((f) => f.field)).toEqual([field]);
    expect(res.message).toContain(field);
    // one Chinese message per field
    expect(res.details.fields[0].errors).toHaveLength(1);
    expect(res.details.fields[0].errors[0]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('tells the most basic problem first', async () => {
    const res = await fails(registration({ sessionYear: 'next', title: undefined }), body(RegisterProposalDto));
    expect(res.details.fields).toEqual([
      { field: 'sessionYear', errors: ['sessionYear 须为整数年份'] },
      { field: 'title', errors: ['标题为必填项'] },
    ]);
  });

  it('refuses a body that is not an object', async () => {
    expect((await fails([], body(RegisterProposalDto))).code).toBe('VALIDATION_FAILED');
    expect((await fails(undefined, body(RegisterProposalDto))).code).toBe('VALIDATION_FAILED');
  });
});

describe('assignment DTO', () => {
  const ok = { mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn: '2026-03-01', responsiblePersons: { cjj: '某某' } };
  it('accepts a valid assignment', async () => {
    expect(await pipe.transform(ok, body(AssignProposalDto))).toMatchObject(ok);
  });
  it.each([
    [{ assignedOn: '2026-13-45' }, 'assignedOn'],
    [{ assignedOn: '2026-02-30' }, 'assignedOn'],
    [{ assignedOn: '1.3.2026' }, 'assignedOn'],
    [{ mode: 'all' }, 'mode'],
    [{ leadUnitIds: [] }, 'leadUnitIds'],
    [{ leadUnitIds: ['CJJ!'] }, 'leadUnitIds'],
    [{ coUnitIds: 'zfbzj' }, 'coUnitIds'],
    [{ responsiblePersons: { cjj: 1 } }, 'responsiblePersons'],
  ])('%j fails naming %s', async (over, field) => {
    expect(await fieldsOf({ ...ok, ...over }, body(AssignProposalDto))).toEqual([field]);
  });
});

describe('unit action DTOs', () => {
  it('a return request needs a reason', async () => {
    expect(await fieldsOf({}, body(ReturnRequestDto))).toEqual(['reason']);
    expect(await fieldsOf({ reason: ' ' }, body(ReturnRequestDto))).toEqual(['reason']);
  });
  it('a decision needs approve as a boolean', async () => {
    expect(await fieldsOf({ approve: 'yes' }, body(ReturnDecisionDto))).toEqual(['approve']);
    expect(await pipe.transform({ approve: false }, body(ReturnDecisionDto))).toEqual({ approve: false });
  });
});

describe('list query DTO', () => {
  it('converts query strings', async () => {
    const q = await pipe.transform({ year: '2026', key: 'true', overdue: 'false', page: '2', pageSize: '50', q: '电梯' }, query(ListProposalsQueryDto));
    expect(q).toMatchObject({ year: 2026, key: true, overdue: false, page: 2, pageSize: 50, q: '电梯' });
  });
  it('names bad parameters', async () => {
    expect(await fieldsOf({ year: 'abc', pageSize: '1000', key: 'maybe', unitId: 'A B' }, query(ListProposalsQueryDto))).toEqual([
      'year',
      'unitId',
      'key',
      'pageSize',
    ]);
  });
});

describe('isDateOnly', () => {
  it('accepts real days only', () => {
    expect(isDateOnly('2024-02-29')).toBe(true);
    expect(isDateOnly('2026-02-29')).toBe(false);
    expect(isDateOnly('2026-1-01')).toBe(false);
    expect(isDateOnly(20260101)).toBe(false);
  });
});
