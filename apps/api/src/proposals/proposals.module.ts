import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ProposalCommands } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';
import { ProposalsController } from './proposals.controller';

@Module({
  imports: [DirectoryModule],
  controllers: [ProposalsController],
  providers: [ProposalQueries, ProposalCommands],
  exports: [ProposalCommands, ProposalQueries],
})
export class ProposalsModule {}
