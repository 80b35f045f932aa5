import { api, unwrap } from '../../api/client';
import { earlyBody, takeEarly } from '../../early/take';
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
