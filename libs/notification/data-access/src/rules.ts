/**
 * The one shape of a notice rule: for the event types it knows, WHO hears of an event (an
 * Audience) and WHAT they read (a NotificationMessage). Rules are pure: everything they need of
 * the world (the item, the recipient, unit names and kinds, how a deadline reads) comes in the
 * NoticeContext, so each rule module is unit-tested on its own and messages.ts only picks the
 * rule and filters the directory.
 */

/** The part of a stored event the rules read. */
export interface NotifiableEvent {
  eventId: string;
  type: string;
  data: unknown;
  /** When the store recorded it (ISO); users created after it are not told of it. */
  recordedAt?: string;
}

/** A user as the rules see them. */
export interface DirectoryUser {
  id: string;
  username: string;
  role: string;
  /** unit code, for unit_handler / unit_leader */
  unitId: string | null;
  email: string | null;
  /** ISO; when set, the user only hears of events recorded at or after it. */
  createdAt?: string;
}

/** The item as the texts name it. */
export interface ProposalRef {
  title: string;
  number?: string | null;
  /** accounts of the item's proposers (those linked to one), 领衔人 first */
  proposerUsernames?: readonly string[];
  /** the vice mayor in charge (username) named at the latest assignment, if any */
  leaderInCharge?: string | null;
}

export type NotificationKind =
  | 'assigned'
  | 'return_requested'
  | 'return_approved'
  | 'return_rejected'
  | 'return_window_closed'
  | 'reply_overdue'
  | 'reply_delayed'
  | 'reminder'
  | 'reply_sent'
  // the provincial/national path (provincial-messages.ts)
  | 'document_to_compile'
  | 'document_to_review'
  | 'document_to_sign'
  | 'document_returned'
  | 'document_signed'
  | 'document_sent'
  // 会办意见 and 督办台账 (supervision-messages.ts)
  | 'co_opinion_received'
  | 'co_opinion_overdue'
  | 'progress_report_missed'
  // 并案办理 (merging-messages.ts; copies of replies are 'reply_sent')
  | 'merged'
  // 节假日安排调整 (deadline-messages.ts)
  | 'deadline_changed'
  // 重新办理 (deadline-messages.ts): the item was sent back, the new reply deadline
  | 'rehandling'
  // 阅批 (Art. 6) and 阅示 (Art. 9) (leadership-messages.ts)
  | 'major_approval_requested'
  | 'major_item_approved'
  | 'reading_requested'
  // 催办升级 and 承诺事项跟踪 (obligation-messages.ts)
  | 'reminder_escalated'
  | 'promise_follow_up'
  // 总结工作 (Art. 12)
  | 'unit_summary_owed'
  | 'unit_summary_reminder'
  | 'unit_summary_overdue';

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
}

/**
 * Who hears of an event:
 * - the item's proposers (those with an account);
 * - every user of these roles (only `username`, when given);
 * - the users of these roles in these units.
 */
export type Audience =
  | { proposers: true }
  | { roles: readonly string[]; username?: string }
  | { units: readonly string[]; roles: readonly string[] };

/** What a rule may know besides the event; `item` and `shortTitle` are worked out once per event. */
export interface NoticeContext {
  proposal?: ProposalRef;
  /** The user the message is written for (absent when working out the audience). */
  recipient?: Pick<DirectoryUser, 'unitId'>;
  /** A unit's name (its code when unknown). */
  unitName(code: string): string;
  /** A unit's kind ('department' = 政府组成部门, 'organization', …); undefined when unknown. */
  unitKind(code: string): string | undefined;
  /** A deadline instant as people read it. */
  formatDueAt(iso: string): string;
  /** 《title》（number）, as a sentence names the item. */
  item: string;
  /** 《title》, as a notice's title names it. */
  shortTitle: string;
}

export type EventData = Record<string, unknown>;
/** An event whose data is an object (the only kind a rule is asked about). */
export type NoticeEvent = NotifiableEvent & { data: EventData };

/**
 * A rule speaks for the event types it lists. Its audience is undefined when the event is not
 * its own (malformed, or a case of the type another rule covers): the first rule listing the type
 * whose audience is defined speaks for the event, and its message is what the audience reads
 * (undefined: nobody is told after all).
 */
export interface NoticeRule {
  types: readonly string[];
  audience(e: NoticeEvent, ctx: NoticeContext): Audience | undefined;
  message(e: NoticeEvent, ctx: NoticeContext): NotificationMessage | undefined;
}

export const isObject = (v: unknown): v is EventData => typeof v === 'object' && v !== null;
/** The strings of a list (anything else dropped). */
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
/** A non-empty string, or undefined. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
