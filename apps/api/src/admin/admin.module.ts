import { Module } from '@nestjs/common';
import { CalendarAdminService, PolicyAdminService } from './admin.service';
import { CalendarAdminController } from './calendar.controller';
import { PolicyAdminController } from './policy.controller';
import { OperationsModule } from '../operations/operations.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { UsersAdminController } from './users.controller';
import { UsersAdminService } from './users.service';
import { RunningItemsRecompute } from './recompute-running-items.service';

/**
 * 系统管理 (role admin): the deadline policy versions and the holiday calendar (SPEC §5); an
 * amended calendar recomputes the running items' deadlines through the items' own commands, as a
 * durable operation; and the user accounts (create, disable, reset password, change role / unit,
 * unlock).
 */
@Module({
  imports: [OperationsModule, ProposalsModule, AuthModule, DirectoryModule],
  controllers: [PolicyAdminController, CalendarAdminController, UsersAdminController],
  providers: [PolicyAdminService, CalendarAdminService, RunningItemsRecompute, UsersAdminService],
})
export class AdminModule {}
