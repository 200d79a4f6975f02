import { Module } from '@nestjs/common';
import { CalendarAdminService, PolicyAdminService } from './admin.service';
import { CalendarAdminController } from './calendar.controller';
import { PolicyAdminController } from './policy.controller';
import { OperationsModule } from '../operations/operations.module';
import { RunningItemsRecompute } from './recompute-running-items.service';

/**
 * 系统管理 (role admin): the deadline policy versions and the holiday calendar (SPEC §5); an
 * amended calendar recomputes the running items' deadlines through the items' own commands, as
 * a durable operation.
 */
@Module({
  imports: [OperationsModule],
  controllers: [PolicyAdminController, CalendarAdminController],
  providers: [PolicyAdminService, CalendarAdminService, RunningItemsRecompute],
})
export class AdminModule {}
