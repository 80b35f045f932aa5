import type { EarlyAnswer, EarlyStart } from './types';

/**
 * The inline start script's answers (start.ts), each taken at most once: a second reader
 * asks the API itself. All are dropped when a session ends, so that the next person to sign
 * in at this desk is never shown the last one's.
 */
const early: Partial<EarlyStart> = window.__sarabanEarly ?? {};
delete window.__sarabanEarly;

export function takeEarly<K extends keyof EarlyStart>(key: K): EarlyStart[K] | undefined {
  const value = early[key];
  delete early[key];
  return value;
}

/** Whether the start script's `key` is still there to be taken (it is not taken here). */
export function peekEarly<K extends keyof EarlyStart>(key: K): EarlyStart[K] | undefined {
  return early[key];
}

export function dropEarly(): void {
  delete early.refresh;
  delete early.me;
  delete early.progress;
}

/** The body of an early answer when its status is `status`, else null. */
export async function earlyBody<T>(
  answer: Promise<EarlyAnswer | null> | undefined,
  status = 200,
): Promise<T | null> {
  const got = await answer;
  return got?.status === status ? (got.body as T) : null;
}
