import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { Meta, type CommandMeta } from '../common/command-meta';
import { ErrorDto } from '../common/error.dto';
import { UnitIdPipe } from '../common/params';
import { PutContactsDto, UnitContactsDto } from './contacts.dto';
import { ContactsService } from './contacts.service';

/** Everybody who works on items; the proposers do not see the officials' phone numbers. */
const STAFF = ['admin', 'office', 'office_reviewer', 'vice_mayor', 'npc_liaison', 'cppcc_liaison', 'unit_handler', 'unit_leader'] as const;

@ApiTags('directory 单位')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorDto, description: 'FORBIDDEN_ROLE' })
@ApiNotFoundResponse({ type: ErrorDto, description: 'UNIT_NOT_FOUND' })
@Controller('units/:unitId/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '单位通信录（第十四条：主要领导、分管领导、办公室负责人、承办人员）及历次变更' })
  @ApiOkResponse({ type: UnitContactsDto })
  get(@Param('unitId', UnitIdPipe) unitId: string): Promise<UnitContactsDto> {
    return this.contacts.get(unitId);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: '更新单位通信录（整表替换；每次变更记录为事件）' })
  @ApiOkResponse({ type: UnitContactsDto })
  put(
    @Param('unitId', UnitIdPipe) unitId: string,
    @Body() dto: PutContactsDto,
    @CurrentUser() user: AuthUser,
    @Meta() meta: CommandMeta,
  ): Promise<UnitContactsDto> {
    return this.contacts.replace(unitId, dto.contacts, {
      actor: { userId: user.id, username: user.username, role: user.role, unitId: user.unitId },
      correlationId: meta.correlationId,
    });
  }
}
