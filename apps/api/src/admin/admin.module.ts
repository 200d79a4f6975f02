import { Module } from '@nestjs/common';
import { CalendarAdminService, PolicyAdminService } from './admin.service';
import { CalendarAdminController } from './calendar.controller';
import { PolicyAdminController } from './policy.controller';

/** 系统管理 (role admin): the deadline policy versions and the holiday calendar (SPEC §5). */
@Module({
  controllers: [PolicyAdminController, CalendarAdminController],
  providers: [PolicyAdminService, CalendarAdminService],
})
export class AdminModule {}
