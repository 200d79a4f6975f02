/**
 * 并案办理: items on the same matter are handled as one, while each stays an item of its own.
 *
 * The office decides it when the items are registered and assigned (before any is assigned): one
 * item is the main item (主件), assigned and handled as usual; the others are merged into it
 * (status 'merged') and take no step of their own handling. Every item keeps its number, its
 * proposers, its own replies, feedback form (Art. 11) and figures:
 * - each reply the main item sends is copied to every merged item not yet done; the copy is a
 *   reply of the merged item with its own feedback deadline and its own form for its proposer;
 * - a merged item's proposer who is satisfied (or does not answer) closes that item, which is
 *   archived on its own (Art. 17); one who sends the copy back makes the main item's unit handle
 *   the matter again (Art. 10 last sentence) and the next reply is copied again;
 * - the main item is archived only when its own units are done and every merged item is done;
 * - the office may split an item off again while it is not done: it returns to 'registered' and
 *   is assigned on its own, keeping the copies it received.
 * The items talk through forwarded commands (the ForwardCommand effect, slice.ts): each decides under its
 * own rules and lock.
 */
import { computeDeadlineReported, parsePeriod, shanghaiDate } from '@jyta/calendar-domain';
import type { DecideContext, ProposalCommand } from '../../commands';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import type { Effect } from '../../slice';
import type { DecidedEvent } from '../../events';
import { archived, openMergedItems } from '../../shared/archive';
import { feedbackFormEffect } from '../../shared/feedback-form';
import type { MergedItem, MergedItemRef, MergingCommand, MergingEvent } from './types';
import {
  activeUnits,
  answersForItself,
  DEFAULT_POLICY,
  findActiveUnit,
  type ProposalKind,
  type ProposalLevel,
  type ProposalState,
  type Reply,
} from '../../shared/model';

const MERGING_COMMANDS: ReadonlySet<string> = new Set<MergingCommand['type']>([
  'MergeIntoProposal',
  'AcceptMergedProposals',
  'SplitMergedProposal',
  'SplitFromProposal',
  'ReceiveMergedReply',
  'ReopenForMergedItem',
  'MergedItemDone',
]);
export const isMergingCommand = (c: ProposalCommand): c is MergingCommand => MERGING_COMMANDS.has(c.type);

const MERGING_EVENTS: ReadonlySet<string> = new Set<MergingEvent['type']>([
  'ProposalsMerged',
  'MergedIntoProposal',
  'ReplyCopiedToMergedItems',
  'MergedReplyReceived',
  'MergedItemReopened',
  'MergedItemCompleted',
  'MergedProposalSplit',
  'ProposalSplitOff',
]);
export const isMergingEvent = (e: DecidedEvent): e is Extract<DecidedEvent, MergingEvent> => MERGING_EVENTS.has(e.type);

// ---- rules ----------------------------------------------------------------------------------

/** 人大 or 政协: suggestions are merged only with suggestions, proposals and recommendations only with each other. */
export const chamberOf = (kind: ProposalKind): 'npc' | 'cppcc' => (kind === 'npc_suggestion' ? 'npc' : 'cppcc');
const CHAMBER_LABEL = { npc: '人大代表建议', cppcc: '政协提案' } as const;

/** What a merged item may still take: its copies' feedback and timers, the split, and what is not its handling. */
const ON_MERGED_ITEM: ReadonlySet<string> = new Set([
  'RegisterProposal', // refused as ALREADY_REGISTERED, as for any item
  'ReceiveMergedReply',
  'SubmitFeedback',
  'RecordMissingFeedback',
  // its own replies' forms: to whom they went, and the office's designation (art11-feedback)
  'RecordFeedbackFormIssued',
  'DesignateFeedbackRecipient',
  'SplitFromProposal',
  'ChooseDisclosure',
  'ReadSatisfiedReply',
  'RecomputeDeadlines',
]);

export const mergedIntoOther = (s: ProposalState) =>
  new DomainError(
    ErrorCodes.MERGED_INTO_OTHER,
    `该件已并入 ${s.mergedInto?.number ?? '主件'} 办理（并案办理），随主件办理，不单独交办、办理`,
    409,
    { mainProposalId: s.mergedInto?.proposalId ?? null, mainNumber: s.mergedInto?.number ?? null },
  );

