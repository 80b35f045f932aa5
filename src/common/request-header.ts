import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A request header as a handler parameter, without the OpenAPI side effect of Nest's
 * `@Headers(name)` (which documents the header as a required parameter). Operations that
 * accept an optional header document it themselves with `@ApiHeader`, once, in its
 * canonical spelling, so generated clients see each header once.
 */
export const RequestHeader = createParamDecorator(
  (name: string, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<Request>().headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  },
);
