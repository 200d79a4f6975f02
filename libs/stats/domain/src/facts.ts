/**
 * The facts of one item that the Art. 16 figures are made of, folded from its events.
 *
 * The item's events are read by their type and the few fields this module needs (not through the
 * proposal domain's evolve()): the figures must not move when the handling rules are reshaped,
 * and event types this module does not know (or that appear later, e.g. RehandlingStarted) are
 * simply ignored until it knows them. The counting rules are written down in docs/kpis.md.
 *
 * The unit of account is a **case**: one answering unit's part of one item (单一 / 主办 /
 * 分别办理; co-units answer to the lead, not to the proposer, and are not cases). An item with
 * one answering unit is one case.
 */

export type Chamber = 'npc' | 'cppcc';
export type Category = 'A' | 'B' | 'C' | 'D';
/** The proposer's latest word on the result of a case, or none recorded in time (逾期未反馈). */
export type FeedbackResult = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'no_feedback';

/** One event of the item's history, as stored: type, data, business time, store time. */
export interface HistoryEvent {
  type: string;
  data: unknown;
  /** Business time (ISO 8601): when it happened. */
  occurredAt: string;
  /** Store time (ISO 8601): when it was recorded; `asOf` cuts on this. */
  recordedAt: string;
}

/** A reply round of a case: the deadline it is judged against and when (if) it was answered. */
export interface Round {
  /** The deadline in force (ISO instant, 24:00 of the last day); null while unknown (see docs/kpis.md). */
  dueAt: string | null;
  repliedAt?: string;
  /** Set by ReplyDeadlinePassed: the round passed its deadline unanswered. */
  deadlinePassed?: boolean;
}

export interface Case {
  unitId: string;
  role: 'lead' | 'separate' | 'merged_copy';
  /** The unit's reply deadline in force (from the assignment, moved by DeadlinesRecomputed). */
  replyDueAt: string | null;
  rounds: Round[];
  faceToFace: boolean;
  /** Category of the latest reply sent (or copy received). */
  category: Category | null;
  repliedAt: string | null;
  feedback: FeedbackResult | null;
  /**
   * Open promises (承诺, SPEC §8): the category B replies of this case sent and not yet fulfilled
   * (PromiseFulfilled for that replyId). Absent until the first one (so that the versions of
   * cases without a promise read as before).
   */
  openPromises?: string[];
}

export interface ItemFacts {
  proposalId: string;
  number: string;
  title: string;
  kind: string;
  level: string;
  sessionYear: number;
  key: boolean;
  leaderInCharge: string | null;
  /** 并案办理: merged into this main item (its number) — it then has copies, not replies of its own. */
  mergedInto: string | null;
  cases: Case[];
  /** replyId → what the draft said, to know the category of what is sent. */
  drafts: Record<string, { unitId: string; category: Category }>;
}

export const chamberOf = (kind: string): Chamber => (kind === 'npc_suggestion' ? 'npc' : 'cppcc');
/** Art. 16: key items (重点建议/重点提案) and the CPPCC's 建议案 are held to 100% satisfaction. */
export const isKeyOrRecommendation = (f: Pick<ItemFacts, 'key' | 'kind'>) => f.key || f.kind === 'cppcc_recommendation';

export const emptyFacts = (proposalId: string): ItemFacts => ({
  proposalId,
  number: '',
  title: '',
  kind: '',
  level: 'municipal',
  sessionYear: 0,
  key: false,
  leaderInCharge: null,
  mergedInto: null,
  cases: [],
  drafts: {},
});

// The fields read from each event type (a subset of the proposal domain's event data).
type D = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SATISFACTION = new Set(['satisfied', 'basically_satisfied', 'dissatisfied']);
const CATEGORIES = new Set(['A', 'B', 'C', 'D']);

function withCase(f: ItemFacts, unitId: string, change: (c: Case) => Case): ItemFacts {
  let found = false;
  const cases = f.cases.map((c) => {
    if (c.unitId !== unitId) return c;
    found = true;
    return change(c);
  });
  return found ? { ...f, cases } : f;
}

const openRound = (c: Case): Round | undefined => {
  const last = c.rounds.at(-1);
  return last && !last.repliedAt ? last : undefined;
};