/** A merged item takes no command of its own handling (called for every command). */
export function assertNotMergedAway(command: ProposalCommand, state: ProposalState): void {
  if (state.status === 'merged' && !ON_MERGED_ITEM.has(command.type)) throw mergedIntoOther(state);
}

const findMergedItem = (s: ProposalState, proposalId: string) => (s.mergedItems ?? []).find((m) => m.proposalId === proposalId);

/** 并案 is decided when items are registered and assigned: only items not yet assigned (either side). */
function assertUnassigned(state: ProposalState, role: '主件' | '该件'): void {
  if (state.status === 'registered') return;
  if (state.status === 'archived') throw new DomainError(ErrorCodes.ARCHIVED, `${role}已归档，不能并案（第十七条）`, 409);
  if (state.status === 'merged') throw mergedIntoOther(state);
  throw new DomainError(ErrorCodes.ALREADY_ASSIGNED, `${role}已交办；并案须在登记交办时决定，已交办的件不能并案`, 409);
}

function assertSameChamberMunicipal(kind: ProposalKind, level: ProposalLevel, mainKind: ProposalKind, mainLevel: ProposalLevel): void {
  if (chamberOf(kind) !== chamberOf(mainKind)) {
    throw new DomainError(
      ErrorCodes.MERGE_CHAMBER_MISMATCH,
      `${CHAMBER_LABEL[chamberOf(kind)]}不能与${CHAMBER_LABEL[chamberOf(mainKind)]}并案：人大代表建议只与建议并案，政协提案、建议案只与政协提案、建议案并案`,
      409,
      { kind, mainKind },
    );
  }
  if (level !== 'municipal' || mainLevel !== 'municipal') {
    throw new DomainError(ErrorCodes.MERGE_NOT_MUNICIPAL, '省级、全国建议提案按省政府办公厅交办答复，不能并案办理', 409, { level, mainLevel });
  }
}

/** Checks of the merging commands (the command-specific part of assertAllowed). */
export function assertMergingAllowed(command: MergingCommand, state: ProposalState): void {
  const self = state.details?.proposalId;
  switch (command.type) {
    case 'MergeIntoProposal': {
      const d = command.data;
      if (d.mainProposalId === self) throw invalid('itemIds', '主件不能并入它自己');
      assertUnassigned(state, '该件');
      if (openMergedItems(state).length) {
        throw new DomainError(ErrorCodes.HAS_MERGED_ITEMS, `该件（${state.details?.number}）是其他件的主件，不能再并入别的件`, 409);
      }
      assertSameChamberMunicipal(state.details!.kind, state.details!.level, d.mainKind, d.mainLevel);
      return;
    }
    case 'AcceptMergedProposals': {
      const items = command.data.items ?? [];
      assertUnassigned(state, '主件');
      if (items.length === 0) throw invalid('itemIds', '请至少指定一件并入主件的建议提案');
      const ids = items.map((i) => i.proposalId);
      const dup = ids.find((id, i) => ids.indexOf(id) !== i);
      if (dup) throw invalid('itemIds', `建议提案 ${dup} 重复`);
      if (ids.includes(self!)) throw invalid('itemIds', '主件不能并入它自己');
      const already = items.find((i) => findMergedItem(state, i.proposalId)?.status === 'merged');
      if (already) throw invalid('itemIds', `${already.number} 已并入本件`);
      for (const i of items) assertSameChamberMunicipal(i.kind, i.level, state.details!.kind, state.details!.level);
      return;
    }
    case 'SplitMergedProposal': {
      const m = findMergedItem(state, command.data.proposalId);
      if (!m || m.status === 'split') {
        throw new DomainError(ErrorCodes.NOT_MERGED, '该件未并入本件', 409, { proposalId: command.data.proposalId });
      }
      if (m.status === 'done') {
        throw new DomainError(ErrorCodes.MERGED_ITEM_DONE, `${m.number} 已办结，不能拆分`, 409, { proposalId: m.proposalId, number: m.number });
      }
      return;
    }
    case 'SplitFromProposal':
    case 'ReceiveMergedReply':
      if (state.status !== 'merged' || state.mergedInto?.proposalId !== command.data.mainProposalId) {
        throw new DomainError(ErrorCodes.NOT_MERGED, '该件未并入该主件', 409, { mainProposalId: command.data.mainProposalId });
      }
      return;
    case 'ReopenForMergedItem':
    case 'MergedItemDone':
      if (!findMergedItem(state, command.data.mergedProposalId)) {
        throw new DomainError(ErrorCodes.NOT_MERGED, '该件未并入本件', 409, { proposalId: command.data.mergedProposalId });
      }
      return;
  }
}

