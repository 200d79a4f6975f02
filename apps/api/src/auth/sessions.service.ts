import { Injectable } from '@nestjs/common';
import { isUuid, UserEntity, type UserRow } from '@jyta/directory';
import { DirectoryDb } from '../directory/directory-db';
import { SESSION_CACHE_MAX, SESSION_CACHE_MS } from './login-policy';

export type SessionUser = Pick<UserRow, 'id' | 'username' | 'role' | 'unitCode' | 'displayName' | 'disabled' | 'sessionVersion'>;

/**
 * The user row behind an access token, read by primary key and reused for at most
 * SESSION_CACHE_MS; a change made in this process forgets it at once (other processes see it
 * within the cache time).
 */
@Injectable()
export class SessionService {
  private readonly cache = new Map<string, { user: SessionUser | null; at: number }>();

  constructor(private readonly db: DirectoryDb) {}

  async current(userId: string): Promise<SessionUser | null> {
    if (!isUuid(userId)) return null;
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return hit.user;
    const user = await this.db.ds.getRepository(UserEntity).findOne({
      select: { id: true, username: true, role: true, unitCode: true, displayName: true, disabled: true, sessionVersion: true },
      where: { id: userId },
    });
    this.cache.delete(userId);
    this.cache.set(userId, { user: user ?? null, at: Date.now() });
    if (this.cache.size > SESSION_CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    return user ?? null;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
