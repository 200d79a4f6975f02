/** Directory users for the rules' unit specs (not exported from the package entry point). */
import type { DirectoryUser } from '../rules';

export const user = (username: string, role: string, unitId: string | null = null, over: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: `id-${username}`,
  username,
  role,
  unitId,
  email: null,
  ...over,
});

export const names = (users: readonly DirectoryUser[]) => users.map((u) => u.username);