/** An item as the API loaded it, for the all-or-nothing check before anything is sent. */
export interface ItemToMerge {
  proposalId: string;
  state: ProposalState;
}

/**
 * The whole merge request checked at once, before any item is changed (all or nothing): the main
 * item and every item to merge, each refusal naming the item (details.itemId, details.number).
 */
export function assertMergeRequest(main: ItemToMerge, items: ItemToMerge[]): void {
  const named = (item: ItemToMerge, f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const number = item.state.details?.number ?? item.proposalId;
      const field = e.code === ErrorCodes.VALIDATION_FAILED ? { field: 'itemIds' } : {};
      throw new DomainError(e.code, `${number}：${e.message}`, e.status, { ...e.details, ...field, itemId: item.proposalId, number });
    }
  };
  const md = main.state.details!;
  // Each item's own refusal first, naming it; then the main item's (its state, duplicates, itself).
  for (const item of items) {
    named(item, () => {
      if (item.state.status === 'archived') throw new DomainError(ErrorCodes.ARCHIVED, '该件已归档，不能并案（第十七条）', 409);
      assertMergingAllowed(
        { type: 'MergeIntoProposal', data: { mainProposalId: main.proposalId, mainNumber: md.number, mainKind: md.kind, mainLevel: md.level } },
        item.state,
      );
    });
  }
  named(main, () => assertMergingAllowed({ type: 'AcceptMergedProposals', data: { items: items.map((i) => refOf(i.proposalId, i.state)) } }, main.state));
}

/**
 * A split checked before anything is changed: the item is merged into this main item and not
 * done (an archived item keeps its result: it is not split off).
 */
export function assertSplitRequest(main: ItemToMerge, item: ItemToMerge): void {
  const number = item.state.details?.number ?? item.proposalId;
  const m = findMergedItem(main.state, item.proposalId);
  if (m?.status === 'done' || item.state.status === 'archived') {
    throw new DomainError(ErrorCodes.MERGED_ITEM_DONE, `${number} 已办结归档，不能拆分`, 409, { itemId: item.proposalId, number });
  }
  if (m?.status !== 'merged' || item.state.mergedInto?.proposalId !== main.proposalId) {
    throw new DomainError(ErrorCodes.NOT_MERGED, `${number} 未并入该主件`, 409, { itemId: item.proposalId, number });
  }
}

/** How the main item records an item merged into it. */
export function refOf(proposalId: string, s: ProposalState): MergedItemRef {
  const d = s.details!;
  return { proposalId, number: d.number, title: d.title, kind: d.kind, level: d.level, proposers: d.proposers };
}

/** The copy's own reply id: one per main reply and merged item (feedback tokens are keyed by reply id). */
export const mergedReplyId = (mainReplyId: string, mergedProposalId: string) => `${mainReplyId}.${mergedProposalId}`;

/** The merged items that sent this reply back count as a send-back for the unit's next round. */

// ---- decide ---------------------------------------------------------------------------------


/** Every answering unit of the main item done, every merged item done or split: the main item may be archived. */
function mainComplete(state: ProposalState, exceptMerged?: string): boolean {
  const answering = activeUnits(state).filter(answersForItself);
  return (
    state.status === 'assigned' &&
    answering.length > 0 &&
    answering.every((u) => u.status === 'done') &&
    (state.mergedItems ?? []).every((m) => m.status !== 'merged' || m.proposalId === exceptMerged)
  );
}

