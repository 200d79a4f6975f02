import { Module } from '@nestjs/common';
import { UnitSummaries, UnitSummariesController } from './unit-summaries.controller';

/** 总结工作 (Art. 12): POST/GET /api/units/{unitId}/summaries…, GET /api/unit-summaries. */
@Module({ controllers: [UnitSummariesController], providers: [UnitSummaries] })
export class UnitSummariesModule {}
