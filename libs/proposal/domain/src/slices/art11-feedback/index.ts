/**
 * 反馈 (Art. 11): the proposer's answer on the feedback form (征求意见表) that travels with every
 * reply, or "no feedback" when the feedback period ends unanswered (never counted as satisfied).
 * A reply sent back (Art. 10, last sentence) puts the unit back to handling for a new round; a
 * satisfied or unanswered one finishes the unit, and the item is archived once every answering
 * unit is done (Art. 17, shared/archive.ts). Provincial/national items go on to the government
 * document instead (Art. 9, 10).
 */
import type { DesignateFeedbackRecipient, RecordFeedbackFormIssued, RecordMissingFeedback, SubmitFeedback } from '../../commands';
import type { DecidedEvent } from '../../events';
import type { Slice } from '../../slice';
import { withArchive } from '../../shared/archive';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { findReply, isProvincialItem, opinionAccepted } from '../../shared/queries';
import { feedbackFormEffect } from '../../shared/feedback-form';
import { CONTACT_METHODS, SATISFACTION, type ProposalState, type Reply, type UnitAssignment } from '../../shared/model';
import type { FeedbackFormRecipient } from './types';

export type { FeedbackDesignee, FeedbackFormRecipient } from './types';

/** The lead (first-named, 领衔) proposer names an account: the forms are theirs, nobody is designated. */
export const LEAD_PROPOSER_HAS_ACCOUNT = 'LEAD_PROPOSER_HAS_ACCOUNT';

const replies = (s: ProposalState) => s.replies ?? [];

function requireReply(s: ProposalState, replyId: string): Reply {
  const r = findReply(s, replyId);
  if (!r) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '没有这份答复', 404, { replyId });
  return r;
}

const isIndexOf = (n: unknown, list: readonly unknown[]): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < list.length;

function assertRecipient(recipient: FeedbackFormRecipient | undefined, state: ProposalState): void {
  const proposers = state.details?.proposers ?? [];
  switch (recipient?.channel) {
    case 'none':
      return;
    case 'account':
      if (typeof recipient.username !== 'string' || !recipient.username) throw invalid('recipient.username', '收件账号不能为空');
      if (recipient.proposerIndex !== undefined && !isIndexOf(recipient.proposerIndex, proposers)) throw invalid('recipient.proposerIndex', '不是本件的提出人');
      return;
    case 'sms':
    case 'email':
      if (!isIndexOf(recipient.proposerIndex, proposers)) throw invalid('recipient.proposerIndex', '不是本件的提出人');
      return;
    default:
      throw invalid('recipient.channel', 'channel 须为 account / sms / email / none');
  }
}

export function assertFeedbackAllowed(command: SubmitFeedback | RecordFeedbackFormIssued | DesignateFeedbackRecipient, state: ProposalState): void {
  switch (command.type) {
    case 'RecordFeedbackFormIssued':
      requireReply(state, command.data.replyId);
      assertRecipient(command.data.recipient, state);
      return;
    case 'DesignateFeedbackRecipient': {
      // Art. 14 (杜绝“被满意”): only a proposer of the item may answer the form, so the office
      // designates one of them by place in the list — never a unit's user or anyone else.
      const proposers = state.details?.proposers ?? [];
      if (!isIndexOf(command.data.proposerIndex, proposers)) {
        throw invalid('proposerIndex', `proposerIndex 须为本件提出人的序号（0 至 ${proposers.length - 1}）`);
      }
      // The lead's own account comes first (SPEC §1): designation is for items whose lead has none.
      if (proposers[0]?.username) {
        throw new DomainError(LEAD_PROPOSER_HAS_ACCOUNT, '领衔人有账号，征求意见表由领衔人本人填写，无需指定', 409);
      }
      return;
    }
    case 'SubmitFeedback': {
      const d = command.data;
      const r = requireReply(state, d.replyId);
      if (r.status !== 'sent') throw new DomainError(ErrorCodes.FEEDBACK_NOT_OPEN, '该答复不在征求意见期间（已反馈或逾期）', 409);
      if (!SATISFACTION.includes(d.attitude)) throw invalid('attitude', 'attitude 须为 satisfied / basically_satisfied / dissatisfied');
      if (!SATISFACTION.includes(d.result)) throw invalid('result', 'result 须为 satisfied / basically_satisfied / dissatisfied');
      if (d.contact !== 'none' && !CONTACT_METHODS.includes(d.contact)) throw invalid('contact', `contact 须为 ${CONTACT_METHODS.join(' / ')} 或 none`);
      return;
    }
  }
}

