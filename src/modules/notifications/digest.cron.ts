import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Clock } from 'src/common/clock.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { WORKING_DAYS, type WorkingDays } from 'src/modules/notifications/working-days.port.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { digestJobId } from 'src/queue/jobs.js';

const CRON_NAME = 'notifications.digest';

/**
 * The daily digest tick (DIGEST_TIME, Bangkok): enqueues the day's digest job on working
 * days. The job id is the date, so any number of worker replicas make one job a day.
 */
@Injectable()
export class DigestCron implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly jobs: JobQueue,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
    @Inject(WORKING_DAYS) private readonly workingDays: WorkingDays,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const [hour, minute] = this.config.digestTime.split(':');
    const digest = CronJob.from({
      cronTime: `0 ${Number(minute)} ${Number(hour)} * * *`,
      timeZone: 'Asia/Bangkok',
      start: true,
      onTick: () => {
        this.tick().catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, 'digest tick failed'),
        );
      },
    });
    this.scheduler.addCronJob(CRON_NAME, digest);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.getCronJobs().has(CRON_NAME)) this.scheduler.deleteCronJob(CRON_NAME);
  }

  /** The digest of today, on working days only; one job per day whatever the replicas. */
  async tick(): Promise<boolean> {
    const now = this.clock.now();
    const date = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (!(await this.workingDays.isWorkingDay(date))) return false;
    return this.jobs.addAfterCommit([
      { name: 'notifications.digest', id: digestJobId(date), data: { date } },
    ]);
  }
}
