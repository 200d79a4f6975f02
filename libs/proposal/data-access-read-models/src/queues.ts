/**
 * The office's work queues (建议提案处待办), as conditions on the stored state of `proposal_list`
 * so that each queue is filtered and paged in the database like the list itself.
 */

export const OFFICE_AWAITING = ['return-decision', 'reassignment', 'major-approval', 'quality-check', 'government-document', 'merged'] as const;
export type OfficeAwaiting = (typeof OFFICE_AWAITING)[number];

/**
 * The vice mayor's queue (分管副市长待办, Art. 6, 9, 10), scoped to the vice mayor asking: each kind
 * alone, or `vice-mayor` for all of them (the portal's one queue).
 */
export const VICE_MAYOR_AWAITING = ['vice-mayor', 'vice-mayor-major', 'vice-mayor-review', 'vice-mayor-signing', 'vice-mayor-reading'] as const;
export type ViceMayorAwaiting = (typeof VICE_MAYOR_AWAITING)[number];

export const AWAITING = [...OFFICE_AWAITING, ...VICE_MAYOR_AWAITING] as const;
export type Awaiting = (typeof AWAITING)[number];

export const isViceMayorAwaiting = (a: Awaiting): a is ViceMayorAwaiting => (VICE_MAYOR_AWAITING as readonly string[]).includes(a);

const units = `jsonb_array_elements(coalesce(state->'units', '[]'::jsonb))`;
const replies = `jsonb_array_elements(coalesce(state->'replies', '[]'::jsonb))`;

/**
 * The stage a reply in review waits for is its stages[number of approvals so far] (state.ts
 * currentStage); the quality check of Art. 18 is the office's stage.
 */
const REPLY_STAGE = `(r->'stages')->>((SELECT count(*) FROM jsonb_array_elements(coalesce(r->'reviews', '[]'::jsonb)) v
  WHERE (v->>'approve')::boolean)::int)`;

export const AWAITING_SQL: Record<OfficeAwaiting, string> = {
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

/** Whom the vice mayor's queue is for: the account, and the units that are 政府组成部门 (阅示 is for theirs only). */
export interface ViceMayorScope {
  username: string;
  departmentUnitIds: string[];
}

/** The stage the latest government document of a reply waits for (state.ts currentStage). */
const DOCUMENT_STAGE = `((r->'documents'->-1)->'stages')->>((SELECT count(*) FROM jsonb_array_elements(coalesce((r->'documents'->-1)->'reviews', '[]'::jsonb)) v
  WHERE (v->>'approve')::boolean)::int)`;

/**
 * The conditions of the vice mayor's queue; `p` binds a parameter. As the portal read them from
 * the details before (tasks.ts): replies and documents are theirs where they are the leader in
 * charge or none is named; 阅示 only where they are named.
 */
export function viceMayorAwaitingSql(a: ViceMayorAwaiting, vm: ViceMayorScope, p: (v: unknown) => string): string {
  const me = p(vm.username);
  const leader = `(state->'assignment'->>'leaderInCharge')`;
  // Built only for the kinds asked for: every parameter bound must be used in the statement.
  const kinds: Record<Exclude<ViceMayorAwaiting, 'vice-mayor'>, () => string> = {
    // Art. 6: a major item put before this vice mayor and not yet approved.
    'vice-mayor-major': () => `(state->'majorApproval'->>'viceMayor' = ${me} AND (state->'majorApproval'->>'approvedAt') IS NULL)`,
    // Art. 10: a joint reply whose review waits at the vice mayor's stage.
    'vice-mayor-review': () => `((${leader} IS NULL OR ${leader} = ${me}) AND EXISTS (SELECT 1 FROM ${replies} r
      WHERE r->>'status' = 'in_review' AND ${REPLY_STAGE} = 'vice_mayor'))`,
    // Art. 9, 10: a provincial item's government document waiting for the vice mayor's signature.
    'vice-mayor-signing': () => `((${leader} IS NULL OR ${leader} = ${me}) AND EXISTS (SELECT 1 FROM ${replies} r
      WHERE (r->'documents'->-1)->>'status' = 'in_review' AND ${DOCUMENT_STAGE} = 'vice_mayor_signature'))`,
    // Art. 9: a department's reply the proposer is satisfied with, not yet read (may be archived).
    'vice-mayor-reading': () => `(${leader} = ${me} AND EXISTS (SELECT 1 FROM ${replies} r
      WHERE jsonb_typeof(r->'feedback') = 'object' AND coalesce((r->'feedback'->>'sendBack')::boolean, false) = false
        AND r->'feedback'->>'result' IS DISTINCT FROM 'dissatisfied'
        AND (r->'reading' IS NULL OR r->'reading' = 'null'::jsonb)
        AND r->>'unitId' = ANY(${p(vm.departmentUnitIds)}::text[])))`,
  };
  return a === 'vice-mayor' ? `(${Object.values(kinds).map((k) => k()).join(' OR ')})` : kinds[a]();
}
