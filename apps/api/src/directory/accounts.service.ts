import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, Not, type EntityManager } from 'typeorm';
import { WrongExpectedVersionError, type Actor, type ExpectedVersion, type StoredEvent } from '@jyta/event-store';
import {
  foldUserEvent,
  toUser,
  UserCredentialEntity,
  UserEntity,
  userStream,
  type UserEvent,
  type UserRow,
  type UserWithPassword,
} from '@jyta/directory';
import { AppException } from '../common/app-exception';
import { Infrastructure } from '../infrastructure/infrastructure';
import { SessionService } from '../auth/sessions.service';
import { LOGIN_POLICY } from '../auth/login-policy';
import { DirectoryDb } from './directory-db';

export const userNotFound = (id: string) => new AppException(404, 'USER_NOT_FOUND', `账号 ${id} 不存在`);
export const concurrentChange = () => new AppException(409, 'CONCURRENT_CHANGE', '该账号刚被其他人修改，请刷新后重试');

export interface ChangeContext {
  actor: Actor | null;
  correlationId: string;
}

/**
 * Accounts as event streams (`user-<id>`) with the users table as their read model: every change
 * is appended first (with the version the change was decided on), then folded into the row. A
 * fold interrupted by a crash is finished by the next `sync` of that account (every change and
 * every read for administration syncs first), so the row never stays behind its stream.
 */
@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly infra: Infrastructure,
    private readonly db: DirectoryDb,
    private readonly sessions: SessionService,
  ) {}

  /**
   * A fold cut short by a crash (the event appended, the row not yet updated) is finished at the
   * next start, before the API serves: the session check reads the rows, not the streams.
   */
  async onApplicationBootstrap(): Promise<void> {
    const behind: { id: string }[] = await this.db.ds.query(
      `SELECT u.id FROM users u
        WHERE u.stream_version < COALESCE((SELECT max(e.version) FROM events e WHERE e.stream_id = 'user-' || u.id::text), 0)`,
    );
    for (const { id } of behind) await this.sync(id);
    if (behind.length) this.logger.warn(`folded the pending events of ${behind.length} account(s)`);
  }

  /** Appends `event` to the account's stream at `expectedVersion`, folds it, and ends cached sessions. */
  async record(userId: string, event: UserEvent, ctx: ChangeContext, expectedVersion: ExpectedVersion, em?: EntityManager): Promise<UserWithPassword> {
    try {
      await this.infra.store.append(
        userStream(userId),
        [
          {
            eventId: randomUUID(),
            type: event.type,
            data: event.data,
            metadata: { actor: ctx.actor, occurredAt: new Date().toISOString(), correlationId: ctx.correlationId },
          },
        ],
        { expectedVersion },
      );
    } catch (err) {
      if (err instanceof WrongExpectedVersionError) throw concurrentChange();
      throw err;
    }
    const row = await this.sync(userId, em);
    this.sessions.forget(userId);
    if (!row) throw new Error(`account ${userId} has no row after its event`);
    return toUser(row);
  }

  /** Stores a password hash for a coming event to name (an unused one, if the append fails, is inert). */
  async storeCredential(userId: string, passwordHash: string, em: EntityManager = this.db.ds.manager): Promise<string> {
    const id = randomUUID();
    await em.getRepository(UserCredentialEntity).insert({ id, userId, passwordHash });
    return id;
  }

  /**
   * Folds the events of `user-<id>` the row has not seen yet; returns the row (undefined: no such
   * account). In its own transaction, or in the caller's (`em`), so a caller holding a connection
   * never waits for a second one from the same pool.
   */
  async sync(userId: string, outer?: EntityManager): Promise<UserRow | undefined> {
    return outer ? this.fold(userId, outer) : this.db.ds.transaction((em) => this.fold(userId, em));
  }

  private async fold(userId: string, em: EntityManager): Promise<UserRow | undefined> {
    const repo = em.getRepository(UserEntity);
    let row = (await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
    const events = (await this.infra.store.readStream(userStream(userId), { fromVersion: (row?.streamVersion ?? 0) + 1 })) as StoredEvent<
      UserEvent['data']
    >[];
    if (events.length === 0) return row;
    this.sessions.forget(userId);
    const credentialIds = events.map((e) => (e.data as { credentialId?: string }).credentialId).filter((x): x is string => !!x);
    const hashes = new Map(
      credentialIds.length
        ? (await em.getRepository(UserCredentialEntity).findBy({ id: In(credentialIds) })).map((c) => [c.id, c.passwordHash])
        : [],
    );
    const hashOf = (id: string) => {
      const h = hashes.get(id);
      if (!h) throw new Error(`credential ${id} of account ${userId} is missing`);
      return h;
    };
    for (const e of events) {
      if (row && row.streamVersion >= e.version) continue;
      const patch = foldUserEvent(row, { type: e.type, data: e.data } as UserEvent, hashOf);
      const now = new Date();
      if (!row) {
        // A concurrent sync may have inserted it: insert-or-ignore, then read it under the lock.
        await em
          .createQueryBuilder()
          .insert()
          .into(UserEntity)
          .values({ id: userId, ...patch, streamVersion: e.version, createdAt: new Date(e.recordedAt), updatedAt: now })
          .orIgnore()
          .execute();
        row = (await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
      } else {
        await repo.update({ id: userId }, { ...patch, streamVersion: e.version, updatedAt: now });
        row = { ...row, ...patch, streamVersion: e.version, updatedAt: now };
      }
    }
    return row;
  }

  /** The account's events, oldest first (its history for the administrator). */
  history(userId: string): Promise<StoredEvent[]> {
    return this.infra.store.readStream(userStream(userId));
  }

  /**
   * Counts a failed login; at LOGIN_POLICY.lockAfterFailures the account is locked (an event, by
   * the system) until the policy time has passed or the administrator unlocks it. A lock that has
   * run out starts the count afresh. Returns the lock's end when this failure locked the account.
   */
  async recordFailedLogin(userId: string, correlationId: string): Promise<Date | undefined> {
    // Both SET expressions read the row as it was; RETURNING answers it as it is now.
    const result = await this.db.ds
      .createQueryBuilder()
      .update(UserEntity)
      .set({
        failedLogins: () => 'CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END',
        lockedUntil: () => 'CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN NULL ELSE locked_until END',
      })
      .where('id = :id', { id: userId })
      .returning('failed_logins, locked_until')
      .execute();
    const r = (result.raw as { failed_logins: number; locked_until: Date | null }[])[0];
    if (!r || r.locked_until !== null || r.failed_logins < LOGIN_POLICY.lockAfterFailures) return undefined;
    const until = new Date(Date.now() + LOGIN_POLICY.lockMs);
    await this.record(userId, { type: 'UserLockedOut', data: { until: until.toISOString(), failures: r.failed_logins } }, { actor: null, correlationId }, 'any');
    this.logger.warn(`account ${userId} locked after ${r.failed_logins} failed logins`);
    return until;
  }

  /** A successful login clears the failure count (operational, no event). */
  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.db.ds.getRepository(UserEntity).update({ id: userId, failedLogins: Not(0) }, { failedLogins: 0 });
  }
}
