import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import {
  type ProgressEventRow,
  ProgressEventsRepository,
} from 'src/modules/routing/progress-events.repository.js';
import { progressWakeupChannel } from 'src/modules/routing/progress-wakeups.js';
import { redisOptions } from 'src/queue/redis.js';

/** How long a hole in the ids is waited for (a transaction that took an id, not yet committed). */
export const GAP_WAIT_MS = 3000;
/** A reader polls this often besides its wake-ups (a wake-up lost with Redis away). */
const POLL_MS = 5000;
const BATCH = 500;

export interface ProgressSubscriber {
  /** Called for each committed event, in id order, once. */
  onEvent(event: ProgressEventRow): void;
}

/**
 * One per API process: reads the progress-event log in id order and hands each event to
 * the open streams. A Redis message wakes it (ProgressWakeups publishes one after each commit
 * that appended events; it subscribes on its own connection, and reads again whenever that
 * connection is back); a slow poll covers wake-ups lost while Redis was away. Ids come from a
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
  private subscriber: Redis | null = null;
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
      this.listen();
      this.poll = setInterval(() => this.wake(), POLL_MS);
      this.poll.unref();
    })();
    return this.started;
  }

  private listen(): void {
    if (this.closed) return;
    // Keeps reconnecting by itself (and subscribes again); every "ready" reads, since
    // wake-ups published while it was away are gone.
    const subscriber = new Redis({ ...redisOptions(this.config.redisUrl), lazyConnect: true });
    subscriber.on('message', () => this.wake());
    subscriber.on('ready', () => this.wake());
    subscriber.on('error', (error: Error) =>
      logger.debug({ err: error.message }, 'progress stream: Redis connection error'),
    );
    this.subscriber = subscriber;
    // Not awaited: with Redis away the streams start at once, on the poll.
    subscriber
      .subscribe(progressWakeupChannel(this.config.queuePrefix))
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'progress stream: cannot subscribe; polling until it can'),
      );
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
    const subscriber = this.subscriber;
    this.subscriber = null;
    subscriber?.disconnect();
  }
}
