import type { Role } from '@jyta/directory';

/** The caller, as the access token names them. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  displayName: string;
}

/** Claims of the access token (HS256). */
export interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  unitId: string | null;
  name: string;
}
