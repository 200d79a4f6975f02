/**
 * Who hears of an event, and what they read. Each rule module (rules.ts gives the one shape)
 * speaks for some event types; this file holds the core rules of handling (assignment, returns,
 * deadlines, reminders, replies), the list of rules, and the functions that apply them
 * (recipientsFor, messageFor, and both at once: noticesFor): pure functions of the event, the
 * directory and the item (no I/O), so the rules are unit-tested on their own and the projection
 * only loads, calls and writes.
 */
import type { Deadline } from '@jyta/calendar-domain';
import type { AssignedUnit, PartReassigned, ProposalAssigned, ReplyDeadlinePassed, ReturnApproved, ReturnRejected, ReturnRequested, ReturnWindowClosed } from '@jyta/proposal-domain';
import { isObject, type Audience, type DirectoryUser, type NoticeContext, type NoticeEvent, type NoticeRule, type NotifiableEvent, type NotificationMessage, type ProposalRef } from './rules';
import { provincialRule } from './provincial-messages';
import { supervisionRule } from './supervision-messages';
import { mergingRule } from './merging-messages';
import { deadlineRule, rehandlingRule } from './deadline-messages';
import { leadershipRule } from './leadership-messages';
import { escalationRule, promiseRule, unitSummaryRule } from './obligation-messages';

export type { Audience, DirectoryUser, NoticeContext, NoticeRule, NotifiableEvent, NotificationKind, NotificationMessage, ProposalRef } from './rules';

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

/** 函复: the reply left the unit (the feedback form's token is kept out of events). */
interface ReplySentEvent {
  type: 'ReplySent';
  data: { replyId: string; unitId: string; feedbackDueAt?: string };
}

type Known =
  | ProposalAssigned
  | PartReassigned
  | ReturnRequested
  | ReturnApproved
  | ReturnRejected
  | ReturnWindowClosed
  | ReplyDeadlinePassed
  | ReminderIssuedEvent
  | ReplySentEvent;

/** The event as one of the handling events, or undefined (data not of the expected shape). */
function known(e: NoticeEvent): Known | undefined {
  if (e.type === 'ProposalAssigned') {
    const units = e.data.units;
    return Array.isArray(units) && units.every((u) => isObject(u) && typeof u.unitId === 'string') ? (e as unknown as Known) : undefined;
  }
  if (e.type === 'PartReassigned') {
    const unit = e.data.unit;
    return isObject(unit) && typeof unit.unitId === 'string' && typeof e.data.fromUnitId === 'string' ? (e as unknown as Known) : undefined;
  }
  if (e.type === 'ReminderIssued' && typeof e.data.dueAt !== 'string') return undefined;
  if (e.type === 'ReplySent' && typeof e.data.replyId !== 'string') return undefined;
  return typeof e.data.unitId === 'string' ? (e as unknown as Known) : undefined;
}

const HANDLERS = ['unit_handler'];
const HANDLERS_AND_LEADERS = ['unit_handler', 'unit_leader'];

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

/** The notice of a unit's assignment: its role, 接办日期, return window and reply deadline. */
function assignedMessage(a: {
  verb: string;
  mine: AssignedUnit;
  assignedOn: string;
  also: string;
  item: string;
  shortTitle: string;
  unitName: (code: string) => string;
}): NotificationMessage {
  const { verb, mine, item, unitName } = a;
  return {
    kind: 'assigned',
    title: `${verb}：${a.shortTitle}，答复期限 ${formatDeadline(mine.replyDue)}`,
    body:
      `${item}已${verb}${unitName(mine.unitId)}${ROLE_TEXT[mine.role] ?? mine.role}，接办日期 ${a.assignedOn}。` +
      a.also +
      `退转期限 ${formatDeadline(mine.returnWindow)}（不属于本单位职责的，须在此前提出退转申请），` +
      `答复期限 ${formatDeadline(mine.replyDue)}。` +
      (mine.opinionDue ? `会办意见请于 ${formatDeadline(mine.opinionDue)} 前送主办单位。` : '') +
      '请及时签收并与代表委员沟通联系。',
  };
}

