import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type ConnectionOptions, DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import {
  type AnyJob,
  JOB_NAMES,
  JOB_QUEUE,
  type JobHandlers,
  type JobName,
  QUEUE_NAMES,
} from 'src/queue/jobs.js';
import { redisOptions } from 'src/queue/redis.js';

/** Token under which the worker module provides the complete handler table. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/**
 * Missing or unknown names in a handler table; start-up stops on any (see
 * src/worker/README.md#handlers).
 */
export function handlerTableProblems(handlers: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    if (typeof handlers[name] !== 'function') problems.push(`job "${name}" has no handler`);
  }
  for (const name of Object.keys(handlers)) {
    if (!(JOB_NAMES as string[]).includes(name)) problems.push(`handler for unknown job "${name}"`);
  }
  return problems;
}

/** The BullMQ workers of this process, one per queue, dispatching by job name. */
@Injectable()
export class JobsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandlers,
  ) {
    const problems = handlerTableProblems(handlers);
    if (problems.length > 0) throw new Error(`Invalid job handler table: ${problems.join('; ')}`);
  }

  onApplicationBootstrap(): void {
    for (const queueName of QUEUE_NAMES) {
      const worker = new Worker(queueName, (job, token) => this.process(job, token), {
        connection: redisOptions(this.config.redisUrl) as ConnectionOptions,
        prefix: this.config.queuePrefix,
        // A reading holds a rendered page in memory: as many as there are OCR engines.
        concurrency:
          queueName === 'reading' ? this.config.readingOcrWorkers : this.config.queueConcurrency,
        lockDuration: this.config.queueLockDurationMs,
        stalledInterval: this.config.queueLockDurationMs,
      });
      worker.on('error', (error: Error) =>
        logger.debug({ err: error.message, queue: queueName }, 'worker connection error'),
      );
      worker.on('failed', (job, error) =>
        logger.warn({ err: error.message, job: job?.id, name: job?.name }, 'job failed'),
      );
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Let active jobs finish; the process's grace period bounds the wait.
    await Promise.all(this.workers.map((worker) => worker.close().catch(() => undefined)));
  }

  private async process(job: Job, token?: string): Promise<string> {
    const name = job.name as JobName;
    if (!(name in JOB_QUEUE) || job.queueName !== JOB_QUEUE[name]) {
      throw new UnrecoverableError(`no handler for job "${job.name}" on ${job.queueName}`);
    }
    // The payload's shape is the job name's: JOB_QUEUE above refused unknown names.
    const typed = { name, data: job.data as AnyJob['data'] };
    const handler = this.handlers[typed.name] as (
      data: AnyJob['data'],
      context: { attempt: number },
    ) => ReturnType<JobHandlers[JobName]>;
    const outcome = await handler(typed.data, { attempt: job.attemptsStarted });
    if ('retryAt' in outcome) {
      // Woken early (clock skew): back to delayed until PostgreSQL says it is due.
      await job.moveToDelayed(Math.max(Date.now(), outcome.retryAt.getTime()), token);
      throw new DelayedError();
    }
    return outcome.done;
  }
}
