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
