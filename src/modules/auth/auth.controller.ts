import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import {
  LoginDto,
  ME_EXAMPLE,
  MeResponse,
  RefreshDto,
  TOKEN_PAIR_EXAMPLE,
} from 'src/modules/auth/auth.dto.js';
import { AuthErrors } from 'src/modules/auth/auth.errors.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import { AuthService, type TokenPair } from 'src/modules/auth/auth.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { describeMe } from 'src/modules/auth/me.js';
import {
  type BrowserTokens,
  clearRefreshCookie,
  refreshCookieSession,
  SESSION_MODE_COOKIE,
  SESSION_MODE_HEADER,
  toBrowser,
  wantsCookieSession,
} from 'src/modules/auth/refresh-cookie.js';

const SESSION_HEADER_DOC = {
  name: SESSION_MODE_HEADER,
  required: false,
  enum: [SESSION_MODE_COOKIE],
  description:
    'Browsers send `cookie`: the refresh token is then set as an HttpOnly, Secure, SameSite=Strict cookie on /api/v1/auth and left out of the body',
};

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ schema: { example: TOKEN_PAIR_EXAMPLE } })
  @ApiUnauthorizedResponse({ description: 'problem+json INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'problem+json LOGIN_THROTTLED, with Retry-After' })
  @ApiHeader(SESSION_HEADER_DOC)
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair | BrowserTokens> {
    try {
      const pair = await this.auth.login(body.username, body.password, request.ip ?? 'unknown');
      return wantsCookieSession(request) ? toBrowser(this.auth, pair, response) : pair;
    } catch (error) {
      if (error instanceof DomainError && error.code === AuthErrors.LOGIN_THROTTLED.code) {
        const retryAfter = error.extras.data?.retryAfter;
        response.setHeader(
          'Retry-After',
          typeof retryAfter === 'number' ? String(retryAfter) : '60',
        );
      }
      throw error;
    }
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair (rotation)',
    description:
      'The presented refresh token is spent. Presenting a spent token again ends the whole session (every token of its family). Without `refreshToken` in the body, the token is the refresh cookie, and the request must carry `X-Saraban-Session: cookie` and come from this origin (CSRF).',
  })
  @ApiBody({ type: RefreshDto })
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiOkResponse({ schema: { example: TOKEN_PAIR_EXAMPLE } })
  @ApiUnauthorizedResponse({
    description: 'problem+json REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED',
  })
  @ApiForbiddenResponse({ description: 'problem+json CSRF_CHECK_FAILED (cookie without header)' })
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPair | BrowserTokens> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken);
    return refreshCookieSession(this.auth, request, response);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Sign out: end this session and its refresh tokens' })
  @ApiNoContentResponse({ description: 'Signed out (and the refresh cookie cleared)' })
  async logout(
    @CurrentUser() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(principal);
    clearRefreshCookie(response);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user, live memberships and the units acted for' })
  @ApiOkResponse({ type: MeResponse, example: ME_EXAMPLE })
  me(@CurrentUser() principal: Principal): MeResponse {
    return describeMe(principal, this.access.actingUnitIds(principal));
  }
}
