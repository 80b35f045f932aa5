import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcceptsIdempotencyKey,
  IdempotencyKeyHeader,
  replyIdempotent,
} from 'src/common/idempotency/idempotent-reply.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  AnnotationDto,
  AnnotationResponse,
  AnnotationsResponse,
  DeliveryStateResponse,
  ForwardDto,
  ForwardResponse,
  InboxPageResponse,
  InboxQuery,
  OverdueQuery,
  ProgressQuery,
  ReasonDto,
  TreeQuery,
} from 'src/modules/routing/routing.dto.js';
import { RoutingProgressService } from 'src/modules/routing/routing-progress.service.js';
import { OverduePageResponse, ProgressResponse } from 'src/modules/routing/tracking.dto.js';
import { RoutingService } from 'src/modules/routing/routing.service.js';

const ANNOTATION_EXAMPLE = {
  id: '5e1f…',
  registerEntryId: '9d2a…',
  letterId: '0b1e…',
  unitId: '8f2d…',
  unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
  authorUserId: '2c4b…',
  authorName: 'นางสาวพรทิพย์ ศรีสุข',
  authorPosition: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด',
  text: 'เห็นควรแจ้ง อำเภอ และ อปท. ทราบ',
  decision: 'proceed',
  createdAt: '2026-01-15T04:10:00.000Z',
};

const DELIVERY_STATE_EXAMPLE = {
  id: '77c3…',
  state: 'returned',
  stateReason: 'ส่งผิดหน่วยงาน',
  stateChangedAt: '2026-01-15T05:00:00.000Z',
};

@ApiTags('routing')
@Authenticated()
@Controller()
export class RoutingController {
  constructor(
    private readonly routing: RoutingService,
    private readonly progress: RoutingProgressService,
  ) {}

  @Post('register-entries/:id/annotations')
  @ApiOperation({
    summary: 'Annotate a registered letter (เกษียนหนังสือ): append-only, with author and position',
  })
  @ApiCreatedResponse({ type: AnnotationResponse, example: ANNOTATION_EXAMPLE })
  annotate(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnnotationDto,
  ): Promise<AnnotationResponse> {
    return this.routing.annotate(principal, id, dto);
  }

