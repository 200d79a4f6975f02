import type { Me } from './api/client';

export type Role = Me['role'];

/** Where each role starts after logging in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'unit_handler':
      return '/unit';
    case 'vice_mayor':
      return '/vice-mayor';
    case 'unit_leader':
    case 'office_reviewer':
      return '/reviews';
    case 'npc_liaison':
    case 'cppcc_liaison':
      return '/dashboard';
    case 'proposer':
      return '/mine';
    default:
      return '/items';
  }
}

/** The login page's link back to where the user was: only paths of this site. */
export function safeReturnPath(from: string | null): string | null {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : null;
}
