import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { listPublicReplies, type PublicReply } from '@jyta/proposal-read-models';
import { Public } from '../auth/decorators';
import { AppException } from '../common/app-exception';
import { ErrorDto } from '../common/error.dto';
import { DirectoryService } from '../directory/directory.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import { PublicRepliesQueryDto } from './dto/disclosure.dto';

/** One published reply: no proposer, no cc list, no contact — only what the unit chose to publish. */
export class PublicReplyDto {
  @ApiProperty() replyId: string;
  @ApiProperty({ example: '2026-建议-0001' }) proposalNumber: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: ['npc_suggestion', 'cppcc_proposal', 'cppcc_recommendation'] }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true }) topic: string | null;
  @ApiProperty({ example: 'rsj', description: '答复单位代码' }) unitId: string;
  @ApiProperty({ example: '市人社局', description: '答复单位名称（谁办理、谁答复、谁公开）' }) unitName: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) category: string;
  @ApiProperty({ enum: ['full', 'summary', 'withheld'] }) mode: 'full' | 'summary' | 'withheld';
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '全文（已隐去个人信息）或摘要；不予公开时为空' }) text: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '不予公开的理由' }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class PublicRepliesPageDto {
  @ApiProperty({ type: PublicReplyDto, isArray: true }) items: PublicReplyDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicUnitDto {
  @ApiProperty({ example: 'rsj' }) code: string;
  @ApiProperty({ example: '市人社局' }) name: string;
}

/** The public site (Art. 20, SPEC §7): no token; only what public_replies holds. */
@ApiTags('public 办理结果公开')
@Controller('public')
export class PublicController {
  constructor(
    private readonly infra: Infrastructure,
    private readonly directory: DirectoryService,
  ) {}

  @Get('replies')
  @Public()
  @ApiOperation({
    summary: '公开的办理复文（第二十条）',
    description: '只列出承办单位已选择公开方式的答复：全文公开（已隐去代表委员姓名、联系方式和抄送范围）、摘要公开或不予公开（仅公开理由）。',
  })
  @ApiOkResponse({ type: PublicRepliesPageDto })
  async replies(@Query() q: PublicRepliesQueryDto): Promise<PublicRepliesPageDto> {
    const page = await listPublicReplies(this.infra.pool, {
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.topic ? { topic: q.topic } : {}),
      ...(q.q ? { q: q.q } : {}),
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 20,
    });
    return { ...page, items: await this.named(page.items) };
  }

  @Get('replies/:replyId')
  @Public()
  @ApiOperation({ summary: '一件公开的办理复文（第二十条）' })
  @ApiOkResponse({ type: PublicReplyDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PUBLIC_REPLY_NOT_FOUND：不存在或未公开' })
  async reply(@Param('replyId') replyId: string): Promise<PublicReplyDto> {
    // Reply ids are uuids (or uuid-like copies): anything else names no reply, and never reaches SQL (U+0000 would be a 500).
    const { items } = /^[A-Za-z0-9_-]{1,100}$/.test(replyId) ? await listPublicReplies(this.infra.pool, { replyId, page: 1, pageSize: 1 }) : { items: [] };
    if (!items.length) throw new AppException(404, 'PUBLIC_REPLY_NOT_FOUND', '该办理复文不存在或未公开');
    return (await this.named(items))[0];
  }

  @Get('units')
  @Public()
  @ApiOperation({ summary: '承办单位（公开查询的筛选项）', description: '单位代码与名称；不含任何人员信息。' })
  @ApiOkResponse({ type: PublicUnitDto, isArray: true })
  async units(): Promise<PublicUnitDto[]> {
    return (await this.directory.allUnits()).map((u) => ({ code: u.code, name: u.name }));
  }

  /** The unit's name from the directory: the public reads who answered, not a code. */
  private async named(items: PublicReply[]): Promise<PublicReplyDto[]> {
    const names = await this.directory.unitNames();
    return items.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '承办单位' }));
  }
}
