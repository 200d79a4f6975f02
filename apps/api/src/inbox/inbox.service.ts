import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ProjectionRunner } from '@jyta/event-store';
import { listInbox, markAllInboxRead, markInboxRead, notificationsProjection, type InboxItem, type InboxPage } from '@jyta/notifications';
import { feedbackTokensFor } from '@jyta/proposal-registry';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import { Infrastructure } from '../infrastructure/infrastructure';
import { FeedbackSecrets } from '../proposals/feedback-secrets';

export const notificationNotFound = (id: string) => new AppException(404, 'NOTIFICATION_NOT_FOUND', `消息 ${id} 不存在`);

/**
 * The `notifications` projection, run next to the read model: it starts once the schema is
 * migrated and stops before the pool closes (beforeApplicationShutdown runs ahead of every
 * onApplicationShutdown, Infrastructure's included). Several API processes may run it at once:
 * the runner's checkpoint lock makes them take turns.
 */
@Injectable()
export class NotificationsRunner implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationsRunner');
  readonly runner: ProjectionRunner;

  constructor(private readonly infra: Infrastructure) {
    this.runner = new ProjectionRunner(infra.pool, infra.store, notificationsProjection, {
      pollMs: 1000,
      // Nobody waits for it after each command: under load one batch per 200 ms, not one per append.
      settleMs: 200,
      onError: (err) => this.logger.error({ err }, 'projection notifications failed; retrying'),
      onParked: (parked) => this.logger.error({ parked }, `projection notifications parked event ${parked.eventId} (${parked.type}); it goes on without it`),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.infra.init();
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop().catch((err) => this.logger.warn({ err }, 'stopping the notifications projection failed'));
  }
}

export type InboxItemView = InboxItem & { feedbackToken?: string };

/** The caller's own inbox: nobody reads or marks another user's notices. */
@Injectable()
export class InboxService {
  constructor(
    private readonly infra: Infrastructure,
    private readonly secrets: FeedbackSecrets,
  ) {}

  async list(user: AuthUser, q: { unread?: boolean; page?: number; pageSize?: number }): Promise<InboxPage & { items: InboxItemView[] }> {
    const page = await listInbox(this.infra.pool, user.id, q);
    return { ...page, items: await this.withFeedbackTokens(user, page.items) };
  }

  /**
   * SPEC §10: the feedback form's token reaches the proposer's inbox. It is a secret kept out of
   * the events and the notice texts (and so out of e-mails): it is attached here, at read time,
   * to the holder's own "reply sent" notices only (the token may be issued a moment after the event).
   */
  private async withFeedbackTokens(user: AuthUser, items: InboxItem[]): Promise<InboxItemView[]> {
    if (user.role !== 'proposer') return items;
    const proposals = [...new Set(items.filter((n) => n.kind === 'reply_sent' && n.replyId && n.proposalId).map((n) => n.proposalId!))];
    if (proposals.length === 0) return items;
    const tokens = new Map<string, string>();
    for (const proposalId of proposals) {
      for (const t of await feedbackTokensFor(this.infra.pool, this.secrets.key, proposalId, user.username)) tokens.set(t.replyId, t.token);
    }
    return items.map((n) => {
      const token = n.kind === 'reply_sent' && n.replyId ? tokens.get(n.replyId) : undefined;
      return token ? { ...n, feedbackToken: token } : n;
    });
  }

  async markRead(user: AuthUser, id: string): Promise<InboxItem> {
    const item = await markInboxRead(this.infra.pool, user.id, id);
    if (!item) throw notificationNotFound(id);
    return item;
  }

  async markAllRead(user: AuthUser): Promise<{ marked: number }> {
    return { marked: await markAllInboxRead(this.infra.pool, user.id) };
  }
}
