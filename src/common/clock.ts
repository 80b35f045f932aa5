import { readFileSync } from 'node:fs';

/**
 * The injectable clock. Services ask it for "now" so that tests move time instead of
 * sleeping. Deadlines that must agree across workers come from PostgreSQL instead.
 */
export abstract class Clock {
  abstract now(): Date;

  /**
   * "Now" for comparisons with stored deadlines made in SQL (`COALESCE($n, now())`): null
   * means PostgreSQL's own now(), so replicas with skewed clocks agree on what is due. A
   * clock that tests move returns its own time instead.
   */
  databaseNow(): Date | null {
    return this.now();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  override databaseNow(): null {
    return null;
  }
}

/** A clock that only moves when told to; for tests and simulations. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-15T03:55:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The clock of an api or worker process that a test spawned: system time plus the offset in
 * milliseconds written in a file the test rewrites (missing or empty: no offset). It lets a
 * test move time in another process without sleeping. Configuration enables it only with
 * NODE_ENV=test (`TEST_CLOCK_FILE`), so no production process can be told another time.
 */
export class OffsetFileClock extends Clock {
  constructor(private readonly path: string) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }

  private offsetMs(): number {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8').trim();
    } catch {
      return 0;
    }
    if (text === '') return 0;
    const offset = Number(text);
    if (!Number.isSafeInteger(offset)) {
      throw new Error(`TEST_CLOCK_FILE ${this.path} must hold an offset in milliseconds`);
    }
    return offset;
  }
}

/** The clock a process runs on: the system's, or a test's when configuration names one. */
export function processClock(testClockFile: string | null): Clock {
  return testClockFile ? new OffsetFileClock(testClockFile) : new SystemClock();
}
