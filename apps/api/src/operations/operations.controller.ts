import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { operationKindOf } from '@jyta/workflows';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { ErrorDto } from '../common/error.dto';
import { OperationDto } from './dto/operation.dto';
import { ProjectionStatusDto, ProjectionsDto } from './dto/projection.dto';
import { operationNotFound, OperationsService, type OperationView } from './operations.service';
import { ProjectionsService } from './projections.service';

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE' })
@Controller()
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('operations/:id')
  @Roles('admin', 'office')
  @ApiParam({ name: 'id', example: 'recompute-deadlines-6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11' })
  @ApiOperation({
    summary: '后台操作的进度与结果',
    description:
      '节假日修订后的期限重新计算（admin）、并案与拆分（office）在后台以工作流执行：工作进程或 API 崩溃后从中断处继续，每件只处理一次。' +
      '进行中时给出 total / done / changed / failed；完成后给出最终结果。建议提案处只能查看并案与拆分操作。',
  })
  @ApiOkResponse({ type: OperationDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'OPERATION_NOT_FOUND' })
  @ApiServiceUnavailableResponse({ type: ErrorDto, description: 'OPERATION_PROGRESS_UNAVAILABLE：工作进程暂不可用，稍后再试' })
  async operation(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<OperationView> {
    const kind = operationKindOf(id);
    // The office sees its own kinds of operation only; the rest does not exist for it.
    if (!kind || (user.role === 'office' && kind === 'recompute-deadlines')) throw operationNotFound(id);
    return this.operations.read(id);
  }

  @Get('admin/projections')
  @Roles('admin')
  @ApiOperation({
    summary: '读模型（投影）状态',
    description:
      '每个投影的检查点、落后事件数（lag）和被搁置的事件数（parked）。投影无法处理的事件会被搁置（记录错误并报警），投影继续处理之后的事件；' +
      '修复后可重建投影。parkedEvents 列出最早的被搁置事件。',
  })
  @ApiOkResponse({ type: ProjectionsDto })
  list(): Promise<ProjectionsDto> {
    return this.projections.list();
  }

  @Post('admin/projections/:name/rebuild')
  @Roles('admin')
  @HttpCode(202)
  @ApiParam({ name: 'name', example: 'proposal_list', description: '投影名：proposal_list、notifications' })
  @ApiOperation({
    summary: '重建投影',
    description:
      '清空该读模型和它被搁置的事件、检查点回到起点（在一个事务内），随后投影从事件库重放全部事件（后台进行，进度见 GET /api/admin/projections 的 lag）。' +
      '仍无法处理的事件会再次被搁置。重放完成（lag 归零）之前，该读模型（如件的列表、公开答复）不完整；件的详情和命令不受影响（直接读事件）。' +
      '请勿在节假日重新计算进行中重建 proposal_list（重新计算按列表选取在办件）。',
  })
  @ApiAcceptedResponse({ type: ProjectionStatusDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'PROJECTION_NOT_FOUND' })
  rebuild(@Param('name') name: string): Promise<ProjectionStatusDto> {
    return this.projections.rebuild(name);
  }
}