const mapOpenRound = (c: Case, change: (r: Round) => Round): Case => {
  if (!openRound(c)) return c;
  return { ...c, rounds: [...c.rounds.slice(0, -1), change(c.rounds[c.rounds.length - 1])] };
};

/**
 * A reply left the unit (函复 / the provincial opinion to the proposer / a copy-only reply): it
 * answers the open round. A category B reply (正在解决或列入计划) is a promise, open until fulfilled.
 */
function replied(c: Case, at: string, category: Category | null, replyId?: string): Case {
  const promise = category === 'B' && replyId && !(c.openPromises ?? []).includes(replyId);
  return {
    ...(promise ? { openPromises: [...(c.openPromises ?? []), replyId] } : {}),
    // A round whose own deadline is not known is judged against the unit's deadline in force now.
    ...mapOpenRound(c, (r) => ({ ...r, repliedAt: at, dueAt: r.dueAt ?? c.replyDueAt })),
    category: category ?? c.category,
    repliedAt: at,
  };
}

/**
 * The unit handles the item again (退回重办): a new round. Its deadline is the re-handling
 * deadline once RehandlingStarted names it; until then it is unknown here (null): the round is
 * judged, when answered, against the unit's deadline in force at that time (docs/kpis.md).
 */
function reopened(c: Case): Case {
  if (openRound(c)) return c;
  return { ...c, rounds: [...c.rounds, { dueAt: null }] };
}

function newCase(unitId: string, role: Case['role'], replyDueAt: string | null, withRound: boolean): Case {
  return {
    unitId,
    role,
    replyDueAt,
    rounds: withRound ? [{ dueAt: replyDueAt }] : [],
    faceToFace: false,
    category: null,
    repliedAt: null,
    feedback: null,
  };
}

