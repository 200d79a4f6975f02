/**
 * Who hears of an event, and what they read: pure functions of the event, the directory and the
 * item's title (no I/O), so the rules are unit-tested on their own and the projection only
 * loads, calls and writes.
 */
import type { Deadline } from '@jyta/calendar-domain';
import type { AssignedUnit, ProposalAssigned, ReplyDeadlinePassed, ReturnApproved, ReturnRejected, ReturnRequested, ReturnWindowClosed } from '@jyta/proposal-domain';
import { PROVINCIAL_NOTIFIED_EVENT_TYPES, provincialAudience, provincialMessage } from './provincial-messages';
import { SUPERVISION_NOTIFIED_EVENT_TYPES, supervisionAudience, supervisionMessage } from './supervision-messages';
import { MERGING_NOTIFIED_EVENT_TYPES, mergingAudience, mergingMessage } from './merging-messages';
import { DEADLINE_NOTIFIED_EVENT_TYPES, deadlineAudience, deadlineMessage } from './deadline-messages';

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
  | 'deadline_changed';

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
}

/**
 * 催办 (SPEC §5 reminders), appended by the reminder timers. `kind` says which deadline it is
 * about; `reminder` labels it, e.g. 'reply_30d', 'reply_7d', 'return_window_3d', 'overdue_weekly'
 * (other labels follow the policy's periods, e.g. 'reply_10s' under a test policy).
 */
export type ReminderKind = 'reply' | 'return_window' | 'overdue';
interface ReminderIssuedEvent {
  type: 'ReminderIssued';
  data: { unitId: string; kind?: ReminderKind; reminder?: string; key?: string; dueAt: string };
}

/** The event types this module speaks about; every other type is ignored. */
export const NOTIFIED_EVENT_TYPES = [
  'ProposalAssigned',
  'ReturnRequested',
  'ReturnApproved',
  'ReturnRejected',
  'ReturnWindowClosed',
  'ReplyDeadlinePassed',
  'ReminderIssued',
  'ReplySent',
  ...PROVINCIAL_NOTIFIED_EVENT_TYPES,
  ...SUPERVISION_NOTIFIED_EVENT_TYPES,
  ...MERGING_NOTIFIED_EVENT_TYPES,
  ...DEADLINE_NOTIFIED_EVENT_TYPES,
] as const;

/** 函复: the reply left the unit (the feedback form's token is kept out of events). */
interface ReplySentEvent {
  type: 'ReplySent';
  data: { replyId: string; unitId: string; feedbackDueAt?: string };
}

type Known =
  | ProposalAssigned
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnWindowClosed
  | ReplyDeadlinePassed
  | ReminderIssuedEvent
  | ReplySentEvent;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The event as one of the known types, or undefined (unknown type, or data not of the expected shape). */
function known(e: NotifiableEvent): Known | undefined {
  if (!(NOTIFIED_EVENT_TYPES as readonly string[]).includes(e.type) || !isObject(e.data)) return undefined;
  if (e.type === 'ProposalAssigned') {
    const units = e.data.units;
    return Array.isArray(units) && units.every((u) => isObject(u) && typeof u.unitId === 'string') ? (e as unknown as Known) : undefined;
  }
  if (e.type === 'ReminderIssued' && typeof e.data.dueAt !== 'string') return undefined;
  if (e.type === 'ReplySent' && typeof e.data.replyId !== 'string') return undefined;
  return typeof e.data.unitId === 'string' ? (e as unknown as Known) : undefined;
}

const HANDLERS = ['unit_handler'];
const HANDLERS_AND_LEADERS = ['unit_handler', 'unit_leader'];

/**
 * Who is told of `event`: the handlers (and for some events the leaders) of the unit it concerns,
 * every office user for a return request, the item's proposers (from `proposal`) for a sent
 * reply. Users created after the event was recorded are left out, so replaying old events tells
 * nobody new of them. No repeats; directory order.
 */
