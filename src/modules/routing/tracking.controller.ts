import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  AcknowledgmentSeriesQuery,
  OverdueFilterQuery,
  PageQuery,
} from 'src/modules/routing/routing.dto.js';
import { RoutingTrackingService } from 'src/modules/routing/routing-tracking.service.js';
import {
  AcknowledgmentSeriesResponse,
  OverdueLevelsResponse,
  SentLettersPageResponse,
} from 'src/modules/routing/tracking.dto.js';

/** The supervisor's tracking (ติดตาม): see src/modules/routing/README.md#progress-and-tracking. */
@ApiTags('routing')
@Authenticated()
@Controller()
export class TrackingController {
  constructor(private readonly tracking: RoutingTrackingService) {}

  @Get('units/:id/sent-letters')
  @ApiOperation({
    summary:
      'Letters the unit or its subtree forwarded, latest first, each with its roll-up per level of the tree',
  })
  @ApiOkResponse({
    type: SentLettersPageResponse,
    example: {
      unitId: '8f2d…',
      asOf: '2026-01-19T03:00:00.000Z',
      items: [
        {
          rootLetterId: '0b1e…',
          letterId: '0b1e…',
          reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
          speed: 'most_urgent',
          secrecy: 'none',
          subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
          firstSentAt: '2026-01-15T03:55:00.000Z',
          lastSentAt: '2026-01-15T06:10:00.000Z',
          totals: { total: 33, received: 20, pending: 12, returned: 1, overdue: 4 },
          levels: [
            { level: 1, total: 5, received: 5, pending: 0, returned: 0, overdue: 0 },
            { level: 2, total: 28, received: 15, pending: 12, returned: 1, overdue: 4 },
          ],
        },
      ],
      nextCursor: null,
    },
  })
  sentLetters(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQuery,
  ) {
    return this.tracking.sentLetters(principal, id, query);
  }

  @Get('units/:id/overdue.csv')
  @ApiOperation({
    summary:
      'The overdue list under a unit as CSV, filtered like the list (UTF-8 with BOM, Thai headers)',
  })
  @ApiProduces('text/csv')
  async overdueCsv(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: OverdueFilterQuery,
    @Res() response: Response,
  ) {
    const csv = await this.tracking.overdueCsv(principal, id, query);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    response.end(csv.body);
  }

  @Get('units/:id/overdue-levels')
  @ApiOperation({
    summary: 'Overdue deliveries under a unit counted by the escalation level reached (0 to 4)',
  })
  @ApiOkResponse({
    type: OverdueLevelsResponse,
    example: {
      unitId: '8f2d…',
      asOf: '2026-01-19T03:00:00.000Z',
      total: 7,
      levels: [
        { level: 0, count: 1 },
        { level: 1, count: 4 },
        { level: 2, count: 2 },
        { level: 3, count: 0 },
        { level: 4, count: 0 },
      ],
    },
  })
  overdueLevels(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.tracking.overdueByLevel(principal, id);
  }

  @Get('letters/:id/acknowledgments')
  @ApiOperation({
    summary:
      "Acknowledgments of the letter's root over time in a unit's subtree: cumulative share by hour (hours with receipts) or by working day (every working day from the sending to the last receipt, or to today while units are pending; weekends and holidays take no place)",
  })
  @ApiOkResponse({
    type: AcknowledgmentSeriesResponse,
    example: {
      rootLetterId: '0b1e…',
      unitId: '8f2d…',
      by: 'hour',
      total: 33,
      firstSentAt: '2026-01-15T03:55:00.000Z',
      points: [
        {
          at: '2026-01-15T04:00:00.000Z',
          date: '2026-01-15',
          workingDay: null,
          count: 5,
          received: 5,
          share: 0.152,
        },
        {
          at: '2026-01-15T06:00:00.000Z',
          date: '2026-01-15',
          workingDay: null,
          count: 10,
          received: 15,
          share: 0.455,
        },
      ],
    },
  })
  acknowledgments(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AcknowledgmentSeriesQuery,
  ) {
    return this.tracking.acknowledgmentSeries(principal, id, query);
  }
}
