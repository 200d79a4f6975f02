import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The shape of every error answer (SPEC §10). */
export class ErrorDto {
  @ApiProperty({ example: 409 })
  statusCode: number;
  @ApiProperty({ example: 'RETURN_WINDOW_CLOSED', description: '稳定的机器可读错误码' })
  code: string;
  @ApiProperty({ example: '退转期限已于 2026-03-16 届满，由接办单位负责办理（第七条）' })
  message: string;
  @ApiPropertyOptional({
    description: '附加信息；VALIDATION_FAILED 时为 {fields:[{field, errors}]}',
    example: { fields: [{ field: 'proposers.0.name', errors: ['提出人姓名不能为空'] }] },
  })
  details?: unknown;
}
