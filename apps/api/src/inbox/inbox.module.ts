import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService, NotificationsRunner } from './inbox.service';

/** GET /api/me/inbox and the `notifications` projection that fills it (and the e-mail outbox). */
@Module({
  controllers: [InboxController],
  providers: [InboxService, NotificationsRunner],
  exports: [NotificationsRunner],
})
export class InboxModule {}
