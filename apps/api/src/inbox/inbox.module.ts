import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { FeedbackSecrets } from '../proposals/feedback-secrets';
import { InboxService, NotificationsRunner } from './inbox.service';

/** GET /api/me/inbox and the `notifications` projection that fills it (and the e-mail outbox). */
@Module({
  controllers: [InboxController],
  providers: [InboxService, NotificationsRunner, FeedbackSecrets],
  exports: [NotificationsRunner],
})
export class InboxModule {}
