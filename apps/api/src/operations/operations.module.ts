import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';
import { ProjectionsService } from './projections.service';

/**
 * Durable admin operations (calendar recompute, 并案 merge / split run as workflows; their progress
 * at GET /api/operations/{id}) and the read models' status and rebuild (GET /api/admin/projections).
 */
@Module({
  imports: [InboxModule],
  controllers: [OperationsController],
  providers: [OperationsService, ProjectionsService],
  exports: [OperationsService],
})
export class OperationsModule {}
