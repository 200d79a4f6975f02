/**
 * 归档 (Art. 17): when the item is archived, decided with the events that finish a unit's reply
 * (feedback without send-back, no feedback, the government document sent). Items taking part in
 * 并案办理 close on their own rule (the merged item on its copies; the main item with its merged items).
 */
import type { DecidedEvent } from '../events';
import type { ProposalState } from '../state';
import { activeUnits, answersForItself } from '../state';

export const archived = (at: string): DecidedEvent => ({ type: 'ProposalArchived', occurredAt: at, data: {} });
export const openMergedItems = (s: ProposalState) => (s.mergedItems ?? []).filter((m) => m.status === 'merged');

export /** Archive (Art. 17) once every answering unit is done — the unit finishing now included. */
function withArchive(state: ProposalState, events: DecidedEvent[], finishing: string, at: string): DecidedEvent[] {
  const answering = activeUnits(state).filter(answersForItself);
  // A 分别办理 part waiting for re-assignment is not answered yet: the item stays open for it.
  const allDone = answering.every((u) => u.unitId === finishing || u.status === 'done') && !state.partsAwaitingReassignment?.length;
  // 并案办理: merged items hold the main item's archive; a merged item closes on its copies (merging.ts).
  const merged = withMergedArchive(state, events, finishing, at, allDone);
  if (merged) return merged;
  return allDone ? [...events, { type: 'ProposalArchived', occurredAt: at, data: {} }] : events;
}


/**
 * The archive hook of replies.ts (withArchive), for items taking part in 并案办理, when `finishing`
 * is done with its reply (feedback without send-back, or no feedback):
 * - a merged item is archived once the latest copy of every answering unit is answered;
 * - on the main item, merged items waiting for the unit's next reply make it handle again;
 *   otherwise the item is archived only when its units and every merged item are done.
 * Returns undefined for an item that takes no part (replies.ts decides as before).
 */
export function withMergedArchive(
  state: ProposalState,
  events: DecidedEvent[],
  finishing: string,
  at: string,
  allUnitsDone: boolean,
): DecidedEvent[] | undefined {
  if (state.status === 'merged') {
    const copies = (state.replies ?? []).filter((r) => r.merging?.from);
    const expected = copies.at(-1)?.merging?.answeringUnitIds ?? [finishing];
    const done = expected.every((unitId) => {
      if (unitId === finishing) return true;
      const latest = copies.filter((r) => r.unitId === unitId).at(-1);
      return !!latest && latest.status === 'closed' && !latest.sentBack && !latest.merging?.supersededAt;
    });
    return done ? [...events, archived(at)] : events;
  }
  if (!state.mergedItems?.length) return undefined;
  const waiting = openMergedItems(state).filter((m) => m.awaitingUnits.includes(finishing));
  if (waiting.length) {
    const replyId = (state.replies ?? []).filter((r) => r.unitId === finishing && r.sentAt).at(-1)?.replyId ?? '';
    return [
      ...events,
      { type: 'MergedItemReopened', occurredAt: at, data: { mergedProposalIds: waiting.map((m) => m.proposalId), replyId, unitId: finishing, handlingAgain: true } },
    ];
  }
  return allUnitsDone && openMergedItems(state).length === 0 ? [...events, archived(at)] : events;
}

