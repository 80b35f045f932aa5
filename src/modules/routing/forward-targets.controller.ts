import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { ForwardTargetsService } from 'src/modules/routing/forward-targets.service.js';
import {
  ForwardDto,
  ForwardPreviewResponse,
  ForwardTargetsPageResponse,
  ForwardTargetsQuery,
} from 'src/modules/routing/routing.dto.js';

@ApiTags('routing')
@Authenticated()
@Controller()
export class ForwardTargetsController {
  constructor(private readonly targets: ForwardTargetsService) {}

  @Get('units/:id/forward-targets')
  @ApiOperation({
    summary:
      'Units the caller may forward to from this unit (recipient picker): children of a node, or a Thai name search, with quick picks by kind',
  })
  @ApiOkResponse({
    type: ForwardTargetsPageResponse,
    example: {
      unit: { id: '8f2d…', nameTh: 'สำนักงานจังหวัดร้อยเอ็ด', kind: 'provincial_office' },
      organisation: { id: '1a2b…', nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' },
      parent: { id: '1a2b…', nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' },
      items: [
        {
          id: '4b7a…',
          nameTh: 'อำเภอเสลภูมิ',
          kind: 'district',
          kindLabel: 'อำเภอ / เขต',
          parentId: '1a2b…',
          parentName: 'จังหวัดร้อยเอ็ด',
          children: 2,
          localAdministrations: 2,
          selectable: true,
          noClearedMember: false,
        },
      ],
      nextCursor: null,
      quickPicks: [{ key: 'districts', labelTh: 'ทุกอำเภอ', subtreeKinds: ['district'], count: 20 }],
    },
  })
  @ApiNotFoundResponse({ description: 'problem+json FORWARD_UNIT_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'problem+json FORBIDDEN: you do not forward for this unit' })
  list(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ForwardTargetsQuery,
  ) {
    return this.targets.targets(principal, id, query);
  }

  @Post('register-entries/:id/forwards/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Count the recipients a forward would reach (and those that already have the letter from this unit), writing nothing. ' +
      'For a classified letter, noClearedMember names the units nobody could register or return it in: ' +
      'while it is not empty the forward itself is refused (422 FORWARD_NO_CLEARED_MEMBER)',
  })
  @ApiOkResponse({
    type: ForwardPreviewResponse,
    example: {
      recipients: 23,
      alreadySent: 1,
      willCreate: 22,
      noClearedMember: {
        count: 1,
        units: [{ id: '4b7a…', nameTh: 'องค์การบริหารส่วนตำบลดงลาน' }],
      },
    },
  })
  preview(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ForwardDto,
  ) {
    return this.targets.preview(principal, id, dto);
  }
}
