/**
 * 承诺事项跟踪 (Art. 10, SPEC §6): a category B reply (正在解决或已列入计划逐步解决) is a promise to
 * solve the matter later. From the day it is sent, every policy period (`promiseFollowUpEvery`,
 * 3 months) a timer asks the unit to report on it (PromiseFollowUpRequested, due within
 * `promiseReportWithin`, 15 days), until the unit reports it done (PromiseProgressReported with
 * done = true, and PromiseFulfilled with it). The matter outlives the item: archiving (Art. 17)
 * closes the handling, not the promise, so the follow-ups and reports go on after it (the slice's
 * timers run on an archived item, and its commands are in AFTER_ARCHIVE).
 *
 * A reply the proposer sent back promised nothing that stands (the re-handling answers anew), and
 * a merged item's copy of the main item's reply is the main item's promise, followed up there.
 */
import { parsePeriod, type Period } from '@jyta/calendar-domain';
import type { DecidedEvent } from '../../events';
import type { Slice, Timer } from '../../slice';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { findReply } from '../../shared/queries';
import { shiftBy } from '../../shared/deadlines';

export { shiftBy };
import { DEFAULT_POLICY, type Policy, type ProposalState, type Reply } from '../../shared/model';

export type { PromiseCommand, PromiseEvent, PromiseFollowUp, PromiseReport, ReplyPromise } from './types';

/** The longest report a unit may give (characters). */
export const MAX_PROMISE_REPORT = 5000;

/** The reply is a promise still open: a sent category B reply, not sent back, not a copy, not fulfilled. */
export const isOpenPromise = (r: Reply) => r.category === 'B' && !!r.sentAt && !r.sentBack && !r.merging?.from && !r.promise?.fulfilledAt;

/** Promise periods: days, months or (test policies) seconds; working days count as days here. */
function period(raw: string | undefined, fallback: string): Period {
  for (const s of [raw, fallback]) {
    try {
      if (s) return parsePeriod(s);
    } catch {
      /* the default below */
    }
  }
  return parsePeriod(fallback);
}

/** The promise's next follow-up: round n at sentAt + n × the period, due within the report time. */
export function nextFollowUp(r: Reply, policy: Policy | undefined): { round: number; requestAt: string; dueAt: string } | undefined {
  if (!isOpenPromise(r)) return undefined;
  const every = period(policy?.promiseFollowUpEvery, DEFAULT_POLICY.promiseFollowUpEvery!);
  const within = period(policy?.promiseReportWithin, DEFAULT_POLICY.promiseReportWithin!);
  const round = (r.promise?.followUps.length ?? 0) + 1;
  const requestAt = shiftBy(r.sentAt!, every, round);
  return { round, requestAt, dueAt: shiftBy(requestAt, within, 1) };
}

function updateReply(state: ProposalState, replyId: string, f: (r: Reply) => Reply): ProposalState {
  return { ...state, replies: (state.replies ?? []).map((r) => (r.replyId === replyId ? f(r) : r)) };
}
const promiseOf = (r: Reply) => r.promise ?? { followUps: [], reports: [] };

export const promiseSlice: Slice = {
  name: 'b-promises',
  articles: ['第十条（B类答复的承诺事项跟踪）'],
  commands: ['RequestPromiseFollowUp', 'ReportPromiseProgress'],
  events: ['PromiseFollowUpRequested', 'PromiseProgressReported', 'PromiseFulfilled'],
  runsAfterArchive: true,
  assert(command, state) {
    if (command.type !== 'ReportPromiseProgress') return;
    const d = command.data;
    const reply = findReply(state, d.replyId);
    if (!reply) throw new DomainError(ErrorCodes.REPLY_NOT_FOUND, '答复不存在', 404, { replyId: d.replyId });
    if (reply.unitId !== d.unitId) {
      throw new DomainError(ErrorCodes.NOT_ASSIGNED_TO_UNIT, '该答复不是本单位的答复', 409, { unitId: d.unitId, replyId: d.replyId });
    }
    if (reply.category !== 'B' || !reply.sentAt || reply.sentBack || reply.merging?.from) {
      throw new DomainError(ErrorCodes.NOT_A_PROMISE, '只有已发出的B类答复（正在解决或已列入计划逐步解决）需报告承诺事项进展', 409, { replyId: d.replyId });
    }
    if (reply.promise?.fulfilledAt) {
      throw new DomainError(ErrorCodes.PROMISE_FULFILLED, `该答复承诺的事项已于 ${reply.promise.fulfilledAt.slice(0, 10)} 报告办结`, 409, { replyId: d.replyId });
    }
    if (typeof d.text !== 'string' || !d.text.trim()) throw invalid('text', '请填写承诺事项的办理进展');
    if (d.text.length > MAX_PROMISE_REPORT) throw invalid('text', `进展说明最多 ${MAX_PROMISE_REPORT} 字`);
    if (typeof d.done !== 'boolean') throw invalid('done', 'done 须为 true 或 false');
  },
  decide(command, state, ctx) {
    switch (command.type) {
      case 'RequestPromiseFollowUp': {
        const d = command.data;
        const reply = findReply(state, d.replyId);
        // A promise fulfilled (or a round asked for) since the timer was planned: nothing to ask.
        if (!reply || !isOpenPromise(reply) || reply.promise?.followUps.some((f) => f.round === d.round)) return [];
        return [{ type: 'PromiseFollowUpRequested', occurredAt: d.requestAt, data: { unitId: reply.unitId, replyId: reply.replyId, round: d.round, dueAt: d.dueAt } }];
      }
      case 'ReportPromiseProgress': {
        const { unitId, replyId, done } = command.data;
        const text = command.data.text.trim();
        const events: DecidedEvent[] = [{ type: 'PromiseProgressReported', occurredAt: ctx.now, data: { unitId, replyId, text, done } }];
        if (done) events.push({ type: 'PromiseFulfilled', occurredAt: ctx.now, data: { unitId, replyId } });
        return events;
      }
      default:
        return [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PromiseFollowUpRequested': {
        const { replyId, round, dueAt } = event.data;
        return updateReply(state, replyId, (r) => {
          const p = promiseOf(r);
          return { ...r, promise: { ...p, followUps: [...p.followUps, { round, requestedAt: event.occurredAt, dueAt }] } };
        });
      }
      case 'PromiseProgressReported': {
        const { replyId, text, done } = event.data;
        return updateReply(state, replyId, (r) => {
          const p = promiseOf(r);
          return { ...r, promise: { ...p, reports: [...p.reports, { text, done, at: event.occurredAt }] } };
        });
      }
      case 'PromiseFulfilled':
        return updateReply(state, event.data.replyId, (r) => ({ ...r, promise: { ...promiseOf(r), fulfilledAt: event.occurredAt } }));
      default:
        return state;
    }
  },
  timers(state, opts) {
    if (!opts.promiseFollowUps) return [];
    const due: Timer[] = [];
    (state.replies ?? []).forEach((r, i) => {
      const next = nextFollowUp(r, state.policy);
      if (next) due.push({ at: next.requestAt, command: { type: 'RequestPromiseFollowUp', data: { unitId: r.unitId, replyId: r.replyId, ...next } }, order: [3, i] });
    });
    return due;
  },
};
