import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import {
  PROGRESS_CHANNEL,
  type ProgressEventRow,
  ProgressEventsRepository,
} from 'src/modules/routing/progress-events.repository.js';

/** How long a hole in the ids is waited for (a transaction that took an id, not yet committed). */
export const GAP_WAIT_MS = 3000;
/** A reader that lost its NOTIFY connection still polls this often. */
const POLL_MS = 5000;
const BATCH = 500;

export interface ProgressSubscriber {
  /** Called for each committed event, in id order, once. */
  onEvent(event: ProgressEventRow): void;
}

/**
 * One per API process: reads the progress-event log in id order and hands each event to
 * the open streams. PostgreSQL wakes it (LISTEN on its own connection; the NOTIFY is sent
 * with the events, on commit); a slow poll covers a lost connection. Ids come from a
 * sequence, so a transaction may commit id 11 before id 10: the reader hands out events
 * only up to the first hole and waits GAP_WAIT_MS for it to fill (then takes it as rolled
 * back). So every stream sees events in id order and a resumed stream (Last-Event-ID)
 * misses none that committed within that wait. Nothing starts until the first stream.
 */
@Injectable()
export class ProgressStream implements OnModuleDestroy {
  private readonly subscribers = new Set<ProgressSubscriber>();
  private watermark = 0;
  private started: Promise<void> | null = null;
  private client: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private gap: { at: number; since: number } | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private closed = false;

  constructor(
    private readonly repository: ProgressEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every event with an id at or below this has been handed out (or given up as a hole). */
  get position(): number {
    return this.watermark;
  }

  async subscribe(subscriber: ProgressSubscriber): Promise<() => void> {
    await this.start();
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      this.watermark = await this.repository.lastId();
      await this.listen();
      this.poll = setInterval(() => this.wake(), POLL_MS);
      this.poll.unref();
    })();
    return this.started;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      logger.warn({ err: error }, 'progress stream: NOTIFY connection lost; reconnecting');
      this.client = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
      this.client = client;
    } catch (error) {
      logger.warn({ err: error }, 'progress stream: cannot LISTEN; polling until it can');
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 2000).unref();
    }
    this.wake();
  }

  /** Reads what committed since the watermark; coalesces wake-ups that arrive meanwhile. */
  wake(): void {
    if (this.closed) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.read()
      .catch((error: unknown) => logger.warn({ err: error }, 'progress stream: read failed'))
      .finally(() => {
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  private async read(): Promise<void> {
    for (;;) {
      const rows = await this.repository.findAfter(this.watermark, BATCH);
      for (const row of rows) {
        if (row.id !== this.watermark + 1) {
          const now = Date.now();
          if (!this.gap || this.gap.at !== this.watermark + 1) {
            this.gap = { at: this.watermark + 1, since: now };
          }
          if (now - this.gap.since < GAP_WAIT_MS) {
            this.scheduleGapCheck(GAP_WAIT_MS - (now - this.gap.since));
            return;
          }
          this.gap = null;
        }
        this.watermark = row.id;
        for (const subscriber of this.subscribers) {
          try {
            subscriber.onEvent(row);
          } catch (error) {
            logger.warn({ err: error }, 'progress stream: a subscriber failed');
          }
        }
      }
      if (rows.length < BATCH) return;
    }
  }

  private scheduleGapCheck(ms: number): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      this.wake();
    }, ms + 10);
    this.gapTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    await this.reading;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
