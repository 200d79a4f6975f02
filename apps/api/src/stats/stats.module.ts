import { Module } from '@nestjs/common';
import { PublicStatsController, StatsController } from './stats.controller';
import { StatsRunner, StatsService } from './stats.service';

/** Art. 16 figures (GET /api/stats/kpis…), the public figures, and the `stats_cases` projection behind them. */
@Module({
  controllers: [StatsController, PublicStatsController],
  providers: [StatsService, StatsRunner],
  exports: [StatsService, StatsRunner],
})
export class StatsModule {}
