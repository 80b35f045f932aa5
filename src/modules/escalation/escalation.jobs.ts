import { Injectable } from '@nestjs/common';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import type { JobHandlers } from 'src/queue/jobs.js';

/**
 * The worker's handler table: one entry per job name (the type makes it exhaustive, and
 * JobsWorker refuses to start when an entry is missing). Handlers are the services' own
 * methods, so a job and a direct call do the same thing.
 */
@Injectable()
export class EscalationProcessor {
  constructor(
    private readonly escalation: EscalationService,
    private readonly notifications: NotificationsService,
  ) {}

  handlers(): JobHandlers {
    return {
      'escalation.level': (data) => this.escalation.escalate(data.deliveryId, data.level),
      'notifications.outbox': (data) => this.notifications.deliverOutbound(data.messageId),
      'notifications.digest': (data) => this.notifications.buildDigests(data.date),
    };
  }
}
