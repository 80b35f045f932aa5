import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { earlyBody, peekEarly, takeEarly } from '../../early/take';
import type { Progress } from './types';

/** The progress page's page size: the early read and the page's own reads must agree. */
export const PROGRESS_PAGE_SIZE = 50;

/** One page of a letter's progress under a unit (the caller's own unit when `unitId` is absent). */
export function readProgress(
  letterId: string,
  unitId: string | undefined,
  cursor: string | undefined,
): Promise<Progress> {
  return unwrap(
    api.GET('/api/v1/letters/{id}/progress', {
      params: { path: { id: letterId }, query: { unitId, cursor, limit: PROGRESS_PAGE_SIZE } },
    }),
  );
}

/** An early read older than this is not shown as current (the console's staleTime). */
const FRESH_MS = 15_000;

/** The letter tracking page's query of a letter's progress under a unit (its first pages). */
export function progressQueryKey(letterId: string, unitId: string) {
  return ['progress', letterId, unitId] as const;
}

/**
 * The start script's read of this letter's progress, put into `queryClient` as soon as it
 * is answered, under the unit the API answered for: the page, once rendered for that unit,
 * draws the roll-up at once instead of asking the cache, waiting a render and drawing it
 * then. Left to the page when it has taken the read itself already, and when the answer is
 * a refusal, stale, or not about the unit asked for. The server answered it for this
 * session and its user; it is dropped with the rest of the cache when the session ends.
 */
export function seedEarlyProgress(queryClient: QueryClient): void {
  const read = peekEarly('progress');
  if (!read) return;
  void earlyBody<Progress>(read.answer).then((answer) => {
    // Taken by the page meanwhile, or dropped with a session that ended.
    if (peekEarly('progress') !== read || !answer) return;
    if (Date.now() - read.startedAt > FRESH_MS) return;
    if (read.unitId !== null && answer.unit.id !== read.unitId) return;
    takeEarly('progress');
    queryClient.setQueryData(progressQueryKey(read.letterId, answer.unit.id), {
      pages: [answer],
      pageParams: [undefined],
    });
  });
}

/**
 * The first page of this letter's progress under `unitId` as the page's inline start script
 * read it (early/start.ts: the unit in the address, else the one chosen earlier in this tab,
 * else the API's default, the caller's own unit), once; null when there is none or it was
 * about another unit, and the page reads it itself.
 */
export async function takeEarlyProgress(
  letterId: string,
  unitId: string,
): Promise<Progress | null> {
  const read = takeEarly('progress');
  if (!read || read.letterId !== letterId || (read.unitId !== null && read.unitId !== unitId))
    return null;
  if (Date.now() - read.startedAt > FRESH_MS) return null;
  // A refused or failed early read is not shown: the page's own read reports it.
  const answer = await earlyBody<Progress>(read.answer);
  return answer?.unit.id === unitId ? answer : null;
}