export function decideMerging(command: MergingCommand, state: ProposalState, ctx: DecideContext): DecidedEvent[] {
  const at = ctx.now;
  switch (command.type) {
    case 'MergeIntoProposal':
      return [{ type: 'MergedIntoProposal', occurredAt: at, data: { mainProposalId: command.data.mainProposalId, mainNumber: command.data.mainNumber } }];
    case 'AcceptMergedProposals':
      return [
        {
          type: 'ProposalsMerged',
          occurredAt: at,
          data: { items: command.data.items.map(({ proposalId, number, title, proposers }) => ({ proposalId, number, title, proposers })) },
        },
      ];
    case 'SplitMergedProposal': {
      const events: DecidedEvent[] = [{ type: 'MergedProposalSplit', occurredAt: at, data: { proposalId: command.data.proposalId } }];
      // The last open item left while the main item's own units were done: nothing holds the archive any more.
      return mainComplete(state, command.data.proposalId) ? [...events, archived(at)] : events;
    }
    case 'SplitFromProposal': {
      const open = (state.replies ?? []).filter((r) => r.merging?.from && r.status === 'sent').map((r) => r.replyId);
      return [
        {
          type: 'ProposalSplitOff',
          occurredAt: at,
          data: { mainProposalId: state.mergedInto!.proposalId, mainNumber: state.mergedInto!.number, closedReplyIds: open },
        },
      ];
    }
    case 'ReceiveMergedReply': {
      const d = command.data;
      const replyId = mergedReplyId(d.replyId, state.details!.proposalId);
      if ((state.replies ?? []).some((r) => r.replyId === replyId)) return []; // delivered twice
      // Its own feedback period (Art. 11), counted like the main item's from the day the reply was sent.
      const period = parsePeriod(state.policy?.feedbackPeriod ?? DEFAULT_POLICY.feedbackPeriod!);
      if (period.unit !== 'second' && !ctx.calendar) throw new Error('decide(ReceiveMergedReply) needs the calendar');
      const due = computeDeadlineReported({
        start: shanghaiDate(d.sentAt),
        startInstant: d.sentAt,
        period,
        calendar: ctx.calendar ?? { coveredYears: [], overrides: [] },
      });
      return [
        {
          type: 'MergedReplyReceived',
          occurredAt: d.sentAt,
          data: {
            replyId,
            mainProposalId: d.mainProposalId,
            mainNumber: d.mainNumber,
            mainReplyId: d.replyId,
            unitId: d.unitId,
            round: d.round,
            category: d.category,
            body: d.body,
            cc: d.cc,
            sentAt: d.sentAt,
            feedbackDueAt: due.dueAt,
            answeringUnitIds: d.answeringUnitIds,
          },
        },
      ];
    }
    case 'ReopenForMergedItem': {
      const d = command.data;
      if (findMergedItem(state, d.mergedProposalId)?.status !== 'merged') return []; // split meanwhile
      const unit = findActiveUnit(state, d.unitId);
      return [
        {
          type: 'MergedItemReopened',
          occurredAt: at,
          // A unit still waiting for its own proposer handles it again once they answer (withMergedArchive).
          data: { mergedProposalIds: [d.mergedProposalId], replyId: d.replyId, unitId: d.unitId, handlingAgain: unit?.status === 'done' },
        },
      ];
    }
    case 'MergedItemDone': {
      const id = command.data.mergedProposalId;
      if (findMergedItem(state, id)?.status !== 'merged') return [];
      const events: DecidedEvent[] = [{ type: 'MergedItemCompleted', occurredAt: at, data: { mergedProposalId: id } }];
      return mainComplete(state, id) ? [...events, archived(at)] : events;
    }
  }
}

/** Has the main item's own proposer finished with this unit's replies (so a new one is for merged items only)? */
function ownProposerDone(state: ProposalState, unitId: string, replyId: string): boolean {
  const prev = (state.replies ?? []).filter((r) => r.unitId === unitId && r.replyId !== replyId && r.sentAt).at(-1);
  if (!prev) return false;
  if (prev.merging?.forMergedItemsOnly) return true;
  if (prev.feedback) return !prev.feedback.sendBack;
  return !!prev.feedbackMissingAt;
}

/**
 * Called with the events of SendReply on any item: on a main item the reply is copied to every
 * merged item not yet done. When the main item's own proposer had already answered this unit
 * (the round was opened again for merged items only), the reply goes to them alone: no ReplySent
 * (no form, no notice for the main item's proposer).
 */
