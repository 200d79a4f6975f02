import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CONTACT_KINDS, type ContactKind } from '@jyta/directory';

const KIND_DOC = 'main_leader 主要领导 / leader_in_charge 分管领导 / office_head 办公室负责人 / handler 承办人员';

export class ContactEntryDto {
  @ApiProperty({ enum: CONTACT_KINDS, description: KIND_DOC })
  @IsDefined({ message: 'kind 为必填项' })
  @IsIn(CONTACT_KINDS as unknown as string[], { message: `kind 须为 ${CONTACT_KINDS.join(' / ')}` })
  kind: ContactKind;

  @ApiProperty({ example: '赵建华' })
  @IsDefined({ message: '姓名为必填项' })
  @IsString({ message: '姓名须为字符串' })
  @Matches(/\S/, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过 50 字' })
  name: string;

  @ApiProperty({ example: '13800000100', description: '联系电话（手机或座机，可含 + - 空格 括号）' })
  @IsDefined({ message: '联系电话为必填项' })
  @IsString({ message: '联系电话须为字符串' })
  @Matches(/^\+?[0-9][0-9 ()-]{2,28}[0-9]$/, { message: '联系电话格式无效' })
  phone: string;

  @ApiProperty({ example: '市人社局局长', description: '职务' })
  @IsDefined({ message: '职务为必填项' })
  @IsString({ message: '职务须为字符串' })
  @MaxLength(100, { message: '职务不能超过 100 字' })
  position: string;
}

/** The unit's whole contacts list (Art. 14), replacing the one before. */
export class PutContactsDto {
  @ApiProperty({ type: ContactEntryDto, isArray: true, description: '主要领导、分管领导、办公室负责人各至多一位，承办人员至多 20 位' })
  @IsDefined({ message: 'contacts 为必填项' })
  @IsArray({ message: 'contacts 须为数组' })
  @ArrayMaxSize(23, { message: '通信录不能超过 23 人' })
  @ValidateNested({ each: true })
  @Type(() => ContactEntryDto)
  contacts: ContactEntryDto[];
}

export class ContactsChangeDto {
  @ApiProperty({ example: 2, description: '第几次变更（单位通信录事件流的版本）' })
  version: number;
  @ApiProperty({ example: '2026-11-27T08:00:00.000Z' })
  at: string;
  @ApiProperty({ example: 'admin', nullable: true, type: String, description: '操作人（null 为系统导入）' })
  by: string | null;
  @ApiProperty({ type: ContactEntryDto, isArray: true, description: '变更后的完整通信录' })
  contacts: ContactEntryDto[];
}

export class UnitContactsDto {
  @ApiProperty({ example: 'rsj' })
  unitId: string;
  @ApiProperty({ example: '市人社局' })
  unitName: string;
  @ApiProperty({ type: ContactEntryDto, isArray: true, description: '当前通信录（按类别、顺序）' })
  contacts: ContactEntryDto[];
  @ApiProperty({ type: ContactsChangeDto, isArray: true, description: '历次变更（旧的在前）' })
  history: ContactsChangeDto[];
}