/** Folds one event into the item's facts (pure; unknown event types leave them unchanged). */
export function foldFact(f: ItemFacts, e: HistoryEvent): ItemFacts {
  const d = (e.data ?? {}) as D;
  switch (e.type) {
    case 'ProposalRegistered':
      return {
        ...f,
        number: String(d.number ?? f.number),
        title: String(d.title ?? f.title),
        kind: String(d.kind ?? f.kind),
        level: String(d.level ?? f.level),
        sessionYear: Number(d.sessionYear ?? f.sessionYear),
        key: !!d.key,
      };
    case 'ProposalAssigned': {
      const units = (d.units ?? []) as D[];
      let next: ItemFacts = { ...f, leaderInCharge: d.leaderInCharge ?? f.leaderInCharge };
      for (const u of units) {
        if (u.role !== 'lead' && u.role !== 'separate') continue;
        const due = (u.replyDue?.dueAt as string | undefined) ?? null;
        // A unit assigned again (after a return) starts a fresh case.
        next = { ...next, cases: [...next.cases.filter((c) => c.unitId !== u.unitId), newCase(u.unitId, u.role, due, true)] };
      }
      return next;
    }
    case 'ReturnApproved':
      // The unit leaves the item (退转, Art. 7): it was never its business, so no case of it counts.
      return { ...f, cases: f.cases.filter((c) => c.unitId !== d.unitId) };
    case 'DeadlinesRecomputed': {
      let next = f;
      for (const u of (d.units ?? []) as D[]) {
        const to = u.replyDue?.to?.dueAt as string | undefined;
        if (!to) continue;
        const from = (u.replyDue?.from?.dueAt as string | undefined) ?? null;
        // The open round moves when it runs against the deadline that moved (the assignment's, or its re-handling one).
        next = withCase(next, u.unitId, (c) => ({
          ...mapOpenRound(c, (r) => (!r.deadlinePassed && r.dueAt !== null && r.dueAt === (from ?? c.replyDueAt) ? { ...r, dueAt: to } : r)),
          replyDueAt: to,
        }));
      }
      return next;
    }
    case 'RehandlingStarted': {
      // The re-handling deadline after a send-back (SPEC §5): the new round is judged against it,
      // and it is the unit's deadline in force from now on.
      const due = (d.replyDue?.dueAt as string | undefined) ?? null;
      return withCase(f, d.unitId, (c) => {
        const c2 = reopened(c);
        return { ...mapOpenRound(c2, (r) => ({ ...r, dueAt: due ?? r.dueAt })), replyDueAt: due ?? c2.replyDueAt };
      });
    }
    case 'ReplyDeadlinePassed':
      return withCase(f, d.unitId, (c) => mapOpenRound(c, (r) => ({ ...r, deadlinePassed: true, dueAt: r.dueAt ?? d.dueAt ?? null })));
    case 'ContactRecorded':
      return d.method === 'face_to_face' ? withCase(f, d.unitId, (c) => ({ ...c, faceToFace: true })) : f;
    case 'ReplyDrafted':
      return CATEGORIES.has(d.category) ? { ...f, drafts: { ...f.drafts, [d.replyId]: { unitId: d.unitId, category: d.category } } } : f;
    case 'ReplySent':
    case 'OpinionSentToProposer': {
      // A provincial/national item's opinion sent to the proposer is its reply (Art. 10, 11).
      const draft = f.drafts[d.replyId];
      return withCase(f, d.unitId ?? draft?.unitId, (c) => replied(c, e.occurredAt, draft?.category ?? null, d.replyId));
    }
    case 'ReplyCopiedToMergedItems': {
      // Sent to the merged items only (the main item's own proposer had answered): still this round's reply.
      if (!d.forMergedItemsOnly) return f;
      const draft = f.drafts[d.replyId];
      return withCase(f, d.unitId, (c) => replied(c, e.occurredAt, draft?.category ?? null, d.replyId));
    }
    case 'PromiseFulfilled':
      // The unit reports the promise of a category B reply kept (obligations): it closes.
      return withCase(f, d.unitId ?? f.drafts[d.replyId]?.unitId, (c) =>
        c.openPromises?.includes(d.replyId) ? { ...c, openPromises: c.openPromises.filter((r) => r !== d.replyId) } : c,
      );
    case 'MergedItemReopened':
      return d.handlingAgain ? withCase(f, d.unitId, reopened) : f;
    case 'MergedIntoProposal':
      return { ...f, mergedInto: String(d.mainNumber ?? d.mainProposalId) };
    case 'MergedReplyReceived': {
      // The merged item's own copy of the main item's reply: its proposer answers it (docs/kpis.md).
      if (!CATEGORIES.has(d.category)) return f;
      const exists = f.cases.some((c) => c.unitId === d.unitId);
      const base = exists ? f : { ...f, cases: [...f.cases, newCase(d.unitId, 'merged_copy', null, false)] };
      const at = (d.sentAt as string | undefined) ?? e.occurredAt;
      return {
        ...withCase(base, d.unitId, (c) => ({ ...c, category: d.category, repliedAt: at, feedback: null })),
        drafts: { ...base.drafts, [d.replyId]: { unitId: d.unitId, category: d.category } },
      };
    }
    case 'ProposalSplitOff':
      // Split off again: handled on its own from its own assignment; the copies' cases end.
      return { ...f, mergedInto: null, cases: f.cases.filter((c) => c.role !== 'merged_copy') };
    case 'FeedbackReceived': {
      if (!SATISFACTION.has(d.result)) return f;
      const unitId = d.unitId ?? f.drafts[d.replyId]?.unitId;
      return withCase(f, unitId, (c) => {
        const answered = { ...c, feedback: d.result as FeedbackResult };
        // Sent back (or, on a provincial item, not satisfied): the unit handles it again (Art. 10).
        const again = d.sendBack === true || d.awaitingDocument === false;
        return again && c.role !== 'merged_copy' ? reopened(answered) : answered;
      });
    }
    case 'FeedbackMissing': {
      const unitId = d.unitId ?? f.drafts[d.replyId]?.unitId;
      return withCase(f, unitId, (c) => ({ ...c, feedback: 'no_feedback' }));
    }
    default:
      return f;
  }
}

/** The item's facts from its history (in stream order). */
export function foldFacts(proposalId: string, history: readonly HistoryEvent[]): ItemFacts {
  return history.reduce(foldFact, emptyFacts(proposalId));
}
