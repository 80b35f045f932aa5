import { DomainError, type ErrorSpec } from 'src/common/domain-error.js';

/**
 * Opaque page cursors: the sort key of the last row of a page, as JSON in base64url. A
 * cursor a client altered or invented answers the module's own 400, never a 500.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * The value of a cursor, or the module's error when it is not one this list wrote:
 * `read` returns the sort key or null for a value of the wrong shape.
 */
export function decodeCursor<T>(
  cursor: string,
  invalid: ErrorSpec & { code: string },
  read: (value: unknown) => T | null,
): T {
  let result: T | null = null;
  try {
    result = read(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown);
  } catch {
    // not base64url JSON: the error below
  }
  if (result === null) throw new DomainError(invalid);
  return result;
}

const UUID = /^[0-9a-f-]{36}$/;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
export const isInstant = (v: unknown): v is string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** A `[createdAt, id]` cursor, the key of lists newest first. */
export function readCreatedAtCursor(value: unknown): { createdAt: string; id: string } | null {
  return Array.isArray(value) && isInstant(value[0]) && isUuid(value[1])
    ? { createdAt: value[0], id: value[1] }
    : null;
}
