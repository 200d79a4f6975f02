import { Controller, Get, HttpCode, Injectable, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { invalidField } from '../common/app-exception';
import { ErrorDto } from '../common/error.dto';
import { UUID } from '../common/validators';
import { InboxItemDto, InboxPageDto, InboxQueryDto, MarkAllReadDto } from './inbox.dto';
import { InboxService } from './inbox.service';

/** `:id` must be a uuid (400 otherwise); answered lower-case. */
@Injectable()
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw invalidField('id', 'id 须为 UUID');
    return value.toLowerCase();
  }
}

@ApiTags('inbox 我的消息')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorDto, description: 'VALIDATION_FAILED' })
@Controller('me/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: '我的消息（站内信）',
    description: '交办、退转、期限届满、超期、催办等通知，只含本人的消息，按时间倒序；unreadCount 为本人未读总数。',
  })
  @ApiOkResponse({ type: InboxPageDto })
  list(@Query() query: InboxQueryDto, @CurrentUser() user: AuthUser): Promise<InboxPageDto> {
    return this.inbox.list(user, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: MarkAllReadDto })
  markAllRead(@CurrentUser() user: AuthUser): Promise<MarkAllReadDto> {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', description: '消息 id' })
  @ApiOperation({ summary: '标为已读', description: '只能标记本人的消息；他人的消息与不存在的一样答 404。重复标记保留首次已读时间。' })
  @ApiOkResponse({ type: InboxItemDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'NOTIFICATION_NOT_FOUND' })
  markRead(@Param('id', NotificationIdPipe) id: string, @CurrentUser() user: AuthUser): Promise<InboxItemDto> {
    return this.inbox.markRead(user, id);
  }
}
