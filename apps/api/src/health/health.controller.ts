import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { Infrastructure } from '../infrastructure/infrastructure';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error'] })
  database: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error'] })
  temporal: 'ok' | 'error';
}

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(private readonly infra: Infrastructure) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '数据库与 Temporal 是否可用' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<HealthDto> {
    const [db, tp] = await Promise.all([this.infra.databaseReachable(), this.infra.temporalReachable()]);
    const database = db ? ('ok' as const) : ('error' as const);
    const temporal = tp ? ('ok' as const) : ('error' as const);
    const ok = db && tp;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', database, temporal };
  }
}