  @Get('register-entries/:id/annotations')
  @ApiOperation({ summary: 'Annotations of a register entry, oldest first' })
  @ApiOkResponse({
    type: AnnotationsResponse,
    example: { registerEntryId: '9d2a…', items: [ANNOTATION_EXAMPLE] },
  })
  annotations(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AnnotationsResponse> {
    return this.routing.listAnnotations(principal, id);
  }

  @Post('register-entries/:id/forwards')
  @ApiOperation({
    summary:
      'Forward a registered letter to many units at once (explicit units, children of kinds, subtree units of kinds)',
  })
  @AcceptsIdempotencyKey('sends nothing twice')
  @ApiCreatedResponse({
    type: ForwardResponse,
    example: {
      forwardId: '71aa…',
      letterId: '0b1e…',
      rootLetterId: '0b1e…',
      senderUnitId: '8f2d…',
      parentDeliveryId: '3e0c…',
      annotationId: '5e1f…',
      sentAt: '2026-01-15T04:10:00.000Z',
      dueAt: '2026-01-18T04:10:00.000Z',
      responseDueAt: null,
      created: 203,
      skipped: { count: 1, unitIds: ['4b7a…'] },
    },
  })
  @ApiUnprocessableEntityResponse({
    description:
      'problem+json FORWARD_NO_CLEARED_MEMBER: a classified letter and recipient units where nobody ' +
      'active in the registry (clerk, head, admin) is cleared for it; `units` names them (id, nameTh), ' +
      '`count` is exact; nothing is sent',
  })
  async forward(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ForwardDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return replyIdempotent(response, await this.routing.forward(principal, id, dto, key));
  }

  @Get('units/:id/inbox')
  @ApiOperation({
    summary: "A unit's pending deliveries (to register): most urgent first, then oldest",
  })
  @ApiOkResponse({
    type: InboxPageResponse,
    example: {
      unitId: '8f2d…',
      items: [
        {
          deliveryId: '3e0c…',
          letterId: '0b1e…',
          reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
          letterDateRaw: '๑๒ มกราคม ๒๕๖๙',
          speed: 'most_urgent',
          secrecy: 'none',
          subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
          senderUnitId: '1a2b…',
          senderName: 'กระทรวงมหาดไทย',
          sentAt: '2026-01-15T03:55:00.000Z',
          dueAt: '2026-01-18T03:55:00.000Z',
          ageHours: 2.5,
          overdue: false,
        },
      ],
      nextCursor: null,
    },
  })
  inbox(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: InboxQuery,
  ): Promise<InboxPageResponse> {
    return this.progress.inbox(principal, id, query);
  }

  @Post('deliveries/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a delivery to its sender (ส่งคืน), with a reason' })
  @ApiOkResponse({ type: DeliveryStateResponse, example: DELIVERY_STATE_EXAMPLE })
  returnDelivery(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<DeliveryStateResponse> {
    return this.routing.returnDelivery(principal, id, dto);
  }

  @Post('deliveries/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'The sender cancels one delivery not yet registered' })
  @ApiOkResponse({
    schema: { example: { ...DELIVERY_STATE_EXAMPLE, state: 'cancelled', stateReason: 'ส่งซ้ำ' } },
  })
  cancelDelivery(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.routing.cancelDelivery(principal, id, dto);
  }

  @Post('forwards/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The sender cancels a whole forward: every delivery not yet registered',
  })
  @ApiOkResponse({ schema: { example: { forwardId: '71aa…', cancelled: 180, notCancelled: 23 } } })
  cancelForward(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.routing.cancelForward(principal, id, dto);
  }

  @Get('letters/:id/tree')
  @ApiOperation({ summary: "The delivery tree of the letter's root, level by level (paginated)" })
  @ApiOkResponse({
    schema: {
      example: {
        rootLetterId: '0b1e…',
        levels: [{ level: 1, total: 77, received: 75, pending: 2 }],
        items: [
          {
            level: 1,
            id: '3e0c…',
            letterId: '0b1e…',
            parentDeliveryId: null,
            senderUnitId: '1a2b…',
            senderName: 'กระทรวงมหาดไทย',
            recipientUnitId: '8f2d…',
            recipientName: 'จังหวัดร้อยเอ็ด',
            recipientKind: 'province',
            state: 'received',
            sentAt: '2026-01-15T03:55:00.000Z',
            dueAt: '2026-01-18T03:55:00.000Z',
            stateChangedAt: '2026-01-15T04:05:00.000Z',
            receiptNumber: 520,
            escalationHaltedAt: null,
            escalationHaltReason: null,
          },
        ],
        nextCursor: 'WzEsIjNlMGMuLi4iXQ',
      },
    },
  })
  tree(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TreeQuery,
  ) {
    return this.progress.tree(principal, id, query);
  }

  @Get('letters/:id/progress')
  @ApiOperation({
    summary:
      "Acknowledgment progress of the letter's root in a unit's subtree: totals, roll-up per child unit, not yet received",
  })
  @ApiOkResponse({
    type: ProgressResponse,
    example: {
      rootLetterId: '0b1e…',
      unit: { id: '8f2d…', nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' },
      deliveries: { sent: 53, received: 180, returned: 0, cancelled: 0, total: 233 },
      units: { total: 233, received: 180, pending: 53, returned: 0, cancelled: 0 },
      children: [
        {
          unitId: '4b7a…',
          nameTh: 'อำเภอเสลภูมิ',
          kind: 'district',
          total: 18,
          received: 15,
          pending: 3,
          byKind: [
            { kind: 'district', total: 1, received: 1, pending: 0 },
            { kind: 'subdistrict_administration', total: 17, received: 14, pending: 3 },
          ],
        },
      ],
      oldestPending: {
        unitId: '6c1d…',
        pendingSince: '2026-01-15T03:55:00.000Z',
        ageHours: 26.5,
      },
      notReceived: {
        items: [
          {
            unitId: '6c1d…',
            nameTh: 'องค์การบริหารส่วนตำบลขวาว',
            kind: 'subdistrict_administration',
            pendingSince: '2026-01-15T03:55:00.000Z',
            dueAt: '2026-01-18T03:55:00.000Z',
            ageHours: 26.5,
          },
        ],
        nextCursor: null,
      },
    },
  })
  letterProgress(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ProgressQuery,
  ) {
    return this.progress.progress(principal, id, query);
  }

  @Get('units/:id/overdue')
  @ApiOperation({
    summary: 'Every overdue delivery (not registered past its due time) under a unit, by recipient',
  })
  @ApiOkResponse({
    type: OverduePageResponse,
    example: {
      unitId: '8f2d…',
      asOf: '2026-01-19T03:00:00.000Z',
      groups: [
        {
          unitId: '6c1d…',
          nameTh: 'องค์การบริหารส่วนตำบลขวาว',
          kind: 'subdistrict_administration',
          overdue: 1,
          items: [
            {
              deliveryId: '3e0c…',
              letterId: '0b1e…',
              reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
              speed: 'most_urgent',
              secrecy: 'none',
              subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
              senderName: 'อำเภอเสลภูมิ',
              sentAt: '2026-01-15T03:55:00.000Z',
              dueAt: '2026-01-18T03:55:00.000Z',
              ageHours: 95.1,
              overdueHours: 23.1,
            },
          ],
        },
      ],
      nextCursor: null,
    },
  })
  overdue(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OverdueQuery,
  ) {
    return this.progress.overdue(principal, id, query);
  }
}
