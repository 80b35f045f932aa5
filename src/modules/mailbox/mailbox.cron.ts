import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { MailboxPoller, type PollResult } from 'src/modules/mailbox/mailbox-poller.js';

const INTERVAL_NAME = 'mailbox.poll';

/**
 * Polls every configured mailbox each MAILBOX_POLL_SECONDS. A sweep, not a job: the IMAP
 * folder is the queue (a message stays there until its draft is committed), so there is
 * nothing for Redis to hold; each mailbox's advisory lock keeps one poller per mailbox
 * whatever the number of workers.
 */
@Injectable()
export class MailboxCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;

  constructor(
    private readonly poller: MailboxPoller,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mailboxes.length === 0) return;
    const interval = setInterval(() => void this.tick(), this.config.mailboxPollSeconds * 1000);
    this.scheduler.addInterval(INTERVAL_NAME, interval);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.getIntervals().includes(INTERVAL_NAME)) {
      this.scheduler.deleteInterval(INTERVAL_NAME);
    }
  }

  /** One round over the mailboxes, one after another; a failing one does not stop the rest. */
  async tick(): Promise<Map<string, PollResult | Error>> {
    const results = new Map<string, PollResult | Error>();
    if (this.running) return results;
    this.running = true;
    try {
      for (const mailbox of this.config.mailboxes) {
        try {
          results.set(mailbox.unitId, await this.poller.poll(mailbox));
        } catch (error) {
          results.set(mailbox.unitId, error as Error);
          logger.warn(
            { unitId: mailbox.unitId, err: (error as Error).message },
            'mailbox poll failed',
          );
        }
      }
    } finally {
      this.running = false;
    }
    return results;
  }
}
