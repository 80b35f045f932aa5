import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type ConnectionOptions, type JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { JOB_QUEUE, type JobRequest, QUEUE_NAMES, type QueueName } from 'src/queue/jobs.js';
import { redisOptions } from 'src/queue/redis.js';

/** Where a job stands in Redis; `missing` when Redis has no job under that id. */
export type JobStanding =
  'missing' | 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'other';

/**
 * Producer side of the queues. Redis only wakes things up (invariant 1): every job
 * stands for a committed row, has a deterministic id, and the reconcile sweep re-creates
 * any job Redis lost. Enqueues fail fast while Redis is away instead of queueing in memory.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const connection = {
      ...redisOptions(config.redisUrl),
      // Fail fast: a request must not wait for Redis (the sweep restores what is lost).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    } as ConnectionOptions;
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix: config.queuePrefix });
        queue.on('error', (error: Error) =>
          logger.debug({ err: error.message, queue: name }, 'queue connection error'),
        );
        return [name, queue];
      }),
    );
  }

  async onModuleInit(): Promise<void> {
    // Wait briefly for the connection so the first enqueue after start-up is not refused.
    await Promise.all(
      [...this.queues.values()].map((queue) =>
        withTimeout(queue.waitUntilReady(), 2000).catch(() => undefined),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  /** Adds jobs (grouped per queue, in bulk); throws when Redis refuses. */
  async add(requests: readonly JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const request of requests) {
      const name = JOB_QUEUE[request.name];
      byQueue.set(name, [...(byQueue.get(name) ?? []), request]);
    }
    for (const [name, group] of byQueue) {
      for (let i = 0; i < group.length; i += 1000) {
        await this.queue(name).addBulk(
          group.slice(i, i + 1000).map((request) => ({
            name: request.name,
            data: request.data,
            opts: jobOptions(request),
          })),
        );
      }
    }
  }

  /**
   * Enqueue after a commit: never throws and never waits longer than
   * QUEUE_ENQUEUE_TIMEOUT_MS. A refused or slow enqueue is logged; the committed rows
   * stay, and the reconcile sweep enqueues them (invariant 1). Returns whether it worked.
   */
  async addAfterCommit(requests: readonly JobRequest[]): Promise<boolean> {
    if (requests.length === 0) return true;
    try {
      await withTimeout(this.add(requests), this.config.queueEnqueueTimeoutMs);
      return true;
    } catch (error) {
      logger.warn(
        { err: (error as Error).message, jobs: requests.length, first: requests[0].id },
        'enqueue after commit failed; the reconcile sweep will restore the jobs',
      );
      return false;
    }
  }

  /**
   * Makes sure a due job will run: adds it when Redis lost it, promotes it when it is
   * still waiting for a delay (a worker clock behind PostgreSQL's, or a clock moved in a
   * test), retries it when it failed for good. Returns what was done.
   */
  async ensureDue(request: JobRequest): Promise<'added' | 'promoted' | 'retried' | 'present'> {
    const queue = this.queue(JOB_QUEUE[request.name]);
    const job = await queue.getJob(request.id);
    if (!job) {
      await this.add([{ ...request, delayMs: 0 }]);
      return 'added';
    }
    const state = await job.getState();
    try {
      if (state === 'delayed') {
        await job.promote();
        return 'promoted';
      }
      if (state === 'failed') {
        await job.retry('failed');
        return 'retried';
      }
      if (state === 'completed') {
        // Kept by a removeOnComplete age: a re-add would be ignored, so replace it.
        await job.remove();
        await this.add([{ ...request, delayMs: 0 }]);
        return 'added';
      }
    } catch (error) {
      // It moved on between the two reads (ran, completed); the next sweep looks again.
      logger.debug({ err: (error as Error).message, id: request.id }, 'job moved while ensuring');
    }
    return 'present';
  }

  async standing(name: QueueName, id: string): Promise<JobStanding> {
    const job = await this.queue(name).getJob(id);
    if (!job) return 'missing';
    const state = await job.getState();
    return ['waiting', 'delayed', 'active', 'completed', 'failed'].includes(state)
      ? (state as JobStanding)
      : 'other';
  }
}

function jobOptions(request: JobRequest): JobsOptions {
  const base: JobsOptions = {
    jobId: request.id,
    delay: Math.max(0, Math.round(request.delayMs ?? 0)),
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    // Removed when done, so the same id can be enqueued again later (BullMQ silently ignores
    // a job id it still keeps as completed); PostgreSQL holds what happened.
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  };
  if (request.name === 'notifications.digest') {
    // Kept a day and a half: a second tick of the same day re-adds the id and is ignored.
    base.removeOnComplete = { age: 36 * 3600 };
  }
  return base;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
