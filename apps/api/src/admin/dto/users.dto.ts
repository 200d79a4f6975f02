import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Chamber, type Role } from '@jyta/directory';

const UNIT_CODE = /^[a-z][a-z0-9_-]{0,31}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'rsj-handler-2', description: '用户名：小写字母、数字、. _ -，2–50 位' })
  @IsDefined({ message: 'username 为必填项' })
  @IsString({ message: 'username 须为字符串' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,49}$/, { message: 'username 须为 2–50 位小写字母、数字或 . _ -' })
  username: string;

  @ApiProperty({ example: '王晓东' })
  @IsDefined({ message: 'displayName 为必填项' })
  @IsString({ message: 'displayName 须为字符串' })
  @Matches(/\S/, { message: 'displayName 不能为空' })
  @MaxLength(50, { message: 'displayName 不能超过 50 字' })
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsDefined({ message: 'role 为必填项' })
  @IsIn(ROLES as unknown as string[], { message: `role 须为 ${ROLES.join(' / ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'rsj', nullable: true, type: String, description: '承办单位角色（unit_handler / unit_leader）必填，其他角色不填' })
  @IsOptional()
  @IsString({ message: 'unitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ['npc', 'cppcc'], nullable: true, type: String, description: '代表 / 委员及联络机构所属：npc 人大 / cppcc 政协' })
  @IsOptional()
  @IsIn(['npc', 'cppcc'], { message: 'chamber 须为 npc / cppcc' })
  chamber?: Chamber | null;

  @ApiProperty({ example: 'Chengban2026x', description: '初始密码：至少 10 位，须含字母和数字，不能包含用户名' })
  @IsDefined({ message: 'password 为必填项' })
  @IsString({ message: 'password 须为字符串' })
  @MaxLength(200, { message: 'password 过长' })
  password: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'Chongzhi2026x', description: '新密码：至少 10 位，须含字母和数字，不能包含用户名' })
  @IsDefined({ message: 'password 为必填项' })
  @IsString({ message: 'password 须为字符串' })
  @MaxLength(200, { message: 'password 过长' })
  password: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsDefined({ message: 'role 为必填项' })
  @IsIn(ROLES as unknown as string[], { message: `role 须为 ${ROLES.join(' / ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'jyj', nullable: true, type: String, description: '承办单位角色必填，其他角色不填' })
  @IsOptional()
  @IsString({ message: 'unitId 须为单位代码' })
  @Matches(UNIT_CODE, { message: 'unitId 须为单位代码' })
  unitId?: string | null;
}

export class DisableUserDto {
  @ApiPropertyOptional({ example: '调离本岗位' })
  @IsOptional()
  @IsString({ message: 'reason 须为字符串' })
  @MaxLength(500, { message: 'reason 不能超过 500 字' })
  reason?: string;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'rsj-handler' }) username: string;
  @ApiProperty({ example: '白若溪' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['npc', 'cppcc'] }) chamber: string | null;
  @ApiProperty({ description: '已停用' }) disabled: boolean;
  @ApiProperty({ nullable: true, type: String, description: '锁定至（连续登录失败后），null 为未锁定' }) lockedUntil: string | null;
  @ApiProperty() createdAt: string;
}

export class AccountEventDto {
  @ApiProperty() version: number;
  @ApiProperty({ example: 'UserRoleChanged' }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String, description: '操作人（null 为系统，如登录失败锁定）' }) by: string | null;
  @ApiProperty({ type: Object, description: '事件内容（不含密码或其散列）' }) data: unknown;
}

export class AdminUserDetailDto extends AdminUserDto {
  @ApiProperty({ type: AccountEventDto, isArray: true, description: '账号变更记录（旧的在前）' }) history: AccountEventDto[];
}
