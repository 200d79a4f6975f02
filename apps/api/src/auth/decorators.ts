import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@jyta/directory';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'jyta:isPublic';
export const ROLES_KEY = 'jyta:roles';

/** No access token needed (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler (else 403 FORBIDDEN_ROLE). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller (set by JwtAuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
