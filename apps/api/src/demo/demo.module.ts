import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [ProposalsModule], providers: [DemoDataService] })
export class DemoModule {}
