import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { requestIdOf } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import type { AuthUser } from './auth-user';
import { AuthService, type RetryAfterException } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { LoginDto, LoginResponseDto, MeDto } from './dto';

@ApiTags('auth 登录')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录，取得访问令牌' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorDto, description: 'INVALID_CREDENTIALS 用户名或密码错误' })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'ACCOUNT_DISABLED 账号已停用（仅在密码正确时告知）' })
  @ApiResponse({ status: 423, type: ErrorDto, description: 'ACCOUNT_LOCKED 连续失败 10 次后锁定 30 分钟（管理员可解锁）；带 Retry-After' })
  @ApiResponse({ status: 429, type: ErrorDto, description: 'TOO_MANY_REQUESTS 同一账号或同一地址失败过多；带 Retry-After（秒）' })
  @ApiResponse({ status: 503, type: ErrorDto, description: 'LOGIN_BUSY 同时登录的请求过多；带 Retry-After' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: { ip?: string; socket?: { remoteAddress?: string }; id?: unknown; headers: Record<string, unknown> },
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ): Promise<LoginResponseDto> {
    const address = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
    try {
      return await this.auth.login(dto.username, dto.password, address, typeof req.id === 'string' && req.id ? req.id : requestIdOf(req.headers));
    } catch (err) {
      const seconds = (err as RetryAfterException).retryAfterSeconds;
      if (seconds) res.setHeader('Retry-After', String(seconds));
      throw err;
    }
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }
}
