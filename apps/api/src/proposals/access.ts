/**
 * Who may see which item (SPEC §1): pure rules, used for the list (as filters) and for one item
 * (against its current state, read from the stream rather than the lagging read model).
 */
import type { ProposalListFilters } from '@jyta/proposal-read-models';
import type { ProposalState } from '@jyta/proposal-domain';
import type { Role } from '@jyta/directory';
import type { AuthUser } from '../auth/auth-user';

/** Roles that read every item. */
export const READ_ALL_ROLES: readonly Role[] = ['office', 'office_reviewer', 'vice_mayor', 'admin'];

export const CHAMBER_KINDS: Partial<Record<Role, string[]>> = {
  npc_liaison: ['npc_suggestion'],
  cppcc_liaison: ['cppcc_proposal', 'cppcc_recommendation'],
};

export type ListScope = Partial<Pick<ProposalListFilters, 'unitId' | 'kinds' | 'proposerUsername'>>;

/** Filters that restrict the list to what `user` may see; null = nothing at all. */
export function listScope(user: AuthUser): ListScope | null {
  if (READ_ALL_ROLES.includes(user.role)) return {};
  switch (user.role) {
    case 'unit_handler':
    case 'unit_leader':
      return user.unitId ? { unitId: user.unitId } : null;
    case 'npc_liaison':
    case 'cppcc_liaison':
      return { kinds: CHAMBER_KINDS[user.role] };
    case 'proposer':
      return { proposerUsername: user.username };
    default:
      return null;
  }
}

/** May `user` read this item? A unit keeps reading an item it was ever assigned (even after a return). */
export function canReadItem(user: AuthUser, state: ProposalState): boolean {
  if (READ_ALL_ROLES.includes(user.role)) return true;
  switch (user.role) {
    case 'unit_handler':
    case 'unit_leader':
      return !!user.unitId && state.units.some((u) => u.unitId === user.unitId);
    case 'npc_liaison':
    case 'cppcc_liaison':
      return !!state.details && (CHAMBER_KINDS[user.role] ?? []).includes(state.details.kind);
    case 'proposer':
      return !!state.details?.proposers.some((p) => p.username === user.username);
    default:
      return false;
  }
}
