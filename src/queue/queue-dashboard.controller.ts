import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { QUEUE_DASHBOARD_PATH, QUEUE_SESSION_COOKIE } from 'src/queue/queue-dashboard.js';

export class QueueSessionResponse {
  @ApiProperty({ example: '/admin/queues', description: 'Where the dashboard is' })
  path: string;

  @ApiProperty({ example: 600, description: 'Lifetime of the cookie that opens it' })
  expiresInSeconds: number;
}

@ApiTags('admin')
@Authenticated()
@Controller('admin')
export class QueueDashboardController {
  constructor(
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('queue-session')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Open the queue dashboard: sets a short-lived HttpOnly cookie holding this access token, for /admin/queues',
  })
  @ApiOkResponse({
    type: QueueSessionResponse,
    example: { path: '/admin/queues', expiresInSeconds: 600 },
  })
  openQueueSession(
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): QueueSessionResponse {
    if (!this.access.canAdministerSystem(principal)) throw new DomainError(CommonErrors.NOT_FOUND);
    const token = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '')![1];
    const ttl = Math.min(this.config.queueSessionTtlSeconds, this.config.accessTokenTtlSeconds);
    res.cookie(QUEUE_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: QUEUE_DASHBOARD_PATH,
      maxAge: ttl * 1000,
    });
    return { path: QUEUE_DASHBOARD_PATH, expiresInSeconds: ttl };
  }
}
