/** 批量交办 (交办会, Art. 6): one assignment for every selected item, checked like the single one. */
import { assignmentBody, validateAssignment, type AssignmentErrors, type AssignmentValues } from './assignment';

/** The API's limit on one bulk assignment. */
export const MAX_BULK = 1000;

export type BulkErrors = AssignmentErrors & { items?: string };

export function validateBulk(items: { id: string; status: string }[], v: AssignmentValues): BulkErrors {
  const e: BulkErrors = validateAssignment(v);
  if (items.length === 0) e.items = '请先在列表中勾选要交办的件';
  else if (items.length > MAX_BULK) e.items = `一次最多交办 ${MAX_BULK} 件`;
  else if (items.some((i) => i.status === 'archived' || i.status === 'merged')) e.items = '已归档或已并入主件的件不能交办，请取消勾选';
  return e;
}

/** POST /api/proposals/assignments: the shared 接办之日 once, the same units for each item. */
export function bulkAssignmentBody(items: { id: string }[], v: Required<Pick<AssignmentValues, 'mode' | 'assignedOn'>> & AssignmentValues) {
  const { assignedOn, ...one } = assignmentBody(v);
  return { assignedOn, items: items.map((i) => ({ proposalId: i.id, ...one })) };
}
