import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { toDomainError, toProblem } from 'src/common/problem.filter.js';
import { DomainError } from 'src/common/domain-error.js';
import { logger } from 'src/logging/logger.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import { describeMe } from 'src/modules/auth/me.js';
import {
  refreshCookieSession,
  SESSION_MODE_COOKIE,
  SESSION_MODE_HEADER,
} from 'src/modules/auth/refresh-cookie.js';
import { RoutingProgressService } from 'src/modules/routing/routing-progress.service.js';
import {
  NDJSON,
  SessionStartDto,
  SessionStartHead,
  SessionStartProgress,
  type StartReadAnswer,
} from 'src/modules/routing/session-start.dto.js';

/**
 * A browser's first request when the console opens: the session refreshed from its cookie,
 * who is signed in and, for a letter's tracking page opened by its address, that letter's
 * progress, in one round trip. Asked separately, the reads wait for the refresh's answer and
 * then for a free moment of a page still compiling its code; here they follow the refresh on
 * the server. The session and who is signed in are written first, as soon as they are known,
 * so that the console signs in and draws its shell while the progress is read (newline-
 * delimited JSON). Lives in routing because it reads progress (auth is a leaf module).
 */
@ApiTags('auth')
@Controller()
export class SessionStartController {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly progress: RoutingProgressService,
  ) {}

  @Post('auth/start')
  @HttpCode(200)
  @ApiOperation({
    summary: "Start a browser session: refresh from the cookie, and the page's first reads",
    description:
      "Rotates the refresh cookie as `POST /auth/refresh` does (same CSRF rules: `X-Saraban-Session: cookie`, same origin), then answers, one JSON document per line, the new access token with `GET /me`'s answer at once and, when asked, one page of a letter's progress once read. The session is answered whenever the refresh succeeds: a read that is refused (a letter not visible, an unknown unit) comes back as its own status and problem on its line.",
  })
  @ApiBody({ type: SessionStartDto })
  @ApiHeader({
    name: SESSION_MODE_HEADER,
    required: true,
    enum: [SESSION_MODE_COOKIE],
    description: 'The refresh token is the HttpOnly cookie',
  })
  @ApiExtraModels(SessionStartHead, SessionStartProgress)
  @ApiOkResponse({
    description:
      'Newline-delimited JSON: first `SessionStartHead` (written as soon as the session is rotated), then `SessionStartProgress` when the progress was asked for',
    content: {
      [NDJSON.split(';')[0]]: {
        schema: {
          oneOf: [
            { $ref: getSchemaPath(SessionStartHead) },
            { $ref: getSchemaPath(SessionStartProgress) },
          ],
        },
      },
    },
  })
  @ApiUnauthorizedResponse({
    description: 'problem+json REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED',
  })
  @ApiForbiddenResponse({ description: 'problem+json CSRF_CHECK_FAILED' })
  async start(
    @Body() body: SessionStartDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const session = await refreshCookieSession(this.auth, request, response);
    const principal = await this.auth.authenticate(session.accessToken);
    const me = describeMe(principal, this.access.actingUnitIds(principal));
    // The session goes out at once: the console signs in and draws its shell while the
    // progress is read.
    response.status(200).type(NDJSON);
    response.write(`${JSON.stringify({ session, me } satisfies SessionStartHead)}\n`);
    const read = body.progress;
    if (read) {
      const progress = await answerOf(request, () =>
        this.progress.progress(principal, read.letterId, read),
      );
      response.write(`${JSON.stringify({ progress } satisfies SessionStartProgress)}\n`);
    }
    response.end();
  }
}

/**
 * A read's answer as its own request would have had it. The session is already rotated
 * when a read fails, so a failure must not fail the whole answer (the browser would lose
 * its new refresh token): it becomes the read's problem.
 */
async function answerOf(request: Request, read: () => Promise<object>): Promise<StartReadAnswer> {
  try {
    return { status: 200, body: await read() };
  } catch (error) {
    const domain = toDomainError(error);
    if (!(error instanceof DomainError)) {
      logger.error({ err: error, reqId: request.id }, 'a session start read failed');
    }
    return { status: domain.status, body: toProblem(domain, request) };
  }
}
