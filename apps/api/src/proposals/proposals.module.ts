import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ProposalCommands } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';
import { ProposalsController } from './proposals.controller';
import { PublicController } from './public.controller';
import { ReplyCommands } from './reply-commands.service';
import { FeedbackController, RepliesController } from './replies.controller';

@Module({
  imports: [DirectoryModule],
  controllers: [ProposalsController, RepliesController, FeedbackController, PublicController],
  providers: [ProposalQueries, ProposalCommands, ReplyCommands],
  exports: [ProposalCommands, ProposalQueries],
})
export class ProposalsModule {}