export function decideFeedback(
  command: SubmitFeedback | RecordMissingFeedback | RecordFeedbackFormIssued | DesignateFeedbackRecipient,
  state: ProposalState,
  at: string,
): DecidedEvent[] {
  switch (command.type) {
    case 'RecordFeedbackFormIssued': {
      const { replyId, recipient, reissued } = command.data;
      return [{ type: 'FeedbackFormIssued', occurredAt: at, data: { replyId, recipient, ...(reissued ? { reissued: true } : {}) } }];
    }
    case 'DesignateFeedbackRecipient': {
      const { proposerIndex } = command.data;
      // The same proposer again changes nothing (their forms stand).
      if (state.feedbackDesignee?.proposerIndex === proposerIndex) return [];
      // The forms still awaiting an answer go to the designee instead (a new token each).
      const replyIds = replies(state)
        .filter((r) => r.status === 'sent')
        .map((r) => r.replyId);
      return [{ type: 'FeedbackRecipientDesignated', occurredAt: at, data: { proposerIndex, name: state.details!.proposers[proposerIndex].name, replyIds } }];
    }
    case 'SubmitFeedback': {
      const r = findReply(state, command.data.replyId)!;
      const { replyId, attitude, result, contact, comments } = command.data;
      const provincial = isProvincialItem(state);
      const events: DecidedEvent[] = [
        {
          type: 'FeedbackReceived',
          occurredAt: at,
          data: {
            replyId,
            unitId: r.unitId,
            attitude,
            result,
            contact,
            ...(comments?.trim() ? { comments: comments.trim() } : {}),
            sendBack: !!command.data.sendBack,
            ...(provincial ? { awaitingDocument: opinionAccepted(command.data) } : {}),
          },
        },
      ];
      // A provincial/national item is answered by the government document, not by the opinion.
      return command.data.sendBack || provincial ? events : withArchive(state, events, r.unitId, at);
    }
    case 'RecordMissingFeedback': {
      const r = findReply(state, command.data.replyId);
      if (!r || r.status !== 'sent') return [];
      // Provincial/national: "no feedback" is recorded and the opinion still goes on to the office (government-document.ts).
      if (isProvincialItem(state)) {
        return [{ type: 'FeedbackMissing', occurredAt: r.feedbackDueAt!, data: { replyId: r.replyId, unitId: r.unitId, awaitingDocument: true } }];
      }
      const events: DecidedEvent[] = [{ type: 'FeedbackMissing', occurredAt: r.feedbackDueAt!, data: { replyId: r.replyId, unitId: r.unitId } }];
      return withArchive(state, events, r.unitId, r.feedbackDueAt!);
    }
  }
}

