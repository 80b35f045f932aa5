import type { EarlyAnswer, EarlyStart } from './types';

/**
 * The inline start script's answers (start.ts), each taken at most once: a second reader
 * asks the API itself. All are dropped when a session ends, so that the next person to sign
 * in at this desk is never shown the last one's.
 */
const early: Partial<EarlyStart> = window.__sarabanEarly ?? {};
delete window.__sarabanEarly;

/** The longest the shell's own reads wait behind the page's early read (pageReadFirst). */
const PAGE_FIRST_MAX_MS = 3_000;
const pageRead = early.progress?.answer;
const pageReadSettled: Promise<void> = pageRead
  ? Promise.race([
      pageRead.then(
        () => undefined,
        () => undefined,
      ),
      new Promise<void>((resolve) => setTimeout(resolve, PAGE_FIRST_MAX_MS)),
    ])
  : Promise.resolve();

/**
 * Settles once the page's own early read (a letter's progress, early/start.ts) has been
 * answered, at once when there is none, and in any case within PAGE_FIRST_MAX_MS. The
 * shell's reads that nothing on screen waits for (the unread count, the unit's registers)
 * wait for it: sent beside it, they share the server with the read the page is waiting for.
 */
export function pageReadFirst(): Promise<void> {
  return pageReadSettled;
}

export function takeEarly<K extends keyof EarlyStart>(key: K): EarlyStart[K] | undefined {
  const value = early[key];
  delete early[key];
  return value;
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
