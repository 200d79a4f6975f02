import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsDefined({ message: 'username 为必填项' })
  @IsString({ message: 'username 须为字符串' })
  @MinLength(1, { message: 'username 不能为空' })
  @MaxLength(100, { message: 'username 过长' })
  username: string;

  @ApiProperty({ example: 'Demo#2026' })
  @IsDefined({ message: 'password 为必填项' })
  @IsString({ message: 'password 须为字符串' })
  @MinLength(1, { message: 'password 不能为空' })
  @MaxLength(200, { message: 'password 过长' })
  password: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'rsj-handler' })
  username: string;
  @ApiProperty({ example: '白若溪' })
  displayName: string;
  @ApiProperty({
    example: 'unit_handler',
    enum: ['office', 'office_reviewer', 'unit_handler', 'unit_leader', 'vice_mayor', 'npc_liaison', 'cppcc_liaison', 'proposer', 'admin'],
  })
  role: string;
  @ApiProperty({ example: 'rsj', nullable: true, type: String, description: '所属单位代码（承办单位角色）' })
  unitId: string | null;
}

export class MeDto extends UserDto {
  @ApiProperty({ example: '市人社局', nullable: true, type: String })
  unitName: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, enum: ['npc', 'cppcc'] })
  chamber: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT (HS256, 12 小时)；之后请求头携带 Authorization: Bearer <accessToken>' })
  accessToken: string;
  @ApiProperty({ example: 43200 })
  expiresIn: number;
  @ApiProperty({ type: UserDto })
  user: UserDto;
}
