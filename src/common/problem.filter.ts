import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { PROBLEM_CONTENT_TYPE, type Problem, problemType } from 'src/common/problem.js';
import { logger } from 'src/logging/logger.js';

/** Maps body-parser and Nest HTTP errors to our codes, so every answer has a stable code. */
function fromHttpStatus(status: number): DomainError {
  switch (status) {
    case 400:
      return new DomainError(CommonErrors.VALIDATION_FAILED);
    case 401:
      return new DomainError(CommonErrors.UNAUTHENTICATED);
    case 403:
      return new DomainError(CommonErrors.FORBIDDEN);
    case 404:
      return new DomainError(CommonErrors.NOT_FOUND);
    case 413:
      return new DomainError(CommonErrors.PAYLOAD_TOO_LARGE);
    case 415:
      return new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    case 429:
      return new DomainError(CommonErrors.TOO_MANY_REQUESTS);
    case 503:
      return new DomainError(CommonErrors.SERVICE_UNAVAILABLE);
    default:
      return status >= 500
        ? new DomainError(CommonErrors.INTERNAL)
        : new DomainError({
            code: `HTTP_${status}`,
            status,
            title: 'Request failed',
            detail: 'คำขอไม่สำเร็จ',
          });
  }
}

/** body-parser's errors carry `type` and `status`; they never reach Nest as HttpExceptions. */
function fromBodyParser(error: unknown): DomainError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return new DomainError(CommonErrors.PAYLOAD_TOO_LARGE);
    case 'entity.parse.failed':
      return new DomainError(CommonErrors.MALFORMED_BODY);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    default:
      return undefined;
  }
}

/** pg-pool's error when no connection frees up within DATABASE_POOL_WAIT_MS. */
function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

/**
 * PostgreSQL's data exceptions caused by a value a client sent that validation let
 * through (a number past integer range, a malformed uuid or date, text too long, a NULL
 * for a required column). Validation is the first line and should refuse these; this is
 * the second, so a missed case is a 400, never a 500. The caller logs it as a warning.
 */
const CLIENT_VALUE_SQLSTATES = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22021', // character_not_in_repertoire (U+0000 in text)
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character
  '23502', // not_null_violation
]);

function sqlState(error: unknown): unknown {
  return (
    (error as { driverError?: { code?: unknown }; code?: unknown } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code
  );
}

export function isClientValueError(error: unknown): boolean {
  const code = sqlState(error);
  return typeof code === 'string' && CLIENT_VALUE_SQLSTATES.has(code);
}

/**
 * A foreign key the database refused: an id the client sent (a sender unit, a letter) that
 * no row has, which the command did not look up first. Like the data exceptions above, a
 * second line: the client's mistake is a 422, never a 500, and it is logged as a warning.
 */
export function isUnknownReference(error: unknown): boolean {
  return sqlState(error) === '23503';
}

export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const parserError = fromBodyParser(error);
  if (parserError) return parserError;
  if (error instanceof HttpException) return fromHttpStatus(error.getStatus());
  if (isPoolTimeout(error)) return new DomainError(CommonErrors.DATABASE_BUSY);
  if (isClientValueError(error)) return new DomainError(CommonErrors.INVALID_VALUE);
  if (isUnknownReference(error)) return new DomainError(CommonErrors.UNKNOWN_REFERENCE);
  return new DomainError(CommonErrors.INTERNAL);
}

export function toProblem(error: DomainError, request?: Request): Problem {
  let problem: Problem = {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
  };
  if (request) {
    problem.instance = request.originalUrl?.split('?')[0];
    if (typeof request.id === 'string') problem.requestId = request.id;
  }
  if (error.extras.errors?.length) problem.errors = error.extras.errors;
  // Extra members never replace the standard ones: a data key named `status` or `type`
  // would otherwise change the answer's meaning (or its HTTP status).
  if (error.extras.data) problem = { ...error.extras.data, ...problem };
  return problem;
}

export function sendProblem(response: Response, problem: Problem): void {
  response.status(problem.status).setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  response.end(JSON.stringify(problem));
}

/** The one place where errors become HTTP answers (RFC 9457 problem+json). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = toDomainError(exception);
    if (isClientValueError(exception) || isUnknownReference(exception)) {
      logger.warn({ err: exception, reqId: request.id }, 'a value validation let through');
    }
    if (error.status >= 500 && !(exception instanceof DomainError && error.status === 503)) {
      logger.error({ err: exception, reqId: request.id }, 'request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    sendProblem(response, toProblem(error, request));
  }
}