export function recipientsFor(event: NotifiableEvent, directory: readonly DirectoryUser[], proposal?: ProposalRef): DirectoryUser[] {
  const audience = provincialAudience(event) ?? mergingAudience(event);
  const e = audience ? undefined : known(event);
  const deadline = deadlineAudience(event);
  if (!audience && !e && !deadline) return [];
  let units: string[] = [];
  let roles: string[] = HANDLERS;
  let office = false;
  let proposers: readonly string[] | undefined;
  /** Every user of these roles (only `onlyUser` if set), for the provincial path. */
  let wide: readonly string[] | undefined;
  let onlyUser: string | undefined;
  if (audience && 'proposers' in audience) proposers = proposal?.proposerUsernames ?? [];
  else if (audience) [wide, onlyUser] = [audience.roles, audience.username];
  if (e) switch (e.type) {
    case 'ProposalAssigned':
      units = e.data.units.map((u) => u.unitId);
      roles = HANDLERS_AND_LEADERS;
      break;
    case 'ReturnRequested':
      office = true;
      break;
    case 'ReturnApproved':
    case 'ReturnRejected':
    case 'ReturnWindowClosed':
      units = [e.data.unitId];
      break;
    case 'ReplyDeadlinePassed':
    case 'ReminderIssued':
      units = [e.data.unitId];
      roles = HANDLERS_AND_LEADERS;
      break;
    case 'ReplySent':
      proposers = proposal?.proposerUsernames ?? [];
      break;
  }
  const supervision = supervisionAudience(event);
  if (supervision) [units, roles] = [supervision.units, supervision.roles];
  if (deadline) [units, roles] = [deadline.units, deadline.roles];
  const recordedAt = event.recordedAt ? Date.parse(event.recordedAt) : undefined;
  const seen = new Set<string>();
  return directory.filter((u) => {
    const concerned = proposers
      ? u.role === 'proposer' && proposers.includes(u.username)
      : wide
        ? wide.includes(u.role) && (!onlyUser || u.username === onlyUser)
        : office
        ? u.role === 'office'
        : u.unitId !== null && units.includes(u.unitId) && roles.includes(u.role);
    if (!concerned || seen.has(u.id)) return false;
    if (recordedAt !== undefined && u.createdAt && Date.parse(u.createdAt) > recordedAt) return false;
    seen.add(u.id);
    return true;
  });
}

/** YYYY-MM-DD HH:mm:ss of an instant in Asia/Shanghai (UTC+8 all year, no DST). */
function shanghai(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}

/**
 * A deadline instant as people read it: an end at 24:00 Shanghai time (how every day-counted
 * deadline ends) is the day before midnight; anything else (test policies in seconds) the time.
 */
export function formatDueAt(dueAt: string): string {
  if (Number.isNaN(Date.parse(dueAt))) return dueAt;
  const { date, time } = shanghai(dueAt);
  if (time === '00:00:00') return shanghai(new Date(Date.parse(dueAt) - 1).toISOString()).date;
  return `${date} ${time}`;
}

export function formatDeadline(d: Pick<Deadline, 'lastDay' | 'dueAt'> | undefined): string {
  if (!d) return '（未定）';
  return d.lastDay ?? formatDueAt(d.dueAt);
}

const ROLE_TEXT: Record<string, string> = { lead: '主办', co: '会办', separate: '分别办理' };

/** The 催办 sentence, or undefined for a reminder of a kind this build does not know. */
function reminderText(data: ReminderIssuedEvent['data']): string | undefined {
  const label = typeof data.reminder === 'string' ? data.reminder : '';
  const kind: string | undefined =
    data.kind ?? (['return_window', 'overdue', 'reply'] as const).find((k) => label === k || label.startsWith(`${k}_`));
  const days = /_(\d+)d$/.exec(label)?.[1];
  const due = formatDueAt(data.dueAt);
  switch (kind) {
    case 'reply':
      return (
        (days ? `距答复期限（${due}）还有 ${days} 天` : `答复期限（${due}）即将届满`) +
        '，请抓紧办理并按时答复；确实不能按期答复的，应在期限届满前书面说明情况。'
      );
    case 'return_window':
      return (
        (days ? `距退转期限（${due}）届满还有 ${days} 天` : `退转期限（${due}）即将届满`) +
        '；如认为不属于本单位职责，请在期限内提出退转申请，逾期由本单位负责办理。'
      );
    case 'overdue':
      return `已超过答复期限（${due}），请尽快答复。`;
    default:
      return undefined;
  }
}

/**
 * The notice of `event` about `proposal`, as `recipient` reads it (an assignment names the
 * recipient's own unit, role and deadlines), or undefined for an event nobody is told of.
 * `unitNames` turns unit codes into names (the code is shown when a name is unknown).
 */
