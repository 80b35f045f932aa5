import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequestHeader } from 'src/common/request-header.js';

/** Documents the optional `Idempotency-Key` header of a command (invariant 4). */
export function AcceptsIdempotencyKey(effect: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `A retry with the same key returns the first answer and ${effect}`,
    }),
  );
}

/** The `Idempotency-Key` request header as a handler parameter. */
export const IdempotencyKeyHeader = (): ParameterDecorator => RequestHeader('Idempotency-Key');

/** Sends a command's (possibly replayed) answer: its stored status, and a marker on a replay. */
export function replyIdempotent<T>(
  response: Response,
  answer: { status: number; body: T; replayed: boolean },
): T {
  response.status(answer.status);
  if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