/** evolve for the feedback events; undefined for the others. */
export function evolveFeedback(state: ProposalState, event: DecidedEvent): ProposalState | undefined {
  const update = (replyId: string, f: (r: Reply) => Reply) => replies(state).map((r) => (r.replyId === replyId ? f(r) : r));
  const setUnit = (s: ProposalState, unitId: string, status: UnitAssignment['status']): ProposalState => ({
    ...s,
    units: s.units.map((u) => (u.unitId === unitId && u.status !== 'returned' ? { ...u, status } : u)),
  });
  switch (event.type) {
    case 'FeedbackFormIssued': {
      const { replyId, recipient, reissued } = event.data;
      return { ...state, replies: update(replyId, (r) => ({ ...r, feedbackRecipient: { ...recipient, at: event.occurredAt, ...(reissued ? { reissued } : {}) } })) };
    }
    case 'FeedbackRecipientDesignated':
      return { ...state, feedbackDesignee: { proposerIndex: event.data.proposerIndex, at: event.occurredAt } };
    case 'FeedbackReceived': {
      const { replyId, unitId, awaitingDocument, ...f } = event.data;
      if (awaitingDocument !== undefined) {
        // Provincial/national: accepted → the office compiles; otherwise the unit handles it again (a new round).
        const s = {
          ...state,
          replies: update(replyId, (r) => ({
            ...r,
            status: awaitingDocument ? ('awaiting_document' as const) : ('closed' as const),
            feedback: { ...f, at: event.occurredAt },
            ...(awaitingDocument ? {} : { sentBack: true }),
          })),
        };
        return awaitingDocument ? s : setUnit(s, unitId, 'handling');
      }
      const s = {
        ...state,
        replies: update(replyId, (r) => ({ ...r, status: 'closed' as const, feedback: { ...f, at: event.occurredAt }, sentBack: f.sendBack })),
      };
      // Sent back (Art. 10 last sentence): the unit handles the item again and replies anew.
      return setUnit(s, unitId, f.sendBack ? 'handling' : 'done');
    }
    case 'FeedbackMissing': {
      const d = event.data;
      if (d.awaitingDocument) {
        return { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'awaiting_document' as const, feedbackMissingAt: event.occurredAt })) };
      }
      const s = { ...state, replies: update(d.replyId, (r) => ({ ...r, status: 'closed' as const, feedbackMissingAt: event.occurredAt })) };
      return setUnit(s, d.unitId, 'done');
    }
    default:
      return undefined;
  }
}

const OWN_COMMANDS = ['SubmitFeedback', 'RecordMissingFeedback', 'RecordFeedbackFormIssued', 'DesignateFeedbackRecipient'] as const;
type OwnCommand = SubmitFeedback | RecordMissingFeedback | RecordFeedbackFormIssued | DesignateFeedbackRecipient;
const isOwn = (c: { type: string }): c is OwnCommand => (OWN_COMMANDS as readonly string[]).includes(c.type);

export const feedbackSlice: Slice = {
  name: 'art11-feedback',
  articles: ['第十一条', '第十条（退回重办）', '第十四条（杜绝“被满意”）'],
  commands: OWN_COMMANDS,
  events: ['FeedbackReceived', 'FeedbackMissing', 'FeedbackFormIssued', 'FeedbackRecipientDesignated'],
  assert(command, state) {
    if (command.type === 'SubmitFeedback' || command.type === 'RecordFeedbackFormIssued' || command.type === 'DesignateFeedbackRecipient') {
      assertFeedbackAllowed(command, state);
    }
  },
  decide: (command, state, ctx) => (isOwn(command) ? decideFeedback(command, state, ctx.now) : []),
  evolve: (state, event) => evolveFeedback(state, event) ?? state,
  timers(state) {
    // The feedback period of each sent reply: then "no feedback", never satisfied.
    return (state.replies ?? []).flatMap((r, i) =>
      r.status === 'sent' && r.feedbackDueAt ? [{ at: r.feedbackDueAt, command: { type: 'RecordMissingFeedback', data: { replyId: r.replyId } }, order: [0, i] }] : [],
    );
  },
  effects(e, state) {
    // The form's link goes with the reply to the lead (领衔人), or to the proposer the office designated.
    // A provincial/national item's opinion goes to the proposer with the form too (Art. 10, 11).
    if (e.type === 'ReplySent' || e.type === 'OpinionSentToProposer') return [feedbackFormEffect(state, e.data.replyId)];
    // A designation issues the open forms again to the designee; their old tokens stop working.
    if (e.type === 'FeedbackRecipientDesignated') return e.data.replyIds.map((replyId) => feedbackFormEffect(state, replyId, true));
    return [];
  },
};
