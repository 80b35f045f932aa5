import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  ListNotificationsQuery,
  MarkedResponse,
  NotificationPageResponse,
  NotificationPreferencesDto,
  UnreadCountResponse,
} from 'src/modules/notifications/notifications.dto.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: "The user's notifications and those of their units, newest first, with unread count",
  })
  @ApiOkResponse({
    type: NotificationPageResponse,
    example: {
      items: [
        {
          id: '3c9e…',
          userId: null,
          unitId: '8f2d…',
          kind: 'delivery.new',
          payload: {
            letterId: '0b1e…',
            forwardId: '71aa…',
            fromUnitName: 'กระทรวงมหาดไทย',
            reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
            speed: 'most_urgent',
            subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
          },
          createdAt: '2026-01-15T03:55:00.000Z',
          readAt: null,
        },
      ],
      unreadCount: 1,
      nextCursor: null,
    },
  })
  list(
    @CurrentUser() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageResponse> {
    return this.notifications.list(principal, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Number of unread notifications of the user and their units' })
  @ApiOkResponse({ type: UnreadCountResponse })
  unreadCount(@CurrentUser() principal: Principal): Promise<UnreadCountResponse> {
    return this.notifications.unreadCount(principal);
  }

  @Get('preferences')
  @ApiOperation({ summary: "The user's e-mail address for notifications and digest choice" })
  @ApiOkResponse({ schema: { example: { email: 'saraban@roiet.go.th', digest: true } } })
  preferences(@CurrentUser() principal: Principal) {
    return this.notifications.getPreferences(principal);
  }

  @Put('preferences')
  @ApiOperation({
    summary: 'Set the e-mail address for notifications and whether to get the daily digest',
  })
  @ApiOkResponse({ schema: { example: { email: 'saraban@roiet.go.th', digest: false } } })
  setPreferences(@CurrentUser() principal: Principal, @Body() body: NotificationPreferencesDto) {
    return this.notifications.setPreferences(principal, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOkResponse({ schema: { example: { marked: 1 } } })
  markRead(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(principal, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification of the user and their units read' })
  @ApiOkResponse({ type: MarkedResponse })
  markAllRead(@CurrentUser() principal: Principal): Promise<MarkedResponse> {
    return this.notifications.markAllRead(principal);
  }
}
