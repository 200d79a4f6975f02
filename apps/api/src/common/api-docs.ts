/** OpenAPI decorators that several controllers share. */
import { ApiHeader, ApiParam } from '@nestjs/swagger';

/** Every command endpoint honours Idempotency-Key (see command-meta.ts). */
export const IdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '重试同一操作时携带相同的值，操作只执行一次（1–200 个可见 ASCII 字符）',
  });
export const IdParam = () => ApiParam({ name: 'id', format: 'uuid', description: '建议提案 id' });
export const UnitParam = () => ApiParam({ name: 'unitId', example: 'rsj', description: '单位代码' });
