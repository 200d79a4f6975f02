import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { UserIdPipe } from './user-id.pipe';
import { AdminUserDetailDto, AdminUserDto, ChangeRoleDto, CreateUserDto, DisableUserDto, ResetPasswordDto } from './dto/users.dto';
import { UsersAdminService } from './users.service';

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE：仅系统管理员（admin）可用' })
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED（密码不符合要求、未知单位等，details.fields 指明字段）' })
@Controller('admin/users')
export class UsersAdminController {
  constructor(private readonly users: UsersAdminService) {}

  @Get()
  @ApiOperation({ summary: '账号列表' })
  @ApiOkResponse({ type: AdminUserDto, isArray: true })
  list(): Promise<AdminUserDto[]> {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: '新建账号', description: '密码至少 10 位，须含字母和数字，不能包含用户名。' })
  @ApiCreatedResponse({ type: AdminUserDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'USERNAME_TAKEN' })
  create(@Body() dto: CreateUserDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.create(dto, user, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: '账号详情及变更记录' })
  @ApiOkResponse({ type: AdminUserDetailDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'USER_NOT_FOUND' })
  get(@Param('id', UserIdPipe) id: string): Promise<AdminUserDetailDto> {
    return this.users.get(id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号（已签发的令牌立即失效）' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'CANNOT_CHANGE_OWN_ACCOUNT / CONCURRENT_CHANGE' })
  disable(@Param('id', UserIdPipe) id: string, @Body() dto: DisableUserDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.disable(id, dto.reason, user, meta);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '启用账号' })
  @ApiOkResponse({ type: AdminUserDto })
  enable(@Param('id', UserIdPipe) id: string, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.enable(id, user, meta);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码（已签发的令牌立即失效，并解除登录锁定）' })
  @ApiOkResponse({ type: AdminUserDto })
  resetPassword(@Param('id', UserIdPipe) id: string, @Body() dto: ResetPasswordDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.resetPassword(id, dto.password, user, meta);
  }

  @Put(':id/role')
  @ApiOperation({ summary: '更改角色 / 所属单位（已签发的令牌立即失效）' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'CANNOT_CHANGE_OWN_ACCOUNT / CONCURRENT_CHANGE' })
  changeRole(@Param('id', UserIdPipe) id: string, @Body() dto: ChangeRoleDto, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.changeRole(id, dto, user, meta);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '解除登录锁定' })
  @ApiOkResponse({ type: AdminUserDto })
  unlock(@Param('id', UserIdPipe) id: string, @CurrentUser() user: AuthUser, @Meta() meta: CommandMeta): Promise<AdminUserDto> {
    return this.users.unlock(id, user, meta);
  }
}
