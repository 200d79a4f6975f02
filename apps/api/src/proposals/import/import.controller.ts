import {
  Body,
  Controller,
  HttpCode,
  Get,
  HttpException,
  Injectable,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, Roles } from '../../auth/decorators';
import { AppException } from '../../common/app-exception';
import { Meta, type CommandMeta } from '../../common/command-meta';
import { ErrorDto } from '../../common/error.dto';
import { BulkAssignmentService } from './bulk-assignment.service';
import { columnsMarkdown } from './columns';
import { BulkAssignmentDto, BulkAssignmentResponseDto, BulkItemErrorDto, ImportResultDto, ImportRowErrorDto, MAX_BULK_ASSIGNMENTS } from './dto';
import { ProposalImportService } from './import.service';
import { ImportProgress, ImportProgressDto } from './import-progress';
import { MAX_IMPORT_ROWS, type UploadedSpreadsheet } from './spreadsheet';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const MulterFile = FileInterceptor('file', {
  // fieldSize: the `assignment` field names every row (10,000 rows: about 0.6 MB of JSON; busboy's default is 1 MB).
  limits: { fileSize: MAX_IMPORT_BYTES, fieldSize: 4 * 1024 * 1024, files: 1, fields: 10, parts: 20 },
});

/** The multipart upload, with multer's errors told in the API's terms. */
@Injectable()
export class ImportFileInterceptor extends MulterFile {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (e) {
      if (!(e instanceof HttpException) || e instanceof AppException) throw e;
      if (e.getStatus() === 413) {
        throw new AppException(413, 'PAYLOAD_TOO_LARGE', `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      if (e.getStatus() === 400) {
        throw new AppException(400, 'IMPORT_BAD_UPLOAD', '上传无效：须为 multipart/form-data，且只含一个字段名为 file 的文件');
      }
      throw e;
    }
  }
}

@ApiTags('proposals 建议提案')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE（仅办公厅）' })
@ApiExtraModels(ImportRowErrorDto, BulkItemErrorDto)
@Controller('proposals')
export class ProposalImportController {
  constructor(
    private readonly imports: ProposalImportService,
    private readonly bulk: BulkAssignmentService,
    private readonly progress: ImportProgress,
  ) {}

  @Post('import')
  @Roles('office')
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: '.xlsx（第一个工作表）或 UTF-8 编码的 .csv（可带 BOM）' },
        assignment: {
          type: 'string',
          description:
            '可选，JSON 文本：登记的同时交办（交办会）{"assignedOn":"YYYY-MM-DD","items":[{"row":2,"mode":"single","leadUnitIds":["cjj"]}, …]}；' +
            'row 为表格行号，其余字段与单件交办相同。未列出的行只登记。',
        },
      },
    },
  })
  @ApiOperation({
    summary: '批量登记（表格导入）',
    description: [
      `第 1 行为表头，其后每行一件，最多 ${MAX_IMPORT_ROWS} 行，文件不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。表头用中文或英文键均可，列的顺序不限，未识别的列（如 序号）忽略。`,
      '',
      columnsMarkdown(),
      '',
      '**全部或全不**：先按单件登记（POST /api/proposals）的同一规则逐行校验，任一行有误即答 400 `IMPORT_INVALID`，' +
        '`details.rows` 列出每处错误 `{row, column, field, message}`（row 为表格行号，表头为第 1 行），不登记任何一件。' +
        '全部无误后逐行登记（与单件登记相同的流程，编号按年度和类别自动分配）。',
      '',
      '同一文件（内容逐字节相同）重复上传不会重复登记：每行的件 id 由文件的 SHA-256 和行号确定，重传时答复已登记的 id 和编号。' +
        '登记中途失败（503 `IMPORT_INCOMPLETE`）时，重新上传同一文件即可补齐。',
    ].join('\n'),
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({
    type: ErrorDto,
    description:
      'IMPORT_INVALID（details.rows: ImportRowErrorDto[]，details.total）/ IMPORT_EMPTY / IMPORT_NO_FILE / IMPORT_BAD_UPLOAD / IMPORT_UNSUPPORTED_FILE / IMPORT_TOO_MANY_ROWS',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorDto, description: 'PAYLOAD_TOO_LARGE' })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: 'IMPORT_INCOMPLETE：部分行未能登记（details.imported / details.failed），请重传同一文件' })
  @ApiQuery({
    name: 'progressId',
    required: false,
    description: '客户端为本次上传取的标识（8–64 位字母、数字、- 或 _）：上传进行中可用 GET /api/proposals/import/progress/{progressId} 查看进度',
  })
  async import(
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
    @Query('progressId') progressId?: string,
    @Body('assignment') assignment?: unknown,
  ): Promise<ImportResultDto> {
    const progress = this.progress.start(user.username, progressId);
    let ok = false;
    try {
      const result = await this.imports.import(file, user, meta, assignment, progress);
      ok = true;
      return result;
    } finally {
      await progress.end(ok);
    }
  }

  @Get('import/progress/:progressId')
  @Roles('office')
  @ApiOperation({
    summary: '批量登记的进度',
    description:
      '上传时带 ?progressId=… 的导入：尚未开始（文件仍在上传）、校验中、登记中（已处理行数 / 总行数）、完成或未完成。' +
      '结束后保留 10 分钟；只能查看本账号的导入（其他标识答复 pending）。进度保存在数据库中，任一 API 进程都可答复。',
  })
  @ApiOkResponse({ type: ImportProgressDto })
  importProgress(@Param('progressId') progressId: string, @CurrentUser() user: AuthUser): Promise<ImportProgressDto> {
    return this.progress.read(user.username, progressId);
  }

  @Post('assignments')
  @HttpCode(200)
  @Roles('office')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '重试同一批交办时携带相同的值：已交办的件答复首次结果，不会重复交办',
  })
  @ApiBody({ type: BulkAssignmentDto })
  @ApiOperation({
    summary: '批量交办（交办会，第六条）',
    description:
      `一次最多 ${MAX_BULK_ASSIGNMENTS} 件，接办之日相同。先校验全部条目（格式、件是否存在、单位是否存在、交办方式与单位数），` +
      '有误即答 400 VALIDATION_FAILED（details.fields 如 items.3.leadUnitIds.0；details.items 按下标列出），不交办任何一件。' +
      '然后逐件交办（与单件交办相同的流程）；某件因其办理状态被拒绝（如 409 ALREADY_ASSIGNED）只记在该件的结果中，不影响其余各件。' +
      '分别办理中有单位退转、其部分待改派的件，按改派办理（与 POST /api/proposals/{id}/units/{unitId}/reassignment 相同）：' +
      'mode 填 separate，leadUnitIds 为接手的单位（可用 fromUnitIds 对应已退转的单位），其他单位的部分不受影响。',
  })
  @ApiOkResponse({ type: BulkAssignmentResponseDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED（details.fields, details.items: BulkItemErrorDto[]）' })
  assignments(@Body() body: unknown, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<BulkAssignmentResponseDto> {
    // validated by the service (all items at once, together with existence and units)
    return this.bulk.assign(body, user, meta);
  }
}
