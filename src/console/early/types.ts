/**
 * What the page's inline start script (start.ts) asked for before the console's code had
 * arrived: the session refresh, who is signed in, and on a letter's tracking page its first
 * page of progress. The app takes each answer once instead of asking again.
 */
export interface EarlyAnswer {
  status: number;
  body: unknown;
}

export interface EarlyProgressRead {
  letterId: string;
  /** The unit asked for, or null when the API chose the caller's own. */
  unitId: string | null;
  startedAt: number;
  answer: Promise<EarlyAnswer | null>;
}

export interface EarlyStart {
  /** The refresh's answer; null when the server could not be reached. */
  refresh: Promise<EarlyAnswer | null>;
  /** GET /api/v1/me with the refreshed token; null when the refresh failed. */
  me: Promise<EarlyAnswer | null>;
  progress?: EarlyProgressRead;
}

declare global {
  interface Window {
    __sarabanEarly?: EarlyStart;
  }
}
