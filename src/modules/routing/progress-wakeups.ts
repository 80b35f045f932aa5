import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { REDIS } from 'src/common/core.module.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';

/** The Redis channel on which the progress readers of every process are woken. */
export function progressWakeupChannel(queuePrefix: string): string {
  return `${queuePrefix}:progress-events`;
}

/** Key in a query runner's `data`: its transaction appended progress events. */
const APPENDED = 'progressEventsAppended';

/**
 * Wakes the progress readers (ProgressStream, in every API process) once a transaction
 * that appended progress events has committed: a Redis PUBLISH after COMMIT. It only
 * wakes them; they read the events from PostgreSQL by id, and poll besides, so a lost
 * wake-up delays an event, never loses it (invariant 1).
 *
 * Not a NOTIFY inside the transaction: PostgreSQL serialises the commits of every
 * notifying transaction on one lock for the whole database, so every registration and
 * forward in the country would queue behind each other's COMMIT (no lock is global).
 *
 * Attaches itself to the DataSource as a subscriber of its transactions' commits;
 * `markProgressAppended` flags a transaction (or, outside one, wakes at once).
 */
@Injectable()
export class ProgressWakeups implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly channel: string;
  /** A PUBLISH is due at the end of this turn of the event loop, for every commit before it. */
  private due = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'queuePrefix'>,
  ) {
    this.channel = progressWakeupChannel(config.queuePrefix);
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    // A released savepoint also "commits": wake only when the whole transaction has.
    if (!data[APPENDED] || event.queryRunner.isTransactionActive) return;
    delete data[APPENDED];
    this.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      delete (event.queryRunner.data as Record<string, unknown>)[APPENDED];
    }
  }

  /**
   * Publishes a wake-up once the current turn of the event loop ends: the commits that
   * finish in one turn share it (one write to Redis). Never throws, never waits for Redis.
   */
  wake(): void {
    if (this.due) return;
    this.due = true;
    setImmediate(() => {
      this.due = false;
      void this.publish();
    });
  }

  private async publish(): Promise<void> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      await this.redis.publish(this.channel, '');
    } catch (error) {
      // The readers' poll delivers the events a little later.
      logger.debug({ err: error }, 'progress wake-up not published');
    }
  }

  onModuleDestroy(): void {
    const at = this.dataSource.subscribers.indexOf(this);
    if (at >= 0) this.dataSource.subscribers.splice(at, 1);
  }
}

/**
 * Called by whatever appends progress events on `manager`: inside a transaction, its
 * readers are woken after it commits (and not at all if it rolls back); outside one, the
 * statement has committed, so they are woken now.
 */
export function markProgressAppended(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    (runner.data as Record<string, unknown>)[APPENDED] = true;
    return;
  }
  for (const subscriber of manager.connection.subscribers) {
    if (subscriber instanceof ProgressWakeups) subscriber.wake();
  }
}
