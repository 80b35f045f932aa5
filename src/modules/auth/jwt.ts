import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact JWS with the algorithm pinned to HS256 (RFC 7515/7519), on node:crypto only.
 * The verifier never reads the algorithm from the token to choose a key or a function:
 * any header whose `alg` is not exactly HS256 (including `none`) is refused, as is any
 * `typ` other than the one the caller expects (access and refresh tokens cannot stand
 * in for each other even if a secret were shared).
 */

export type TokenType = 'at+jwt' | 'rt+jwt';

export interface JwtClaims {
  sub: string;
  iat: number;
  exp: number;
  jti?: string;
  /** Session (refresh-token family) id. */
  sid?: string;
}

export type JwtFailure =
  | 'malformed'
  | 'bad_header'
  | 'alg_not_allowed'
  | 'typ_mismatch'
  | 'bad_signature'
  | 'bad_claims'
  | 'expired'
  | 'issued_in_future';

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure };

/** Clock skew tolerated between replicas for `iat`. */
const IAT_LEEWAY_SECONDS = 30;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function hmac(signingInput: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signingInput, 'ascii').digest();
}

function parseSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function signJwt(claims: JwtClaims, secret: string, typ: TokenType): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ }));
  const payload = base64url(JSON.stringify(claims));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${base64url(hmac(signingInput, secret))}`;
}

export function verifyJwt(
  token: string,
  secret: string,
  typ: TokenType,
  nowSeconds: number,
): JwtResult {
  if (token.length > 4096) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    return { ok: false, reason: 'malformed' };
  }
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = parseSegment(headerPart);
  if (!isRecord(header)) return { ok: false, reason: 'bad_header' };
  if (header.alg !== 'HS256') return { ok: false, reason: 'alg_not_allowed' };
  if (header.typ !== typ) return { ok: false, reason: 'typ_mismatch' };
  // Extensions we do not understand must make the token invalid (RFC 7515 §4.1.11).
  if ('crit' in header || 'jku' in header || 'jwk' in header || 'x5u' in header) {
    return { ok: false, reason: 'bad_header' };
  }

  const expected = hmac(`${headerPart}.${payloadPart}`, secret);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }

  const payload = parseSegment(payloadPart);
  if (
    !isRecord(payload) ||
    typeof payload.sub !== 'string' ||
    !Number.isInteger(payload.iat) ||
    !Number.isInteger(payload.exp) ||
    (payload.jti !== undefined && typeof payload.jti !== 'string') ||
    (payload.sid !== undefined && typeof payload.sid !== 'string')
  ) {
    return { ok: false, reason: 'bad_claims' };
  }
  const claims = payload as unknown as JwtClaims;
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  if (claims.iat > nowSeconds + IAT_LEEWAY_SECONDS)
    return { ok: false, reason: 'issued_in_future' };
  return { ok: true, claims };
}