export function messageFor(
  event: NotifiableEvent,
  proposal: ProposalRef | undefined,
  opts: { recipient?: Pick<DirectoryUser, 'unitId'>; unitNames?: ReadonlyMap<string, string> } = {},
): NotificationMessage | undefined {
  const provincial = provincialMessage(event, proposal, (code) => opts.unitNames?.get(code) ?? code, formatDueAt);
  if (provincial) return provincial;
  const supervision = supervisionMessage(event, proposal, opts.recipient, (code) => opts.unitNames?.get(code) ?? code, formatDueAt);
  if (supervision) return supervision;
  const merging = mergingMessage(event, proposal, (code) => opts.unitNames?.get(code) ?? code, formatDueAt);
  if (merging) return merging;
  const deadline = deadlineMessage(event, proposal, opts.recipient, (code) => opts.unitNames?.get(code) ?? code, formatDueAt);
  if (deadline) return deadline;
  const e = known(event);
  if (!e) return undefined;
  const item = proposal ? `《${proposal.title}》${proposal.number ? `（${proposal.number}）` : ''}` : '（标题未知的件）';
  const shortTitle = proposal ? `《${proposal.title}》` : '（标题未知的件）';
  const unitName = (code: string) => opts.unitNames?.get(code) ?? code;
  switch (e.type) {
    case 'ProposalAssigned': {
      const units = e.data.units;
      const mine: AssignedUnit | undefined = units.find((u) => u.unitId === opts.recipient?.unitId) ?? units[0];
      if (!mine) return undefined;
      const verb = e.data.reassignment ? '重新交办' : '新交办';
      const others = units.filter((u) => u.unitId !== mine.unitId).map((u) => `${unitName(u.unitId)}（${ROLE_TEXT[u.role] ?? u.role}）`);
      return {
        kind: 'assigned',
        title: `${verb}：${shortTitle}，答复期限 ${formatDeadline(mine.replyDue)}`,
        body:
          `${item}已${verb}${unitName(mine.unitId)}${ROLE_TEXT[mine.role] ?? mine.role}，接办日期 ${e.data.assignedOn}。` +
          (others.length ? `同件办理单位：${others.join('、')}。` : '') +
          `退转期限 ${formatDeadline(mine.returnWindow)}（不属于本单位职责的，须在此前提出退转申请），` +
          `答复期限 ${formatDeadline(mine.replyDue)}。` +
          (mine.opinionDue ? `会办意见请于 ${formatDeadline(mine.opinionDue)} 前送主办单位。` : '') +
          '请及时签收并与代表委员沟通联系。',
      };
    }
    case 'ReturnRequested':
      return {
        kind: 'return_requested',
        title: `退转申请：${unitName(e.data.unitId)}申请退转${shortTitle}`,
        body: `${unitName(e.data.unitId)}申请退转${item}。理由：${e.data.reason ?? '（未说明）'}。请及时审核。`,
      };
    case 'ReturnApproved':
      return {
        kind: 'return_approved',
        title: `退转申请已同意：${shortTitle}`,
        body: `办公厅已同意本单位（${unitName(e.data.unitId)}）退转${item}，本单位不再承办此件。${e.data.comment ? `意见：${e.data.comment}` : ''}`,
      };
    case 'ReturnRejected':
      return {
        kind: 'return_rejected',
        title: `退转申请未同意：${shortTitle}`,
        body: `办公厅未同意本单位（${unitName(e.data.unitId)}）退转${item}，请继续认真办理。${e.data.comment ? `意见：${e.data.comment}` : ''}`,
      };
    case 'ReturnWindowClosed':
      return {
        kind: 'return_window_closed',
        title: `退转期限已届满：${shortTitle}`,
        body: `${item}的退转期限已届满，由本单位（${unitName(e.data.unitId)}）负责办理，不再受理退转申请。`,
      };
    case 'ReplyDeadlinePassed': {
      const due = formatDueAt(e.data.dueAt);
      if (e.data.accountabilityFlagged) {
        return {
          kind: 'reply_overdue',
          title: `答复超期：${shortTitle}`,
          body:
            `${item}的答复期限（${due}）已届满，本单位（${unitName(e.data.unitId)}）既未答复也未说明延期，已超期。` +
            '按规定对本单位分管领导和承办人员追究责任。请尽快答复。',
        };
      }
      return {
        kind: 'reply_delayed',
        title: `答复期限已届满（已说明延期）：${shortTitle}`,
        body: `${item}的答复期限（${due}）已届满，本单位（${unitName(e.data.unitId)}）已说明延期。请按说明的预计日期尽快答复。`,
      };
    }
    case 'ReminderIssued': {
      const text = reminderText(e.data);
      if (!text) return undefined;
      return { kind: 'reminder', title: `催办：${shortTitle}`, body: `${item}：${text}` };
    }
    case 'ReplySent':
      return {
        kind: 'reply_sent',
        title: `答复已送达：${shortTitle}`,
        body:
          `${unitName(e.data.unitId)}已就您提出的${item}作出答复，请登录系统查看答复内容，` +
          `并填写征求意见表${e.data.feedbackDueAt ? `（请于 ${formatDueAt(e.data.feedbackDueAt)} 前反馈）` : ''}。` +
          '如不满意或情况发生变化，可在征求意见表中退回重办。',
      };
  }
}