export function withMergedCopies(state: ProposalState, events: DecidedEvent[]): DecidedEvent[] {
  if (!state.mergedItems?.length) return events;
  const sent = events.find((e): e is Extract<DecidedEvent, { type: 'ReplySent' }> => e.type === 'ReplySent');
  if (!sent) return events;
  const { replyId, unitId } = sent.data;
  const mergedProposalIds = openMergedItems(state).map((m) => m.proposalId);
  const forMergedItemsOnly = ownProposerDone(state, unitId, replyId);
  const copied: DecidedEvent = { type: 'ReplyCopiedToMergedItems', occurredAt: sent.occurredAt, data: { replyId, unitId, mergedProposalIds, forMergedItemsOnly } };
  if (!forMergedItemsOnly) return mergedProposalIds.length ? [...events, copied] : events;
  const out = [...events.filter((e) => e !== sent), copied];
  // Nobody left to answer it (split meanwhile): the unit is done again, and maybe the item.
  const others = activeUnits(state).filter((u) => answersForItself(u) && u.unitId !== unitId);
  if (mergedProposalIds.length === 0 && state.status === 'assigned' && others.every((u) => u.status === 'done')) out.push(archived(sent.occurredAt));
  return out;
}

// ---- evolve ---------------------------------------------------------------------------------

export function evolveMerging(state: ProposalState, event: Extract<DecidedEvent, MergingEvent>): ProposalState {
  const at = event.occurredAt;
  const items = (f: (m: MergedItem) => MergedItem) => (state.mergedItems ?? []).map(f);
  const replies = (f: (r: Reply) => Reply) => (state.replies ?? []).map(f);
  switch (event.type) {
    case 'ProposalsMerged': {
      const ids = event.data.items.map((i) => i.proposalId);
      const added: MergedItem[] = event.data.items.map((i) => ({ ...i, status: 'merged', mergedAt: at, awaitingUnits: [] }));
      // An item split off earlier and merged again is listed once, as it stands now.
      return { ...state, mergedItems: [...(state.mergedItems ?? []).filter((m) => !ids.includes(m.proposalId)), ...added] };
    }
    case 'MergedIntoProposal':
      return { ...state, status: 'merged', mergedInto: { proposalId: event.data.mainProposalId, number: event.data.mainNumber, mergedAt: at } };
    case 'ReplyCopiedToMergedItems': {
      const d = event.data;
      const next: ProposalState = {
        ...state,
        mergedItems: items((m) => (d.mergedProposalIds.includes(m.proposalId) ? { ...m, awaitingUnits: m.awaitingUnits.filter((u) => u !== d.unitId) } : m)),
        replies: replies((r) =>
          r.replyId !== d.replyId
            ? r
            : {
                ...r,
                merging: { ...r.merging, copiedTo: d.mergedProposalIds, ...(d.forMergedItemsOnly ? { forMergedItemsOnly: true } : {}) },
                // Sent to the merged items only: nothing for the main item's proposer to answer.
                ...(d.forMergedItemsOnly ? { status: 'closed' as const, sentAt: at } : {}),
              },
        ),
      };
      if (!d.forMergedItemsOnly) return next;
      return { ...next, units: next.units.map((u) => (u.unitId === d.unitId && u.status !== 'returned' ? { ...u, status: 'done' } : u)) };
    }
    case 'MergedReplyReceived': {
      const d = event.data;
      const copy: Reply = {
        replyId: d.replyId,
        unitId: d.unitId,
        round: d.round,
        category: d.category,
        body: d.body,
        cc: d.cc,
        stages: [],
        reviews: [],
        status: 'sent',
        draftedAt: d.sentAt,
        sentAt: d.sentAt,
        feedbackDueAt: d.feedbackDueAt,
        merging: { from: { proposalId: d.mainProposalId, number: d.mainNumber, replyId: d.mainReplyId }, answeringUnitIds: d.answeringUnitIds },
      };
      // The proposer answers the latest reply of the unit: an earlier copy still open is replaced.
      const superseded = replies((r) =>
        r.merging?.from && r.unitId === d.unitId && r.status === 'sent' ? { ...r, status: 'closed', merging: { ...r.merging, supersededAt: at } } : r,
      );
      return { ...state, replies: [...superseded, copy] };
    }
    case 'MergedItemReopened': {
      const d = event.data;
      return {
        ...state,
        mergedItems: items((m) =>
          d.mergedProposalIds.includes(m.proposalId) && !m.awaitingUnits.includes(d.unitId) ? { ...m, awaitingUnits: [...m.awaitingUnits, d.unitId] } : m,
        ),
        replies: replies((r) =>
          r.replyId === d.replyId
            ? { ...r, merging: { ...r.merging, sentBackBy: [...new Set([...(r.merging?.sentBackBy ?? []), ...d.mergedProposalIds])] } }
            : r,
        ),
        units: d.handlingAgain ? state.units.map((u) => (u.unitId === d.unitId && u.status !== 'returned' ? { ...u, status: 'handling' } : u)) : state.units,
      };
    }
    case 'MergedItemCompleted':
      return { ...state, mergedItems: items((m) => (m.proposalId === event.data.mergedProposalId ? { ...m, status: 'done', doneAt: at, awaitingUnits: [] } : m)) };
    case 'MergedProposalSplit':
      return { ...state, mergedItems: items((m) => (m.proposalId === event.data.proposalId ? { ...m, status: 'split', splitAt: at, awaitingUnits: [] } : m)) };
    case 'ProposalSplitOff': {
      const closed = new Set(event.data.closedReplyIds);
      return {
        ...state,
        status: 'registered',
        mergedInto: undefined,
        replies: replies((r) => (closed.has(r.replyId) ? { ...r, status: 'closed', merging: { ...r.merging, splitAt: at } } : r)),
      };
    }
  }
}

