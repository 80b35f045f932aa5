import type { Request, Response } from 'express';
import { DomainError } from 'src/common/domain-error.js';
import { AuthErrors } from 'src/modules/auth/auth.errors.js';
import type { AuthService, TokenPair } from 'src/modules/auth/auth.service.js';

/**
 * The browser's refresh token (the web console). API clients keep the JSON bodies; a
 * browser asks for the cookie instead by sending `X-Saraban-Session: cookie`, and then
 * never sees the refresh token: it lives in an HttpOnly, Secure, SameSite=Strict cookie
 * sent only to the auth endpoints.
 *
 * CSRF: a request authenticated by the cookie alone (refresh, and sign-out without a
 * bearer token) must carry that same custom header, and its Origin, when the browser sends
 * one, must be this server's own. A cross-site form cannot set a custom header, and a
 * cross-origin script would need a CORS preflight this API never grants; SameSite=Strict
 * already keeps the cookie off cross-site requests. Three independent locks.
 */
export const SESSION_MODE_HEADER = 'X-Saraban-Session';
export const SESSION_MODE_COOKIE = 'cookie';
export const REFRESH_COOKIE = 'saraban_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function wantsCookieSession(request: Request): boolean {
  return request.headers[SESSION_MODE_HEADER.toLowerCase()] === SESSION_MODE_COOKIE;
}

export function setRefreshCookie(response: Response, token: string, maxAgeSeconds: number): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    // Browsers accept Secure cookies from http://localhost as well (a secure context).
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}

/** The refresh cookie's value, if the request has one (no cookie-parser needed for one). */
export function readRefreshCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Throws CSRF_CHECK_FAILED unless a cookie-authenticated request carries the custom header
 * and, if it names an Origin, comes from this server's own origin.
 */
export function assertSameOriginCookieRequest(request: Request): void {
  if (!wantsCookieSession(request)) throw new DomainError(AuthErrors.CSRF_CHECK_FAILED);
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const host = request.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new DomainError(AuthErrors.CSRF_CHECK_FAILED);
  }
  if (!host || originHost !== host) throw new DomainError(AuthErrors.CSRF_CHECK_FAILED);
}

/** What a browser gets: the refresh token went into the HttpOnly cookie, not the body. */
export type BrowserTokens = Omit<TokenPair, 'refreshToken'>;

/** Puts a new pair's refresh token into the cookie and answers the rest. */
export function toBrowser(auth: AuthService, pair: TokenPair, response: Response): BrowserTokens {
  const { refreshToken, ...rest } = pair;
  setRefreshCookie(response, refreshToken, auth.refreshTokenTtlSeconds);
  return rest;
}

/**
 * Rotates the browser's session: the refresh cookie (after the CSRF checks) is spent for a
 * new pair, whose refresh token replaces it. A spent or reused cookie is of no further use:
 * on any refusal the browser is told to forget it.
 */
export async function refreshCookieSession(
  auth: AuthService,
  request: Request,
  response: Response,
): Promise<BrowserTokens> {
  assertSameOriginCookieRequest(request);
  const token = readRefreshCookie(request);
  if (token === undefined) throw new DomainError(AuthErrors.REFRESH_TOKEN_INVALID);
  try {
    return toBrowser(auth, await auth.refresh(token), response);
  } catch (error) {
    clearRefreshCookie(response);
    throw error;
  }
}
