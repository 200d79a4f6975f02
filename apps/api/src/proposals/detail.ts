import type { StoredEvent } from '@jyta/event-store';
import { currentStage, handlingRounds, isOpenPromise, isReturnWindowClosed, type HandlingRound, type ProposalState, type Reply } from '@jyta/proposal-domain';
import type { HandlingRoundDto, ProposalDetailDto, ProposalEventDto, ReplyViewDto, UnitAssignmentDto } from './dto/responses.dto';
import { supervisionViewOf } from './handling-view';
import { mergingView, replyMergingView } from './merging-view';

function roundView(r: HandlingRound): HandlingRoundDto {
  return {
    round: r.round,
    startedAt: r.startedAt,
    replyDueAt: r.replyDue.dueAt,
    replyDueLastDay: r.replyDue.lastDay,
    replyDueExplanation: r.replyDue.explanation?.text ?? '',
    repliedAt: r.repliedAt ?? null,
    repliedInTime: !!r.repliedAt && Date.parse(r.repliedAt) < Date.parse(r.replyDue.dueAt),
    explanation: r.explanation ? { ...r.explanation } : null,
    replyDeadlinePassedAt: r.replyDeadlinePassed?.at ?? null,
    overdue: !!r.replyDeadlinePassed && !r.replyDeadlinePassed.explained,
    accountabilityFlagged: !!r.replyDeadlinePassed?.accountabilityFlagged,
  };
}

/** The detail of SPEC §10 from the folded state. `now` decides whether a window has closed. */
export function toDetail(
  id: string,
  state: ProposalState,
  version: number,
  unitNames: Map<string, string>,
  now: string = new Date().toISOString(),
): ProposalDetailDto {
  const d = state.details;
  if (!d) throw new Error(`proposal ${id} is not registered`);
  const assignments: UnitAssignmentDto[] = state.units.map((u) => ({
    unitId: u.unitId,
    unitName: unitNames.get(u.unitId) ?? u.unitId,
    role: u.role,
    status: u.status,
    ...(u.responsiblePerson ? { responsiblePerson: u.responsiblePerson } : {}),
    // 改派 (分别办理): whose part this unit took over, or where a returned unit's part went.
    reassignedFrom: u.reassignedFrom ?? null,
    reassignedTo: u.reassignedTo ?? null,
    assignedOn: u.assignedOn,
    signedAt: u.signedAt ?? null,
    returnWindowClosesAt: u.returnWindow.dueAt,
    returnWindowLastDay: u.returnWindow.lastDay,
    returnWindowClosed: isReturnWindowClosed(u, now),
    returnWindowClosedAt: u.returnWindowClosedAt ?? null,
    returnWindowExplanation: u.returnWindow.explanation?.text ?? '',
    replyDueAt: u.replyDue.dueAt,
    replyDueLastDay: u.replyDue.lastDay,
    replyDueExplanation: u.replyDue.explanation?.text ?? '',
    replyDueProvisional: !!u.replyDue.provisional,
    // 重新办理 (SPEC §5): the deadline above is the current round's; every round keeps its own.
    round: u.rehandling?.round ?? 1,
    rounds: handlingRounds(u, state.replies).map(roundView),
    contacts: (u.contacts ?? []).map((c) => ({ ...c })),
    explanation: u.explanation ? { ...u.explanation } : null,
    replyDeadlinePassedAt: u.replyDeadlinePassed?.at ?? null,
    delayedWithExplanation: !!u.replyDeadlinePassed?.explained,
    overdue: !!u.replyDeadlinePassed && !u.replyDeadlinePassed.explained,
    accountabilityFlagged: !!u.replyDeadlinePassed?.accountabilityFlagged,
    // 会办意见, 请示 (Art. 5), 督办台账 (SPEC §4.2–§4.3)
    ...supervisionViewOf(u, state),
    returnRequests: u.returnRequests.map((r) => ({
      reason: r.reason,
      requestedAt: r.requestedAt,
      ...(r.decision ? { decision: { ...r.decision } } : {}),
    })),
  }));
  return {
    id,
    number: d.number,
    kind: d.kind,
    level: d.level,
    status: state.status,
    title: d.title,
    content: d.content,
    ...(d.topic !== undefined ? { topic: d.topic } : {}),
    proposers: d.proposers,
    feedbackDesignee: state.feedbackDesignee
      ? { proposerIndex: state.feedbackDesignee.proposerIndex, name: d.proposers[state.feedbackDesignee.proposerIndex]?.name ?? null, at: state.feedbackDesignee.at }
      : null,
    key: d.key,
    major: d.major,
    urgent: d.urgent,
    sessionYear: d.sessionYear,
    period: d.period,
    registeredAt: d.registeredAt,
    policyVersion: state.policy?.version ?? null,
    assignment: state.assignment ? { ...state.assignment } : null,
    assignments,
    partsAwaitingReassignment: (state.partsAwaitingReassignment ?? []).map((p) => ({ unitId: p.unitId, unitName: unitNames.get(p.unitId) ?? p.unitId, since: p.since })),
    replies: (state.replies ?? []).map((r) => ({
      id: r.replyId,
      unitId: r.unitId,
      round: r.round,
      category: r.category,
      status: r.status,
      body: r.body,
      cc: r.cc,
      stages: r.stages,
      currentStage: currentStage(r) ?? null,
      reviews: r.reviews.map((v) => ({ ...v })),
      draftedAt: r.draftedAt,
      sentAt: r.sentAt ?? null,
      feedbackDueAt: r.feedbackDueAt ?? null,
      feedback: r.feedback ? { ...r.feedback } : null,
      feedbackMissingAt: r.feedbackMissingAt ?? null,
      sentBack: !!r.sentBack,
      feedbackRecipient: recipientView(state, r.feedbackRecipient),
      documents: (r.documents ?? []).map((doc, i, all) => ({
        round: doc.round,
        documentNumber: doc.documentNumber ?? null,
        title: doc.title,
        body: doc.body,
        status: doc.status,
        stages: doc.stages,
        currentStage: i === all.length - 1 ? (currentStage(r) ?? null) : null,
        reviews: doc.reviews.map((v) => ({ ...v })),
        compiledAt: doc.compiledAt,
        signedAt: doc.signedAt ?? null,
        sentAt: doc.sentAt ?? null,
        cc: doc.cc ?? [],
      })),
      disclosure: r.disclosure ? { ...r.disclosure } : null,
      reading: r.reading ? { ...r.reading } : null,
      merging: replyMergingView(r),
      // 承诺事项跟踪 (b-promises): a category B reply's follow-ups and reports
      promise: r.category === 'B' && r.sentAt ? { followUps: r.promise?.followUps ?? [], reports: r.promise?.reports ?? [], fulfilledAt: r.promise?.fulfilledAt ?? null, open: isOpenPromise(r) } : null,
    })),
    archivedAt: state.archivedAt ?? null,
    majorApproval: state.majorApproval ? { ...state.majorApproval } : null,
    // 并案办理 (merging-view.ts)
    ...mergingView(state),
    version,
  };
}

