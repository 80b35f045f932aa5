import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import type { Principal } from 'src/modules/auth/principal.js';

type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Requires a valid access token and puts the principal (loaded from PostgreSQL on this
 * request) on the request. Use through `@Authenticated()` on a controller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    if (!match) throw new DomainError(CommonErrors.UNAUTHENTICATED);
    request.principal = await this.auth.authenticate(match[1]);
    return true;
  }
}

/** Guards every route of a controller (or one route) and documents the bearer scheme. */
export function Authenticated(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'problem+json: missing, invalid or expired token' }),
  );
}

/** The signed-in principal; only on routes behind `@Authenticated()`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new DomainError(CommonErrors.UNAUTHENTICATED);
  return principal;
});
