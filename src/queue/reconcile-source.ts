import type { EntityManager } from 'typeorm';
import type { JobRequest } from 'src/queue/jobs.js';

/**
 * A module's answer to the reconcile sweep (invariant 1: Redis only wakes things up):
 * the jobs its committed rows say should exist now. The sweep makes sure each one does.
 */
export interface ReconcileSource {
  dueJobs(manager: EntityManager, now: Date | null, limit: number): Promise<JobRequest[]>;
}
