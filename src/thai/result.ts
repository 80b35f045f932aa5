/**
 * Parsers in the Thai core return a result instead of throwing: bad input from a clerk
 * or a scanner is expected, and the caller decides how to show the reason.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** A rejection with a stable code a caller can switch on and a Thai message to show. */
export interface ParseError<C extends string> {
  code: C;
  message: string;
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(
  code: C,
  message: string,
): { ok: false; error: ParseError<C> } {
  return { ok: false, error: { code, message } };
}
