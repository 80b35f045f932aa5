import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReadingRepository } from 'src/modules/files/reading.repository.js';
import { ReadingService, readingJob } from 'src/modules/files/reading.service.js';
import type { JobHandlers, JobRequest } from 'src/queue/jobs.js';
import type { ReconcileSource } from 'src/queue/reconcile-source.js';

/** Readings younger than this still have their after-commit job on the way. */
const READING_GRACE_SECONDS = 60;

/**
 * The files module's queue work: reading a stored PDF's text, and the unfinished readings
 * the reconcile sweep must find enqueued (Redis lost the job, or a worker died mid-read).
 */
@Injectable()
export class FilesJobs implements ReconcileSource {
  constructor(
    private readonly reading: ReadingService,
    private readonly repository: ReadingRepository,
  ) {}

  handlers(): Pick<JobHandlers, 'files.read'> {
    return {
      'files.read': (data, context) =>
        this.reading.runJob(data.fileId, data.generation, context.attempt),
    };
  }

  /** Queued or running readings past the grace period, whose job Redis may have lost. */
  async dueJobs(manager: EntityManager, now: Date | null, limit: number): Promise<JobRequest[]> {
    const unfinished = await this.repository.findUnfinished(
      manager,
      now,
      READING_GRACE_SECONDS,
      limit,
    );
    return unfinished.map((row) => readingJob(row.fileId, row.generation));
  }
}
