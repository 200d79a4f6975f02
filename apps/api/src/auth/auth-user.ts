import type { Role } from '@jyta/directory';

/** The caller, as the user row behind the access token names them (checked on every request). */
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
  /** The account's session version when the token was issued: a token of an older version is refused. */
  sv: number;
}
