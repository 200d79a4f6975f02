import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { listPublicReplies } from '@jyta/proposal-read-models';
import { Public } from '../auth/decorators';
import { Infrastructure } from '../infrastructure/infrastructure';
import { PublicRepliesQueryDto } from './dto/disclosure.dto';

/** The public site (Art. 20, SPEC §7): no token; only what public_replies holds. */
@ApiTags('public 办理结果公开')
@Controller('public')
export class PublicController {
  constructor(private readonly infra: Infrastructure) {}

  @Get('replies')
  @Public()
  @ApiOperation({
    summary: '公开的办理复文（第二十条）',
    description: '只列出承办单位已选择公开方式的答复：全文公开（已隐去代表委员姓名、联系方式和抄送范围）、摘要公开或不予公开（仅公开理由）。',
  })
  replies(@Query() q: PublicRepliesQueryDto) {
    return listPublicReplies(this.infra.pool, {
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.topic ? { topic: q.topic } : {}),
      ...(q.q ? { q: q.q } : {}),
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
  }
}