// ---- effects --------------------------------------------------------------------------------

/** What the workflow does after an event of 并案办理 (or a reply event of an item taking part); `state` is after the events. */
export function mergingEffects(e: DecidedEvent, state: ProposalState): Effect[] {
  const self = state.details?.proposalId;
  switch (e.type) {
    case 'ReplyCopiedToMergedItems': {
      const r = (state.replies ?? []).find((x) => x.replyId === e.data.replyId);
      if (!r || !self) return [];
      const answeringUnitIds = activeUnits(state).filter(answersForItself).map((u) => u.unitId);
      return e.data.mergedProposalIds.map((proposalId) => ({
        type: 'ForwardCommand',
        proposalId,
        command: {
          type: 'ReceiveMergedReply',
          data: {
            mainProposalId: self,
            mainNumber: state.details!.number,
            replyId: r.replyId,
            unitId: r.unitId,
            round: r.round,
            category: r.category,
            body: r.body,
            cc: r.cc,
            sentAt: r.sentAt ?? e.occurredAt,
            answeringUnitIds,
          },
        },
      }));
    }
    case 'MergedReplyReceived':
      // Its own form for its own first-named proposer (领衔人), as for any reply (Art. 11).
      return [feedbackFormEffect(state, e.data.replyId)];
    case 'FeedbackReceived': {
      const from = (state.replies ?? []).find((x) => x.replyId === e.data.replyId)?.merging?.from;
      if (!from || !e.data.sendBack || !self) return [];
      return [{ type: 'ForwardCommand', proposalId: from.proposalId, command: { type: 'ReopenForMergedItem', data: { mergedProposalId: self, replyId: from.replyId, unitId: e.data.unitId } } }];
    }
    case 'ProposalArchived':
      if (!state.mergedInto || !self) return [];
      return [{ type: 'ForwardCommand', proposalId: state.mergedInto.proposalId, command: { type: 'MergedItemDone', data: { mergedProposalId: self } } }];
    default:
      return [];
  }
}

/** What decide() needs for a merging command: the calendar for a copy's feedback deadline. */
export function mergingContextNeeds(command: ProposalCommand): { calendar?: { fromYear: number; toYear: number } } {
  if (command.type !== 'ReceiveMergedReply') return {};
  const year = Number(shanghaiDate(command.data.sentAt).slice(0, 4));
  return { calendar: { fromYear: year, toYear: year + 1 } };
}

