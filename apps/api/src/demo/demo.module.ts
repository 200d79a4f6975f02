import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [ProposalsModule, DirectoryModule], providers: [DemoDataService] })
export class DemoModule {}
