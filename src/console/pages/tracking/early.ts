import { api, unwrap } from '../../api/client';
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

interface EarlyRead {
  letterId: string;
  startedAt: number;
  /** The unit asked for, or null when the API chose the caller's own. */
  unitId: string | null;
  answer: Promise<Progress | null>;
}

let early: EarlyRead | null = null;
/** An early read older than this is not shown as current (the console's staleTime). */
const FRESH_MS = 15_000;
const LETTER_PATH = /^\/tracking\/letters\/([0-9a-f-]{36})$/i;

/**
 * Opened straight onto a letter's progress, the page would read it only after the session
 * and /me came back, one after the other. This starts that read as soon as the session is
 * known, beside /me: the unit is the one in the address, else the one chosen earlier in this
 * tab, else the API's default (the caller's own unit). The page takes it if it turns out to
 * be about the unit it shows, and reads again otherwise.
 */
export function startEarlyProgress(
  location: Pick<Location, 'pathname' | 'search'>,
  chosen: string | null,
): void {
  const match = LETTER_PATH.exec(location.pathname);
  if (!match) return;
  const unitId = new URLSearchParams(location.search).get('unit') ?? chosen;
  early = {
    letterId: match[1],
    startedAt: Date.now(),
    unitId,
    // A refused or failed early read is not shown: the page's own read reports it.
    answer: readProgress(match[1], unitId ?? undefined, undefined).catch(() => null),
  };
}

/** The early read of this letter's first page under `unitId`, once; null when there is none. */
export async function takeEarlyProgress(
  letterId: string,
  unitId: string,
): Promise<Progress | null> {
  const read = early;
  if (!read || read.letterId !== letterId || (read.unitId !== null && read.unitId !== unitId))
    return null;
  early = null;
  if (Date.now() - read.startedAt > FRESH_MS) return null;
  const answer = await read.answer;
  return answer?.unit.id === unitId ? answer : null;
}

/** Forgets an early read that was not taken (the session ended: it was someone else's). */
export function dropEarlyProgress(): void {
  early = null;
}
