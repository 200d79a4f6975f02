import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { findUserById, findUserByUsername } from '@jyta/directory';
import { AppException } from '../common/app-exception';
import { AccountsService } from '../directory/accounts.service';
import { DirectoryDb } from '../directory/directory-db';
import { DirectoryService } from '../directory/directory.service';
import type { AuthUser, TokenClaims } from './auth-user';
import type { LoginResponseDto, MeDto } from './dto';
import { FailureLimiter } from './limits';
import { LOGIN_POLICY } from './login-policy';
import { PasswordService } from './passwords.service';

export const TOKEN_TTL_SECONDS = 12 * 3600;

/** An error answer that also tells the client when to come back (`Retry-After`, seconds). */
export type RetryAfterException = AppException & { retryAfterSeconds?: number };

const withRetryAfter = (e: AppException, seconds: number): RetryAfterException => Object.assign(e, { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) });

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export const tooManyAttempts = (seconds: number) =>
  withRetryAfter(new AppException(429, 'TOO_MANY_REQUESTS', `登录失败次数过多，请 ${minutes(seconds * 1000)} 分钟后再试`), seconds);

export const accountLocked = (until: Date, now = Date.now()) =>
  withRetryAfter(
    new AppException(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes(until.getTime() - now)} 分钟后再试或联系系统管理员解锁`, {
      lockedUntil: until.toISOString(),
    }),
    (until.getTime() - now) / 1000,
  );

@Injectable()
export class AuthService {
  private readonly byAccount = new FailureLimiter(LOGIN_POLICY.account);
  private readonly byAddress = new FailureLimiter(LOGIN_POLICY.address);

  constructor(
    private readonly db: DirectoryDb,
    private readonly jwt: JwtService,
    private readonly directory: DirectoryService,
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
  ) {}

  /**
   * Order matters: the cheap refusals (throttle, lock) come before the argon2 check, and an
   * unknown account costs the same check as a known one (against a dummy hash), so neither
   * timing nor the answer tells whether a username exists until the password is right.
   */
  async login(username: string, password: string, address: string, correlationId: string): Promise<LoginResponseDto> {
    const accountKey = username.trim().toLowerCase();
    const wait = Math.max(this.byAccount.retryAfter(accountKey), this.byAddress.retryAfter(address));
    if (wait > 0) throw tooManyAttempts(wait);

    const user = await findUserByUsername(this.db.ds, username);
    if (user?.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
      this.byAddress.fail(address);
      throw accountLocked(new Date(user.lockedUntil));
    }
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      this.byAccount.fail(accountKey);
      this.byAddress.fail(address);
      if (user) {
        const lockedUntil = await this.accounts.recordFailedLogin(user.id, correlationId);
        if (lockedUntil) throw accountLocked(lockedUntil);
      } else {
        // an unknown name reaching the lock's count answers as a locked account would
        const wait = this.byAccount.retryAfter(accountKey);
        if (wait > 0) throw accountLocked(new Date(Date.now() + wait * 1000));
      }
      throw new AppException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    }
    // Said only to whoever knows the password.
    if (user.disabled) throw new AppException(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
    this.byAccount.reset(accountKey);
    await this.accounts.recordSuccessfulLogin(user.id);

    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      unitId: user.unitId,
      name: user.displayName,
      sv: user.sessionVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS });
    return {
      accessToken,
      expiresIn: TOKEN_TTL_SECONDS,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId },
    };
  }

  /** Forgets the failures counted against an account name here (after the administrator unlocks it). */
  forgetFailures(username: string): void {
    this.byAccount.reset(username.trim().toLowerCase());
  }

  async me(caller: AuthUser): Promise<MeDto> {
    const user = await findUserById(this.db.ds, caller.id);
    if (!user) throw new AppException(401, 'UNAUTHENTICATED', '该账号已不存在，请重新登录');
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      unitName: user.unitId ? await this.directory.unitName(user.unitId) : null,
      chamber: user.chamber,
    };
  }
}
