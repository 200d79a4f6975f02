/**
 * The office's work queues (建议提案处待办), as conditions on the stored state of `proposal_list`
 * so that each queue is filtered and paged in the database like the list itself.
 */

export const AWAITING = ['return-decision', 'reassignment', 'major-approval', 'quality-check', 'government-document', 'merged'] as const;
export type Awaiting = (typeof AWAITING)[number];

const units = `jsonb_array_elements(coalesce(state->'units', '[]'::jsonb))`;
const replies = `jsonb_array_elements(coalesce(state->'replies', '[]'::jsonb))`;

/**
 * The stage a reply in review waits for is its stages[number of approvals so far] (state.ts
 * currentStage); the quality check of Art. 18 is the office's stage.
 */
const REPLY_STAGE = `(r->'stages')->>((SELECT count(*) FROM jsonb_array_elements(coalesce(r->'reviews', '[]'::jsonb)) v
  WHERE (v->>'approve')::boolean)::int)`;

export const AWAITING_SQL: Record<Awaiting, string> = {
  // Art. 7: a unit asked to return the item and the office has not decided yet.
  'return-decision': `(status <> 'archived' AND EXISTS (SELECT 1 FROM ${units} u,
    jsonb_array_elements(coalesce(u->'returnRequests', '[]'::jsonb)) rr WHERE rr->'decision' IS NULL OR rr->'decision' = 'null'::jsonb))`,
  // Art. 6, 7: every lead unit returned it, or a separate unit's part waits for another unit.
  reassignment: `(status = 'awaiting_reassignment' OR jsonb_array_length(coalesce(state->'partsAwaitingReassignment', '[]'::jsonb)) > 0)`,
  // Art. 6: a major item is put before the vice mayor before it is assigned.
  'major-approval': `(major AND status = 'registered' AND (state->'majorApproval'->>'approvedAt') IS NULL)`,
  // Art. 18: the office's review of a reply.
  'quality-check': `EXISTS (SELECT 1 FROM ${replies} r WHERE r->>'status' = 'in_review' AND ${REPLY_STAGE} = 'office')`,
  // Art. 9, 10: the government document of a provincial item to compile, or signed and to send.
  'government-document': `EXISTS (SELECT 1 FROM ${replies} r WHERE r->>'status' IN ('awaiting_document', 'document_signed'))`,
  // 并案办理: items following a main item (they may be split off).
  merged: `(status = 'merged')`,
};
