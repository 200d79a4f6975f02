import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdParam } from '../common/api-docs';
import { ErrorDto } from '../common/error.dto';
import { ProposalIdPipe } from '../common/params';
import { ListProposalsQueryDto } from '../proposals/dto/list-query.dto';
import { KpiQueryDto } from '../stats/stats.dto';
import { AnnualQueryDto, EvaluationQueryDto, GovernmentDocumentQueryDto, QuarterlyQueryDto } from './reports.dto';
import { DOCX_TYPE, ReportsService, XLSX_TYPE, type FileAnswer } from './reports.service';

/** What a file answer needs of the HTTP response (Express's, under Nest). */
interface Response {
  setHeader(name: string, value: string): unknown;
}

/** A file download: its type, and its Chinese name in RFC 5987 form (with an ASCII fallback). */
function file(res: Response, f: FileAnswer): StreamableFile {
  res.setHeader('content-type', f.contentType);
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
  return new StreamableFile(f.body);
}

const STATS_ROLES = ['office', 'npc_liaison', 'cppcc_liaison', 'vice_mayor', 'unit_leader', 'unit_handler'] as const;

@ApiTags('reports 报表与文书')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED / EXPORT_TOO_LARGE' })
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE / NOT_YOUR_ITEM / NOT_YOUR_UNIT / NOT_YOUR_CHAMBER' })
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('proposals/export')
  @ApiOperation({ summary: '导出台账（.xlsx）', description: '与列表相同的筛选条件和可见范围；每件一行：编号、类别、标题、提出人、承办单位、日期、期限、进度、答复类别、反馈结果。' })
  @ApiProduces(XLSX_TYPE)
  async ledger(@Query() q: ListProposalsQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return file(res, await this.reports.ledger(user, q));
  }

  @Get('proposals/:id/replies/:replyId/letter')
  @IdParam()
  @ApiOperation({ summary: '答复函（.docx，GB/T 9704-2012 版式）', description: '右上角标注答复类别（A/B/C/D），含发文机关、发文字号、标题、主送、正文、署名、日期和抄送。' })
  @ApiProduces(DOCX_TYPE)
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND' })
  async letter(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return file(res, await this.reports.letter(user, id, replyId));
  }

  @Get('proposals/:id/replies/:replyId/feedback-form')
  @IdParam()
  @ApiOperation({ summary: '征求意见表（.docx）', description: '随答复函寄送（第十一条）：办理态度、办理结果、是否联系及方式、意见建议；已网上反馈的填入反馈内容。' })
  @ApiProduces(DOCX_TYPE)
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND' })
  async feedbackForm(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return file(res, await this.reports.feedbackForm(user, id, replyId));
  }

  @Get('proposals/:id/replies/:replyId/government-document')
  @IdParam()
  @ApiOperation({
    summary: '市政府正式文件（.docx，GB/T 9704-2012 版式）',
    description:
      '省级、全国件：建议提案处整理、分管副市长签发的正式文件（第九、十条），版式同答复函：发文机关“市人民政府”、文号、右上角答复类别、主送、正文、署名、日期，抄送省人大选任联工委、省政府办公厅、省政协提案委。缺省为最新一稿，round 指定第几稿；代表委员只能取得已发出的文件。',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROPOSAL_NOT_FOUND / REPLY_NOT_FOUND / DOCUMENT_NOT_FOUND' })
  async governmentDocument(
    @Param('id', ProposalIdPipe) id: string,
    @Param('replyId') replyId: string,
    @Query() q: GovernmentDocumentQueryDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ) {
    return file(res, await this.reports.governmentDocument(user, id, replyId, q.round));
  }

  @Get('reports/annual')
  @Roles('office', 'npc_liaison', 'cppcc_liaison')
  @ApiOperation({
    summary: '年度办理工作总结报告代拟稿（第十二条）',
    description:
      'chamber=npc：市政府向市人大常委会书面报告人大代表建议办理情况；chamber=cppcc：向市政协书面通报政协委员提案办理情况。由事件计算：总数、各承办单位、A/B/C/D 类、按时答复、见面沟通、满意率、重点件、典型成果、存在问题（超期、不满意、逾期未反馈、未按月报送进度、B 类承诺未办结）、应报送总结的单位（当年承办 2 件以上）。format=docx 为 GB/T 9704 版式的代拟稿。联络机构只能取本口。',
  })
  @ApiProduces('application/json', DOCX_TYPE)
  async annual(@Query() q: AnnualQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    if (q.format === 'docx') return file(res, await this.reports.annualFile(user, q));
    return this.reports.annual(user, q);
  }

  @Get('reports/kpis')
  @Roles(...STATS_ROLES)
  @ApiOperation({ summary: '考核指标表（.xlsx）', description: '与 GET /api/stats/kpis 相同的数字和范围：总体、分口、分单位、分分管副市长。' })
  @ApiProduces(XLSX_TYPE)
  async kpis(@Query() q: KpiQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    return file(res, await this.reports.kpiWorkbook(user, q));
  }

  @Get('reports/quarterly')
  @Roles('office', 'npc_liaison', 'cppcc_liaison')
  @ApiOperation({
    summary: '季度办理情况通报（第八条）',
    description:
      '各承办单位的进展、结果和问题（超期未答复、不满意、逾期未反馈、未按月报送办理进度、B 类答复承诺尚未办结），截至季度末；format=docx 为可打印的通报。联络机构只含本口。',
  })
  @ApiProduces('application/json', DOCX_TYPE)
  async quarterly(@Query() q: QuarterlyQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    if (q.format === 'docx') return file(res, await this.reports.quarterlyFile(user, q));
    return this.reports.quarterly(user, q);
  }

  @Get('reports/evaluation')
  @Roles('office')
  @ApiOperation({
    summary: '年终考核排名（第二十一条）',
    description: '按第十六条各项指标的达标程度（比率/目标，至多 1）加权计分（政策默认权重：按时答复 30、见面沟通 20、重点件及建议案满意 15、满意 25、A 类 10；无已决数字的指标不计入），排名；全部达标的单位列为表彰，未达标指标列出。format=xlsx 导出表格。',
  })
  @ApiProduces('application/json', XLSX_TYPE)
  async evaluation(@Query() q: EvaluationQueryDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    if (q.format === 'xlsx') return file(res, await this.reports.evaluationFile(user, q.year));
    return this.reports.evaluation(user, q.year);
  }
}
