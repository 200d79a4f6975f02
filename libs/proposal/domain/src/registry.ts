/**
 * The slices in one table: command type → the slice that decides it, event type → the slice that
 * folds it. Built from the slices' own lists, so a new command or event is added in its slice
 * only. The order of the list is the order of the guards (并案 before 请示).
 */
import type { EventType, ProposalCommandType, Slice } from './slice';
import { mergingSlice } from './slices/merging';
import { assignmentSlice } from './slices/art06-assignment';
import { majorApprovalSlice } from './slices/art06-major-approval';
import { readingSlice } from './slices/art09-reading';
import { instructionsSlice } from './slices/art05-instructions';
import { coUnitOpinionSlice } from './slices/co-unit-opinions';
import { progressReportSlice } from './slices/progress-reports';
import { returnSlice } from './slices/art07-return';
import { contactsSlice } from './slices/art14-contacts';
import { deadlineSlice } from './slices/art19-deadline';
import { replySlice } from './slices/art10-reply';
import { feedbackSlice } from './slices/art11-feedback';
import { governmentDocumentSlice } from './slices/art09-provincial-document';
import { archiveSlice } from './slices/art17-archive';
import { disclosureSlice } from './slices/art20-disclosure';
import { recomputeSlice } from './slices/calendar-recompute';
import { escalationSlice } from './slices/escalation';
import { promiseSlice } from './slices/b-promises';

export const SLICES: readonly Slice[] = [
  mergingSlice,
  assignmentSlice,
  majorApprovalSlice,
  readingSlice,
  instructionsSlice,
  coUnitOpinionSlice,
  progressReportSlice,
  returnSlice,
  contactsSlice,
  deadlineSlice,
  replySlice,
  feedbackSlice,
  governmentDocumentSlice,
  archiveSlice,
  disclosureSlice,
  recomputeSlice,
  escalationSlice,
  promiseSlice,
];

function table<K extends string>(key: (s: Slice) => readonly K[]): ReadonlyMap<K, Slice> {
  const map = new Map<K, Slice>();
  for (const slice of SLICES) {
    for (const k of key(slice)) {
      const other = map.get(k);
      if (other) throw new Error(`${k} belongs to both ${other.name} and ${slice.name}`);
      map.set(k, slice);
    }
  }
  return map;
}

export const byCommand = table<ProposalCommandType>((s) => s.commands);
export const byEvent = table<EventType>((s) => s.events);
