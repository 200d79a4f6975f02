/**
 * 督办发现 (Art. 8) per unit, from the items' events: the monthly progress reports a unit missed
 * (ProgressReportMissed, recorded by the progress-report timer) and the category B promises still
 * open — a reply with category B that left the unit (ReplySent, or a provincial opinion sent to
 * the proposer, OpinionSentToProposer) is a promise ("正在解决或已列入计划逐步解决"), open until
 * PromiseFulfilled names its reply. PromiseFollowUpRequested and PromiseProgressReported say how
 * often the unit was asked and what it last said.
 *
 * Read by event type and the few fields needed (as @jyta/stats-domain does): event types that are
 * not there yet simply count nothing, so the promise events count as soon as they are recorded.
 */

/** The event types this module reads (the query selects only these). */
export const SUPERVISION_EVENT_TYPES = [
  'ProgressReportMissed',
  'ReplyDrafted',
  'ReplySent',
  'OpinionSentToProposer',
  'PromiseFollowUpRequested',
  'PromiseProgressReported',
  'PromiseFulfilled',
] as const;

export interface SupervisionEvent {
  proposalId: string;
  /** The item's number (编号), for the lists. */
  number: string;
  type: string;
  data: unknown;
  occurredAt: string;
}

export interface MissedReport {
  number: string;
  month: string;
  dueAt: string;
}

export interface OpenPromise {
  number: string;
  replyId: string;
  /** When the category B reply left the unit. */
  sentAt: string;
  /** Follow-ups the unit was asked for (PromiseFollowUpRequested). */
  followUps: number;
  /** The unit's latest word on it (PromiseProgressReported). */
  lastProgress?: string;
}

export interface UnitFindings {
  unitId: string;
  missedReports: MissedReport[];
  openPromises: OpenPromise[];
}

type D = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The findings per unit from events in each item's stream order (items may interleave). Sorted by
 * unit; within a unit by item number, then month.
 */
export function supervisionFindings(events: readonly SupervisionEvent[]): UnitFindings[] {
  const byUnit = new Map<string, UnitFindings>();
  const unit = (unitId: string) => {
    let u = byUnit.get(unitId);
    if (!u) byUnit.set(unitId, (u = { unitId, missedReports: [], openPromises: [] }));
    return u;
  };
  // replyId → its draft's unit and category (reply ids are unique across items)
  const drafts = new Map<string, { unitId: string; category: string }>();
  // replyId → the open promise and its unit
  const open = new Map<string, { unitId: string; promise: OpenPromise }>();
  for (const e of events) {
    const d = (e.data ?? {}) as D;
    const replyId = str(d.replyId);
    switch (e.type) {
      case 'ProgressReportMissed': {
        const unitId = str(d.unitId);
        const month = str(d.month);
        if (unitId && month) unit(unitId).missedReports.push({ number: e.number, month, dueAt: str(d.dueAt) ?? '' });
        break;
      }
      case 'ReplyDrafted': {
        const unitId = str(d.unitId);
        const category = str(d.category);
        if (replyId && unitId && category) drafts.set(replyId, { unitId, category });
        break;
      }
      case 'ReplySent':
      case 'OpinionSentToProposer': {
        const draft = replyId ? drafts.get(replyId) : undefined;
        if (replyId && draft?.category === 'B' && !open.has(replyId)) {
          open.set(replyId, { unitId: str(d.unitId) ?? draft.unitId, promise: { number: e.number, replyId, sentAt: e.occurredAt, followUps: 0 } });
        }
        break;
      }
      case 'PromiseFollowUpRequested': {
        const p = replyId ? open.get(replyId) : undefined;
        if (p) p.promise.followUps++;
        break;
      }
      case 'PromiseProgressReported': {
        const p = replyId ? open.get(replyId) : undefined;
        const text = str(d.text);
        if (p && text) p.promise.lastProgress = text;
        break;
      }
      case 'PromiseFulfilled':
        if (replyId) open.delete(replyId);
        break;
    }
  }
  for (const { unitId, promise } of open.values()) unit(unitId).openPromises.push(promise);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byUnit.values()]
    .map((u) => ({
      ...u,
      missedReports: u.missedReports.sort((a, b) => cmp(a.number, b.number) || cmp(a.month, b.month)),
      openPromises: u.openPromises.sort((a, b) => cmp(a.number, b.number) || cmp(a.sentAt, b.sentAt)),
    }))
    .sort((a, b) => cmp(a.unitId, b.unitId));
}

/** "2026-0003（2026-05）" lists for the documents. */
export const missedReportList = (m: readonly MissedReport[]) => m.map((x) => `${x.number}（${x.month}）`).join('、');
export const promiseList = (p: readonly OpenPromise[]) => [...new Set(p.map((x) => x.number))].join('、');
