/**
 * @jyta/notifications — notices to users (SPEC §5 reminders, "inbox and outbox"): the
 * `notifications` projection decides from the events who is told what, and writes the in-app
 * `inbox` and the `outbox` that e-mail/SMS senders drain (PostgresOutbox).
 * Test helper (fake SMTP server): `@jyta/notifications/src/testing/fake-smtp`.
 */
export { notificationMigrations } from './migrations';
export {
  recipientsFor,
  messageFor,
  noticesFor,
  formatDueAt,
  formatDeadline,
  NOTIFIED_EVENT_TYPES,
  type NotifiableEvent,
  type DirectoryUser,
  type ProposalRef,
  type NotificationKind,
  type NotificationMessage,
  type ReminderKind,
  type NoticeLookups,
  type NoticeRule,
  type NoticeContext,
  type Audience,
} from './messages';
export {
  createNotificationsProjection,
  notificationsProjection,
  loadRecipientDirectory,
  NOTIFICATIONS_PROJECTION,
  EMAIL_FOOTER,
  type NotificationsProjectionOptions,
} from './projection';
export { listInbox, markInboxRead, markAllInboxRead, type InboxItem, type InboxPage } from './inbox';
export {
  PostgresOutbox,
  MAX_OUTBOX_ATTEMPTS,
  backoffMs,
  enqueueFeedbackLink,
  withdrawFeedbackLinks,
  withFeedbackLink,
  FEEDBACK_LINK_PLACEHOLDER,
  type OutboxMessage,
  type OutboxStore,
} from './outbox';
