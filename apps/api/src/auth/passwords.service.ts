import { Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@jyta/directory';
import { AppException } from '../common/app-exception';
import { Semaphore, SemaphoreBusyError } from './limits';
import { LOGIN_POLICY } from './login-policy';

export const loginBusy = () =>
  Object.assign(new AppException(503, 'LOGIN_BUSY', '登录请求过多，请稍后重试'), { retryAfterSeconds: 1 });

/**
 * argon2id hashing and checking, never more than a few at once: each takes ~64 MiB, so a burst of
 * logins would otherwise take the process's memory with it. Excess callers wait briefly, then 503.
 */
@Injectable()
export class PasswordService {
  private readonly semaphore = new Semaphore(LOGIN_POLICY.argon2.concurrency, LOGIN_POLICY.argon2.maxQueue, LOGIN_POLICY.argon2.maxWaitMs);
  /** Checked against when the account is unknown, so that both failures cost the same. */
  private dummyHash?: Promise<string>;

  verify(hash: string | undefined, password: string): Promise<boolean> {
    return this.bounded(async () => {
      if (hash === undefined) {
        this.dummyHash ??= hashPassword('jyta-timing-equaliser-0');
        await verifyPassword(await this.dummyHash, password);
        return false;
      }
      return verifyPassword(hash, password);
    });
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => hashPassword(password));
  }

  private async bounded<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.semaphore.run(fn);
    } catch (err) {
      if (err instanceof SemaphoreBusyError) throw loginBusy();
      throw err;
    }
  }
}