/** The core rules: a unit's handling (assignment, returns, deadlines, 催办) and the reply to the proposers. */
export const handlingRule: NoticeRule = {
  types: ['ProposalAssigned', 'PartReassigned', 'ReturnRequested', 'ReturnApproved', 'ReturnRejected', 'ReturnWindowClosed', 'ReplyDeadlinePassed', 'ReminderIssued', 'ReplySent'],

  /**
   * The handlers (and for some events the leaders) of the unit it concerns, every office user for
   * a return request, the item's proposers for a sent reply.
   */
  audience(event): Audience | undefined {
    const e = known(event);
    if (!e) return undefined;
    switch (e.type) {
      case 'ProposalAssigned':
        return { units: e.data.units.map((u) => u.unitId), roles: HANDLERS_AND_LEADERS };
      case 'PartReassigned':
        // The new unit hears of it as a freshly assigned unit does; the other parts' units are not concerned.
        return { units: [e.data.unit.unitId], roles: HANDLERS_AND_LEADERS };
      case 'ReturnRequested':
        return { roles: ['office'] };
      case 'ReplyDeadlinePassed':
      case 'ReminderIssued':
        return { units: [e.data.unitId], roles: HANDLERS_AND_LEADERS };
      case 'ReplySent':
        return { proposers: true };
      default:
        return { units: [e.data.unitId], roles: HANDLERS };
    }
  },

  /** An assignment names the recipient's own unit, role and deadlines. */
  message(event, { item, shortTitle, recipient, unitName }) {
    const e = known(event);
    if (!e) return undefined;
    switch (e.type) {
      case 'ProposalAssigned': {
        const units = e.data.units;
        const mine: AssignedUnit | undefined = units.find((u) => u.unitId === recipient?.unitId) ?? units[0];
        if (!mine) return undefined;
        const others = units.filter((u) => u.unitId !== mine.unitId).map((u) => `${unitName(u.unitId)}（${ROLE_TEXT[u.role] ?? u.role}）`);
        return assignedMessage({
          verb: e.data.reassignment ? '重新交办' : '新交办',
          mine,
          assignedOn: e.data.assignedOn,
          also: others.length ? `同件办理单位：${others.join('、')}。` : '',
          item,
          shortTitle,
          unitName,
        });
      }
      case 'PartReassigned':
        // 改派 (分别办理): the same notice as a fresh assignment, naming the part taken over.
        return assignedMessage({
          verb: '改派',
          mine: e.data.unit,
          assignedOn: e.data.assignedOn,
          also: `本单位承办原由${unitName(e.data.fromUnitId)}办理（已退转）的部分，其他单位的部分照常办理。`,
          item,
          shortTitle,
          unitName,
        });
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
  },
};

/** Every rule; for an event type two rules list, the first whose audience is defined speaks. */
const RULES: readonly NoticeRule[] = [handlingRule, provincialRule, supervisionRule, mergingRule, deadlineRule, rehandlingRule, leadershipRule, escalationRule, promiseRule, unitSummaryRule];

/** The event types some rule speaks about; every other type is ignored. */
export const NOTIFIED_EVENT_TYPES: readonly string[] = [...new Set(RULES.flatMap((r) => r.types))];

/** What the projection knows besides the event: unit names and kinds by code. */
export interface NoticeLookups {
  unitNames?: ReadonlyMap<string, string>;
  unitKinds?: ReadonlyMap<string, string>;
}

function contextOf(proposal: ProposalRef | undefined, lookups: NoticeLookups): NoticeContext {
  return {
    proposal,
    unitName: (code) => lookups.unitNames?.get(code) ?? code,
    unitKind: (code) => lookups.unitKinds?.get(code),
    formatDueAt,
    item: proposal ? `《${proposal.title}》${proposal.number ? `（${proposal.number}）` : ''}` : '（标题未知的件）',
    shortTitle: proposal ? `《${proposal.title}》` : '（标题未知的件）',
  };
}

/** The rule that speaks for the event, and its audience; undefined when no rule does. */
function ruleFor(event: NotifiableEvent, ctx: NoticeContext): { rule: NoticeRule; e: NoticeEvent; audience: Audience } | undefined {
  if (!isObject(event.data)) return undefined;
  const e = event as NoticeEvent;
  for (const rule of RULES) {
    if (!rule.types.includes(e.type)) continue;
    const audience = rule.audience(e, ctx);
    if (audience) return { rule, e, audience };
  }
  return undefined;
}

function concerns(audience: Audience, u: DirectoryUser, proposal: ProposalRef | undefined): boolean {
  if ('proposers' in audience) return u.role === 'proposer' && (proposal?.proposerUsernames ?? []).includes(u.username);
  if ('units' in audience) return u.unitId !== null && audience.units.includes(u.unitId) && audience.roles.includes(u.role);
  return audience.roles.includes(u.role) && (!audience.username || u.username === audience.username);
}

/** The directory's users in the audience: not created after the event was recorded, no repeats, directory order. */
function audienceIn(event: NotifiableEvent, audience: Audience, directory: readonly DirectoryUser[], proposal: ProposalRef | undefined): DirectoryUser[] {
  const recordedAt = event.recordedAt ? Date.parse(event.recordedAt) : undefined;
  const seen = new Set<string>();
  return directory.filter((u) => {
    if (!concerns(audience, u, proposal) || seen.has(u.id)) return false;
    // A replay of old events tells nobody new of them.
    if (recordedAt !== undefined && u.createdAt && Date.parse(u.createdAt) > recordedAt) return false;
    seen.add(u.id);
    return true;
  });
}

/**
 * Who is told of `event` (see each rule's audience). Users created after the event was recorded
 * are left out, so replaying old events tells nobody new of them. No repeats; directory order.
 */
export function recipientsFor(event: NotifiableEvent, directory: readonly DirectoryUser[], proposal?: ProposalRef, lookups: NoticeLookups = {}): DirectoryUser[] {
  const found = ruleFor(event, contextOf(proposal, lookups));
  return found ? audienceIn(event, found.audience, directory, proposal) : [];
}

/**
 * The notice of `event` about `proposal`, as `recipient` reads it, or undefined for an event
 * nobody is told of. `unitNames` turns unit codes into names (the code is shown when a name is
 * unknown).
 */
export function messageFor(
  event: NotifiableEvent,
  proposal: ProposalRef | undefined,
  opts: NoticeLookups & { recipient?: Pick<DirectoryUser, 'unitId'> } = {},
): NotificationMessage | undefined {
  const ctx = contextOf(proposal, opts);
  const found = ruleFor(event, ctx);
  return found?.rule.message(found.e, { ...ctx, recipient: opts.recipient });
}

/** Every notice of `event`: each recipient with what they read (recipientsFor and messageFor in one pass). */
export function noticesFor(
  event: NotifiableEvent,
  directory: readonly DirectoryUser[],
  proposal: ProposalRef | undefined,
  lookups: NoticeLookups = {},
): { user: DirectoryUser; msg: NotificationMessage }[] {
  const ctx = contextOf(proposal, lookups);
  const found = ruleFor(event, ctx);
  if (!found) return [];
  return audienceIn(event, found.audience, directory, proposal).flatMap((user) => {
    const msg = found.rule.message(found.e, { ...ctx, recipient: user });
    return msg ? [{ user, msg }] : [];
  });
}
