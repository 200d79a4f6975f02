/**
 * The events of an account (stream `user-<id>`) and of a unit's contacts (stream `unit-<code>`),
 * and how each folds into its row. Secrets stay out: a password change names the credential row
 * that holds the hash (`credentialId`), never the hash itself.
 */
import type { Chamber, Role } from './roles';
import type { ContactKind, UnitContactRow, UserRow } from './entities';

export const userStream = (id: string) => `user-${id}`;
export const unitStream = (code: string) => `unit-${code}`;

export type UserEvent =
  | { type: 'UserCreated'; data: { username: string; role: Role; unitId: string | null; displayName: string; chamber: Chamber | null; credentialId: string } }
  | { type: 'UserDisabled'; data: { reason?: string } }
  | { type: 'UserEnabled'; data: Record<string, never> }
  | { type: 'UserPasswordReset'; data: { credentialId: string } }
  | { type: 'UserRoleChanged'; data: { role: Role; unitId: string | null; previousRole: Role; previousUnitId: string | null } }
  | { type: 'UserLockedOut'; data: { until: string; failures: number } }
  | { type: 'UserUnlocked'; data: Record<string, never> };

export const USER_EVENT_TYPES: readonly UserEvent['type'][] = [
  'UserCreated',
  'UserDisabled',
  'UserEnabled',
  'UserPasswordReset',
  'UserRoleChanged',
  'UserLockedOut',
  'UserUnlocked',
];

/** The row's fields an event sets (the caller adds streamVersion and updatedAt). */
export type UserPatch = Partial<Omit<UserRow, 'id' | 'streamVersion' | 'createdAt' | 'updatedAt'>>;

/**
 * What `event` changes on the row `current` (undefined only before UserCreated). `hashOf` gives the
 * hash of a credential the event names. Changes that must end the sessions (disable, new password,
 * new role or unit) raise `sessionVersion`.
 */
export function foldUserEvent(current: Pick<UserRow, 'sessionVersion'> | undefined, event: UserEvent, hashOf: (credentialId: string) => string): UserPatch {
  const bump = () => ({ sessionVersion: (current?.sessionVersion ?? 1) + 1 });
  switch (event.type) {
    case 'UserCreated': {
      const d = event.data;
      return {
        username: d.username,
        role: d.role,
        unitCode: d.unitId,
        displayName: d.displayName,
        chamber: d.chamber,
        passwordHash: hashOf(d.credentialId),
        disabled: false,
        sessionVersion: 1,
        failedLogins: 0,
        lockedUntil: null,
      };
    }
    case 'UserDisabled':
      return { disabled: true, ...bump() };
    case 'UserEnabled':
      return { disabled: false, failedLogins: 0, lockedUntil: null };
    case 'UserPasswordReset':
      return { passwordHash: hashOf(event.data.credentialId), failedLogins: 0, lockedUntil: null, ...bump() };
    case 'UserRoleChanged':
      return { role: event.data.role, unitCode: event.data.unitId, ...bump() };
    case 'UserLockedOut':
      return { lockedUntil: new Date(event.data.until) };
    case 'UserUnlocked':
      return { failedLogins: 0, lockedUntil: null };
  }
}

export interface ContactEntry {
  kind: ContactKind;
  name: string;
  phone: string;
  position: string;
}

/** The unit's whole contacts list after the change (Art. 14: 通信录), replacing the one before. */
export interface UnitContactsChanged {
  type: 'UnitContactsChanged';
  data: { contacts: ContactEntry[] };
}

/** The rows of a contacts list: `seq` numbers the entries of each kind in the order given. */
export function contactRows(unitCode: string, contacts: ContactEntry[]): UnitContactRow[] {
  const seq = new Map<ContactKind, number>();
  return contacts.map((c) => {
    const n = seq.get(c.kind) ?? 0;
    seq.set(c.kind, n + 1);
    return { unitCode, kind: c.kind, seq: n, name: c.name, phone: c.phone, position: c.position };
  });
}
