import { ApiProperty } from '@nestjs/swagger';
import { OPERATION_KINDS } from '@jyta/workflows';

export class OperationFailureDto {
  @ApiProperty({ format: 'uuid', description: '件的 id' }) proposalId: string;
  @ApiProperty({ example: '2026-建议-0042' }) number: string;
  @ApiProperty({ example: 'ALREADY_ASSIGNED', description: '错误代码（同该件命令的错误响应的 code）' }) code: string;
  @ApiProperty({ example: 409 }) status: number;
  @ApiProperty({ example: '该件已交办' }) message: string;
}

export class OperationDto {
  @ApiProperty({ example: 'recompute-deadlines-0f1c…', description: '操作 id（GET /api/operations/{id} 查询进度）' }) id: string;
  @ApiProperty({ enum: OPERATION_KINDS, description: 'recompute-deadlines 节假日修订后重新计算期限；merge-items 并案；split-item 拆分' })
  kind: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'], description: 'failed：并案/拆分的某一步被拒绝，已完成的步骤已撤销（见 error）' })
  status: string;
  @ApiProperty({ example: 30, description: '要处理的件数（重新计算）或步骤数（并案/拆分）' }) total: number;
  @ApiProperty({ example: 12, description: '已处理' }) done: number;
  @ApiProperty({ example: 9, description: '有变化的件数（期限有移动 / 步骤记录了事件）' }) changed: number;
  @ApiProperty({ example: 0, description: '失败的件数' }) failed: number;
  @ApiProperty({ type: OperationFailureDto, isArray: true }) failures: OperationFailureDto[];
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ type: OperationFailureDto, nullable: true, description: '并案/拆分未能完成的原因' }) error: OperationFailureDto | null;
}

/** 202: the operation goes on in the background. */
export class OperationAcceptedDto {
  @ApiProperty({ description: '操作 id' }) operationId: string;
  @ApiProperty({ type: OperationDto, description: '接受时的进度' }) operation: OperationDto | null;
  @ApiProperty({ example: '操作已开始，正在后台处理；可通过 GET /api/operations/{id} 查看进度' }) message: string;
}
