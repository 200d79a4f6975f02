/**
 * @jyta/proposal-read-models — read models of the item streams, fed by ProjectionRunner.
 * `proposal_list`: the list screen's rows (filters of SPEC §10), one per item.
 */
export { readModelMigrations } from './migrations';
export {
  proposalListProjection,
  proposalIdOf,
  toDecidedEvent,
  applyEvent,
  rowFromState,
  PROPOSAL_STREAM_PREFIX,
  type ProposalListRow,
} from './projection';
export {
  listProposals,
  proposalFigures,
  type ProposalFigures,
  findProposalSummary,
  buildWhere,
  type ProposalListFilters,
  type ProposalListItem,
  type Page,
} from './queries';
export {
  publicRepliesFromState,
  writePublicReplies,
  listPublicReplies,
  type PublicReplyRow,
  type PublicReply,
  type PublicReplyFilters,
} from './public-replies';
export {
  AWAITING,
  AWAITING_SQL,
  OFFICE_AWAITING,
  VICE_MAYOR_AWAITING,
  isViceMayorAwaiting,
  type Awaiting,
  type OfficeAwaiting,
  type ViceMayorAwaiting,
  type ViceMayorScope,
} from './queues';
export { unitSummaryMigrations, foldUnitYearItems, listUnitSummaries, type UnitYearDone, type UnitSummaryView } from './unit-summaries';
