import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { ProgressEventsService } from 'src/modules/routing/progress-events.service.js';
import { ProgressEventsQuery } from 'src/modules/routing/routing.dto.js';

/** A comment line this often keeps proxies from closing an idle stream; access is re-read then. */
const HEARTBEAT_MS = 20_000;

@ApiTags('routing')
@Authenticated()
@Controller()
export class ProgressEventsController {
  constructor(private readonly events: ProgressEventsService) {}

  @Get('progress/events')
  @ApiOperation({
    summary:
      'Server-Sent Events: acknowledgments (ลงรับ), returns, cancellations, escalations and forwards of the letters you may see, live',
    description:
      'Each event is `id: <n>`, `event: progress`, `data: <json>`. Reconnect with the `Last-Event-ID` header (or `lastEventId`) to resume: the events are read back from PostgreSQL, whichever API process answers. When too many happened meanwhile, an `event: reset` says to reload the figures. No subject is ever sent; every event is checked against your access.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream',
    schema: {
      example: {
        id: 1042,
        kind: 'delivery.received',
        rootLetterId: '0b1e…',
        letterId: '0b1e…',
        deliveryId: '3e0c…',
        forwardId: '71aa…',
        senderUnitId: '8f2d…',
        senderName: 'จังหวัดร้อยเอ็ด',
        recipientUnitId: '4b7a…',
        recipientName: 'อำเภอเสลภูมิ',
        recipientKind: 'district',
        level: null,
        receiptNumber: 88,
        count: null,
        occurredAt: '2026-01-15T04:05:00.000Z',
      },
    },
  })
  async stream(
    @CurrentUser() principal: Principal,
    @Query() query: ProgressEventsQuery,
    @Req() request: Request,
    @Res() response: Response,
    @Headers('last-event-id') header?: string,
  ): Promise<void> {
    const raw = header ?? query.lastEventId;
    let lastEventId: number | null = null;
    if (raw !== undefined && raw !== '') {
      if (!/^\d{1,15}$/.test(raw)) {
        throw new DomainError(CommonErrors.VALIDATION_FAILED, {
          errors: [{ field: 'Last-Event-ID', code: 'isInt', message: 'ต้องเป็นเลขลำดับเหตุการณ์' }],
        });
      }
      lastEventId = Number(raw);
    }
    const write = (chunk: string) => {
      if (!response.writableEnded) response.write(chunk);
    };
    let started = false;
    const buffered: string[] = [];
    const send = (chunk: string) => (started ? write(chunk) : buffered.push(chunk));
    const stream = await this.events.open(principal, query, lastEventId, {
      event: (e) => send(`id: ${e.id}\nevent: progress\ndata: ${JSON.stringify(e)}\n\n`),
      reset: (position) => send(`id: ${position}\nevent: reset\ndata: {}\n\n`),
    });
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    started = true;
    write('retry: 2000\n\n');
    for (const chunk of buffered) write(chunk);
    const heartbeat = setInterval(() => {
      void stream
        .refresh()
        .then((alive) => (alive ? write(': ping\n\n') : response.end()))
        .catch(() => write(': ping\n\n'));
    }, HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      stream.close();
    });
  }
}
