import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isRole, type Role } from '@jyta/directory';
import { AppException, forbiddenRole } from '../common/app-exception';
import type { AuthUser, TokenClaims } from './auth-user';
import { IS_PUBLIC, ROLES_KEY } from './decorators';
import { SessionService } from './sessions.service';

const unauthenticated = (message = '未登录或登录已失效，请重新登录') => new AppException(401, 'UNAUTHENTICATED', message);

/** Requires `Authorization: Bearer <token>` everywhere except on @Public() handlers. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: unknown = req.headers?.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw unauthenticated('缺少访问令牌：请先登录，并在请求头携带 Authorization: Bearer <token>');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(m[1], { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated();
    }
    if (typeof claims.sub !== 'string' || typeof claims.username !== 'string' || !isRole(claims.role)) throw unauthenticated();
    // The account as it is now, not as it was when the token was issued: a disabled account, a
    // new password or a new role or unit raised its session version, which ends older tokens.
    const row = await this.sessions.current(claims.sub);
    if (!row || row.disabled || claims.sv !== row.sessionVersion || !isRole(row.role)) {
      throw new AppException(401, 'SESSION_REVOKED', '登录已失效（账号已停用或已变更），请重新登录');
    }
    const user: AuthUser = {
      id: row.id,
      username: row.username,
      role: row.role,
      unitId: row.unitCode,
      displayName: row.displayName,
    };
    req.user = user;
    return true;
  }
}

/** Enforces @Roles(...) after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user: AuthUser | undefined = ctx.switchToHttp().getRequest().user;
    if (!user) throw unauthenticated();
    if (!roles.includes(user.role)) throw forbiddenRole();
    return true;
  }
}
