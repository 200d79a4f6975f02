import { ApiProperty } from '@nestjs/swagger';

export class PositionDto {
  @ApiProperty({ example: '1234' }) transactionId: string;
  @ApiProperty({ example: '56' }) sequence: string;
}

export class ParkedEventDto {
  @ApiProperty({ example: 'proposal_list' }) projection: string;
  @ApiProperty({ type: PositionDto }) position: PositionDto;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'proposal-6f1c1d52-8a4e-4f43-9a43-2b7b9b1f0c11' }) streamId: string;
  @ApiProperty({ example: 'ReplySent' }) type: string;
  @ApiProperty({ example: "TypeError: Cannot read properties of undefined (reading 'units')" }) error: string;
  @ApiProperty({ format: 'date-time' }) parkedAt: string;
}

export class ProjectionStatusDto {
  @ApiProperty({ example: 'proposal_list' }) name: string;
  @ApiProperty({ type: PositionDto, description: '已处理到的位置' }) checkpoint: PositionDto;
  @ApiProperty({ example: 0, description: '事件库中尚未处理的事件数' }) lag: number;
  @ApiProperty({ example: 0, description: '被搁置（无法处理）的事件数，自上次重建以来' }) parked: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ type: ParkedEventDto, isArray: true, description: '最早的被搁置事件（至多 20 条）' }) parkedEvents: ParkedEventDto[];
}

export class ProjectionsDto {
  @ApiProperty({ type: ProjectionStatusDto, isArray: true }) projections: ProjectionStatusDto[];
}
