import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import type { JobHandlers, JobRequest } from 'src/queue/jobs.js';
import type { ReconcileSource } from 'src/queue/reconcile-source.js';

/**
 * Escalation's queue work: the handler of a rung's wake-up (the service's own method, so a
 * job and a direct call do the same thing) and the rungs the reconcile sweep must find
 * enqueued.
 */
@Injectable()
export class EscalationJobs implements ReconcileSource {
  constructor(
    private readonly escalation: EscalationService,
    private readonly repository: EscalationRepository,
  ) {}

  handlers(): Pick<JobHandlers, 'escalation.level'> {
    return {
      'escalation.level': (data) => this.escalation.escalate(data.deliveryId, data.level),
    };
  }

  /**
   * Rungs due and not recorded, asked of PostgreSQL, and the rung of each halted ladder that
   * someone may act on again (its job resumes it).
   */
  async dueJobs(manager: EntityManager, now: Date | null, limit: number): Promise<JobRequest[]> {
    const due = await this.repository.findDueRungs(manager, now, limit);
    return [
      ...due.map((rung) =>
        this.escalation.rungJob(rung.deliveryId, rung.level, new Date(rung.dueAt)),
      ),
      ...(await this.escalation.resumableJobs(manager, now, limit)),
    ];
  }
}