/** Who received a reply's form, by channel and name (never the token, phone or address). */
function recipientView(state: ProposalState, r: Reply['feedbackRecipient']): ReplyViewDto['feedbackRecipient'] {
  if (!r) return null;
  const proposers = state.details?.proposers ?? [];
  const index = r.channel === 'none' ? undefined : (r.proposerIndex ?? (r.channel === 'account' ? proposers.findIndex((p) => p.username === r.username) : undefined));
  const name = index !== undefined && index >= 0 ? (proposers[index]?.name ?? null) : null;
  return {
    channel: r.channel,
    name,
    ...(r.channel === 'account' ? { username: r.username } : {}),
    ...(index !== undefined && index >= 0 ? { proposerIndex: index } : {}),
    reissued: !!r.reissued,
    at: r.at,
  };
}

export function toEventView(e: StoredEvent): ProposalEventDto {
  return {
    version: e.version,
    type: e.type,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.recordedAt,
    actor: (e.metadata.actor as ProposalEventDto['actor']) ?? null,
    data: e.data,
    correlationId: e.metadata.correlationId,
  };
}

/**
 * What the proposer's own item page shows of the replies (SPEC §10, Art. 11): the replies sent to
 * them and their own feedback — not drafts in review, not drafts sent back for revision, not the
 * reviewers' comments or review stages, not the vice mayor's 阅示, and of a provincial/national
 * item's government documents only those sent.
 */
export function proposerView(detail: ProposalDetailDto): ProposalDetailDto {
  return {
    ...detail,
    replies: detail.replies
      .filter((r) => r.sentAt !== null)
      .map((r) => ({
        ...r,
        stages: [],
        currentStage: null,
        reviews: [],
        reading: null,
        feedbackRecipient: null,
        documents: r.documents
          .filter((doc) => doc.sentAt !== null)
          .map((doc) => ({ ...doc, stages: [], currentStage: null, reviews: [] })),
      })),
  };
}

/**
 * The steps of an item's history a proposer sees: those their item page shows. Drafts, reviews,
 * the units' internal requests and the supervision log are the government's working papers
 * (the office and the units see them); a proposer asking for /events gets the public steps only.
 */
export const PROPOSER_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ProposalRegistered',
  'ProposalAssigned',
  // 改派: the unit now handling a part of the item, as an assignment
  'PartReassigned',
  'ReceiptSigned',
  'ContactRecorded',
  'ReplySent',
  'OpinionSentToProposer',
  'FeedbackReceived',
  'FeedbackMissing',
  'GovernmentDocumentSent',
  'DisclosureChosen',
  'ProposalArchived',
]);

export function proposerEventView(e: StoredEvent): ProposalEventDto | undefined {
  return PROPOSER_EVENT_TYPES.has(e.type) ? toEventView(e) : undefined;
}
