import { ArgumentMetadata } from '@nestjs/common';
import { AppException } from '../../common/app-exception';
import { createValidationPipe } from '../../common/validation';
import { CoUnitOpinionDto, InstructionsAnswerDto, InstructionsRequestDto, ProgressReportDto } from './handling.dto';

const pipe = createValidationPipe();
const body = (metatype: unknown): ArgumentMetadata => ({ type: 'body', metatype: metatype as never });

async function fieldsOf(value: unknown, metatype: unknown): Promise<string[]> {
  try {
    await pipe.transform(value, body(metatype));
  } catch (e) {
    expect(e).toBeInstanceOf(AppException);
    return ((e as AppException).getResponse() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
  }
  throw new Error('expected a validation failure');
}

describe('会办意见 / 请示 / 督办台账 DTOs', () => {
  it('accept well-formed bodies', async () => {
    await expect(pipe.transform({ opinion: '同意主办单位意见' }, body(CoUnitOpinionDto))).resolves.toBeInstanceOf(CoUnitOpinionDto);
    await expect(pipe.transform({ authority: '省住建厅', matter: '补贴资金' }, body(InstructionsRequestDto))).resolves.toBeInstanceOf(InstructionsRequestDto);
    await expect(pipe.transform({ answer: '同意', on: '2026-11-23' }, body(InstructionsAnswerDto))).resolves.toBeInstanceOf(InstructionsAnswerDto);
    await expect(pipe.transform({ month: '2026-12', progress: '进展' }, body(ProgressReportDto))).resolves.toBeInstanceOf(ProgressReportDto);
  });

  it.each([
    [{ opinion: '  ' }, CoUnitOpinionDto, ['opinion']],
    [{}, CoUnitOpinionDto, ['opinion']],
    [{ authority: '', matter: 3 }, InstructionsRequestDto, ['authority', 'matter']],
    [{ answer: '同意', on: '23/11/2026' }, InstructionsAnswerDto, ['on']],
    [{ month: '2026-13', progress: '进展' }, ProgressReportDto, ['month']],
    [{ month: '2026-1', progress: '' }, ProgressReportDto, ['month', 'progress']],
    [{ month: '2026-12', progress: '进展', extra: 1 }, ProgressReportDto, ['extra']],
  ])('refuses %j naming the fields', async (value, metatype, fields) => {
    expect((await fieldsOf(value, metatype)).sort()).toEqual(fields);
  });
});
