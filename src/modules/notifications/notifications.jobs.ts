import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import { type JobHandlers, type JobRequest, outboxJobId } from 'src/queue/jobs.js';
import type { ReconcileSource } from 'src/queue/reconcile-source.js';

/** Outbox rows younger than this still have their after-commit job on the way. */
const OUTBOX_GRACE_SECONDS = 60;

/**
 * Notifications' queue work: sending one outbox row, building one day's digests, and the
 * outbox rows the reconcile sweep must find enqueued.
 */
@Injectable()
export class NotificationsJobs implements ReconcileSource {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly repository: NotificationsRepository,
  ) {}

  handlers(): Pick<JobHandlers, 'notifications.outbox' | 'notifications.digest'> {
    return {
      'notifications.outbox': (data) => this.notifications.deliverOutbound(data.messageId),
      'notifications.digest': (data) => this.notifications.buildDigests(data.date),
    };
  }

  /** Unsent outbox rows past the grace period, whose job Redis may have lost. */
  async dueJobs(manager: EntityManager, now: Date | null, limit: number): Promise<JobRequest[]> {
    const pending = await this.repository.findPendingOutbound(
      manager,
      now,
      OUTBOX_GRACE_SECONDS,
      limit,
    );
    return pending.map((messageId) => ({
      name: 'notifications.outbox' as const,
      id: outboxJobId(messageId),
      data: { messageId },
    }));
  }
}
