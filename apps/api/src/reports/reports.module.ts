import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { StatsModule } from '../stats/stats.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * Documents and exports: the 台账 and the KPI table (.xlsx), the reply letter and the quarterly
 * bulletin (.docx). Listed before ProposalsModule in AppModule, so that `GET proposals/export`
 * is routed here before `GET proposals/:id` sees it.
 */
@Module({
  imports: [DirectoryModule, ProposalsModule, StatsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
