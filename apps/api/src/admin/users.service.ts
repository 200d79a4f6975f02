import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  passwordProblems,
  toUser,
  UNIT_ROLES,
  UserEntity,
  type Chamber,
  type Role,
  type UserWithPassword,
} from '@jyta/directory';
import type { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { PasswordService } from '../auth/passwords.service';
import { AppException, validationFailed, type FieldError } from '../common/app-exception';
import type { CommandMeta } from '../common/command-meta';
import { AccountsService, userNotFound, type ChangeContext } from '../directory/accounts.service';
import { DirectoryDb } from '../directory/directory-db';
import { DirectoryService } from '../directory/directory.service';
import type { AdminUserDetailDto, AdminUserDto, ChangeRoleDto, CreateUserDto } from './dto/users.dto';

const toDto = (u: UserWithPassword): AdminUserDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  chamber: u.chamber,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? u.lockedUntil : null,
  createdAt: u.createdAt,
});

const ctxOf = (user: AuthUser, meta: CommandMeta): ChangeContext => ({
  actor: { userId: user.id, username: user.username, role: user.role, unitId: user.unitId },
  correlationId: meta.correlationId,
});

const notOnSelf = () => new AppException(409, 'CANNOT_CHANGE_OWN_ACCOUNT', '不能停用自己的账号或更改自己的角色，请由其他管理员操作');

/** User administration (role admin): each change an event of the account, effective at once. */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly db: DirectoryDb,
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
    private readonly directory: DirectoryService,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<AdminUserDto[]> {
    const rows = await this.db.ds.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return rows.map((r) => toDto(toUser(r)));
  }

  async get(id: string): Promise<AdminUserDetailDto> {
    const user = await this.load(id);
    const events = await this.accounts.history(id);
    return {
      ...toDto(user),
      history: events.map((e) => ({
        version: e.version,
        type: e.type,
        at: e.metadata.occurredAt,
        by: e.metadata.actor?.username ?? null,
        data: e.data,
      })),
    };
  }

  async create(dto: CreateUserDto, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    const unitId = dto.unitId ?? null;
    await this.checkRoleAndUnit(dto.role, unitId);
    this.checkPassword(dto.password, dto.username);
    const id = randomUUID();
    const hash = await this.passwords.hash(dto.password);
    // One creator per username at a time, across processes: the check and the fold of UserCreated
    // happen under the lock, so two creations of one name cannot both reach the unique index. The
    // credential and the row are written in this transaction: if it rolls back after the append,
    // what is left is a stream with a UserCreated that no row reflects and nothing lists (its id
    // was never answered; a fold of it fails on the missing credential), never a half-made account.
    const runner = this.db.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended('jyta:user:' || $1, 0))`, [dto.username]);
      if (await runner.manager.getRepository(UserEntity).existsBy({ username: dto.username })) {
        throw new AppException(409, 'USERNAME_TAKEN', `用户名 ${dto.username} 已被使用`);
      }
      // everything on this one connection (the append aside, which is the event store's pool)
      const credentialId = await this.accounts.storeCredential(id, hash, runner.manager);
      const user = await this.accounts.record(
        id,
        {
          type: 'UserCreated',
          data: { username: dto.username, role: dto.role, unitId, displayName: dto.displayName.trim(), chamber: (dto.chamber ?? null) as Chamber | null, credentialId },
        },
        ctxOf(caller, meta),
        0,
        runner.manager,
      );
      await runner.commitTransaction();
      return toDto(user);
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  async disable(id: string, reason: string | undefined, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    if (id === caller.id) throw notOnSelf();
    const user = await this.load(id);
    if (user.disabled) return toDto(user);
    const version = await this.versionOf(id);
    return toDto(await this.accounts.record(id, { type: 'UserDisabled', data: reason ? { reason } : {} }, ctxOf(caller, meta), version));
  }

  async enable(id: string, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    const user = await this.load(id);
    if (!user.disabled) return toDto(user);
    return toDto(await this.accounts.record(id, { type: 'UserEnabled', data: {} }, ctxOf(caller, meta), await this.versionOf(id)));
  }

  async resetPassword(id: string, password: string, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    const user = await this.load(id);
    this.checkPassword(password, user.username);
    const version = await this.versionOf(id);
    const credentialId = await this.accounts.storeCredential(id, await this.passwords.hash(password));
    const updated = await this.accounts.record(id, { type: 'UserPasswordReset', data: { credentialId } }, ctxOf(caller, meta), version);
    this.auth.forgetFailures(updated.username);
    return toDto(updated);
  }

  async changeRole(id: string, dto: ChangeRoleDto, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    if (id === caller.id) throw notOnSelf();
    const user = await this.load(id);
    const unitId = dto.unitId ?? null;
    await this.checkRoleAndUnit(dto.role, unitId);
    if (user.role === dto.role && user.unitId === unitId) return toDto(user);
    const version = await this.versionOf(id);
    return toDto(
      await this.accounts.record(
        id,
        { type: 'UserRoleChanged', data: { role: dto.role, unitId, previousRole: user.role, previousUnitId: user.unitId } },
        ctxOf(caller, meta),
        version,
      ),
    );
  }

  async unlock(id: string, caller: AuthUser, meta: CommandMeta): Promise<AdminUserDto> {
    const user = await this.load(id);
    this.auth.forgetFailures(user.username);
    if (!user.lockedUntil || Date.parse(user.lockedUntil) <= Date.now()) return toDto(user);
    return toDto(await this.accounts.record(id, { type: 'UserUnlocked', data: {} }, ctxOf(caller, meta), await this.versionOf(id)));
  }

  /** The account with its stream folded in; 404 when there is none. */
  private async load(id: string): Promise<UserWithPassword> {
    const row = await this.accounts.sync(id);
    if (!row) throw userNotFound(id);
    return toUser(row);
  }

  private async versionOf(id: string): Promise<number> {
    const row = await this.db.ds.getRepository(UserEntity).findOne({ select: { id: true, streamVersion: true }, where: { id } });
    if (!row) throw userNotFound(id);
    return row.streamVersion;
  }

  private async checkRoleAndUnit(role: Role, unitId: string | null): Promise<void> {
    const problems: FieldError[] = [];
    if (UNIT_ROLES.includes(role)) {
      if (!unitId) problems.push({ field: 'unitId', errors: ['承办单位角色须指定所属单位'] });
      else problems.push(...(await this.directory.referenceProblems({ units: [{ field: 'unitId', code: unitId }] })));
    } else if (unitId) {
      problems.push({ field: 'unitId', errors: ['只有承办单位角色（unit_handler / unit_leader）属于单位'] });
    }
    if (problems.length) throw validationFailed(problems);
  }

  private checkPassword(password: string, username: string): void {
    const problems = passwordProblems(password, username);
    if (problems.length) throw validationFailed([{ field: 'password', errors: problems }], `密码不符合要求：${problems.join('；')}`);
  }
}
