import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module';
import { DirectoryModule } from '../directory/directory.module';
import { ProposalCommands } from './proposal-commands.service';
import { ProposalQueries } from './proposal-queries.service';
import { ProposalsController } from './proposals.controller';
import { LeadershipController } from './leadership.controller';
import { LeadershipCommands } from './leadership.service';
import { PublicController } from './public.controller';
import { ReplyCommands } from './reply-commands.service';
import { FeedbackController, RepliesController } from './replies.controller';
import { HandlingController } from './handling.controller';
import { HandlingCommands } from './handling-commands.service';
import { MergingController } from './merging.controller';
import { MergingCommands } from './merging-commands.service';
import { FeedbackRateLimitGuard } from './feedback-rate-limit';
import { FeedbackSecrets } from './feedback-secrets';

@Module({
  imports: [DirectoryModule, OperationsModule],
  controllers: [ProposalsController, RepliesController, FeedbackController, PublicController, LeadershipController, HandlingController, MergingController],
  providers: [ProposalQueries, ProposalCommands, ReplyCommands, LeadershipCommands, HandlingCommands, MergingCommands, FeedbackSecrets, FeedbackRateLimitGuard],
  exports: [ProposalCommands, ProposalQueries, FeedbackSecrets],
})
export class ProposalsModule {}
