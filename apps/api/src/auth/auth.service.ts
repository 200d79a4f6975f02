import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { findUserById, findUserByUsername, hashPassword, verifyPassword } from '@jyta/directory';
import { AppException } from '../common/app-exception';
import { DirectoryService } from '../directory/directory.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { AuthUser, TokenClaims } from './auth-user';
import type { LoginResponseDto, MeDto } from './dto';

export const TOKEN_TTL_SECONDS = 12 * 3600;

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly infra: Infrastructure,
    private readonly jwt: JwtService,
    private readonly directory: DirectoryService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await findUserByUsername(this.infra.pool, username);
    this.dummyHash ??= hashPassword('jyta-timing-equaliser');
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok) throw new AppException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, unitId: user.unitId, name: user.displayName };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS });
    return {
      accessToken,
      expiresIn: TOKEN_TTL_SECONDS,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId },
    };
  }

  async me(caller: AuthUser): Promise<MeDto> {
    const user = await findUserById(this.infra.pool, caller.id);
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
