import { dropEarly, takeEarly } from '../early/take';
import type { EarlyAnswer } from '../early/types';

/**
 * The browser session. The access token lives in this module's memory only (never in
 * storage); the refresh token is an HttpOnly cookie the page cannot read, sent by the
 * browser to /api/v1/auth only. Refreshes are single-flight and run a minute before the
 * access token expires, so a clerk at work never sees a sign-in page mid-task.
 */
const SESSION_HEADERS = { 'X-Saraban-Session': 'cookie', 'Content-Type': 'application/json' };

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

interface State {
  status: SessionStatus;
  accessToken: string | null;
  /** Why the session ended, shown on the sign-in page. */
  notice: string | null;
}

let state: State = { status: 'unknown', accessToken: null, notice: null };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

function set(next: Partial<State>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function snapshot(): State {
  return state;
}

export function accessToken(): string | null {
  return state.accessToken;
}

interface Tokens {
  accessToken: string;
  expiresIn: number;
}

function accept(tokens: Tokens): void {
  clearTimeout(refreshTimer);
  // Silent refresh a minute before expiry (or half-way for very short tokens).
  const lead = Math.min(60, tokens.expiresIn / 2);
  refreshTimer = setTimeout(() => void refresh(), (tokens.expiresIn - lead) * 1000);
  set({ status: 'signed-in', accessToken: tokens.accessToken, notice: null });
}

export class SignInError extends Error {
  constructor(
    readonly detail: string,
    readonly status: number,
  ) {
    super(detail);
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: SESSION_HEADERS,
    credentials: 'same-origin',
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new SignInError(problem.detail ?? 'เข้าสู่ระบบไม่สำเร็จ', response.status);
  }
  accept((await response.json()) as Tokens);
}

async function sendRefresh(): Promise<EarlyAnswer> {
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: SESSION_HEADERS,
    credentials: 'same-origin',
    body: '{}',
  });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

/** One refresh at a time; resolves false (and signs out) when the cookie no longer works. */
export function refresh(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      // The page's first refresh was sent by the inline start script; a refresh token is
      // used once, so its answer is taken rather than asked for again.
      const answer = (await takeEarly('refresh')) ?? (await sendRefresh());
      if (answer.status !== 200) {
        endSession(state.status === 'signed-in' ? 'หมดเวลาการเข้าสู่ระบบ กรุณาเข้าสู่ระบบอีกครั้ง' : null);
        return false;
      }
      accept(answer.body as Tokens);
      return true;
    } catch {
      // Offline: keep the page as it is; the next request tries again.
      if (state.status === 'unknown') set({ status: 'signed-out' });
      return false;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

function endSession(notice: string | null): void {
  clearTimeout(refreshTimer);
  // What was read early belonged to this session.
  dropEarly();
  set({ status: 'signed-out', accessToken: null, notice });
}

/** Signing out revokes the session on the server (every refresh token of it). */
export async function signOut(): Promise<void> {
  const token = state.accessToken;
  if (token) {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { ...SESSION_HEADERS, Authorization: `Bearer ${token}` },
      credentials: 'same-origin',
    }).catch(() => undefined);
  }
  endSession(null);
}

/**
 * fetch with the bearer token. A 401 refreshes once and retries once; if that fails too the
 * session ends, and the sign-in page brings the clerk back to the page they were on.
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const first = await fetch(withToken(input));
  if (first.status !== 401) return first;
  if (!(await refresh())) return first;
  return fetch(withToken(retry));
}

function withToken(request: Request): Request {
  const token = state.accessToken;
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}
