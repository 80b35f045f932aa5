import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { digestJobId, outboxJobId } from 'src/queue/jobs.js';

export type SweepResult =
  | { ran: false; reason: 'locked' | 'slot-done' }
  | { ran: true; slot: string; candidates: number; enqueued: number; promoted: number };

/** Outbox rows younger than this still have their after-commit job on the way. */
const OUTBOX_GRACE_SECONDS = 60;

/**
 * The reconcile sweep (invariant 1: Redis only wakes things up). Every interval, in one
 * worker whatever the number of replicas (a transaction-level advisory lock plus one run
 * row per time slot), it asks PostgreSQL which rungs are due and not recorded, and makes
 * sure each has a job: adds the ones Redis lost, promotes those still delayed. It only
 * enqueues; the escalation itself is the job. Also the daily digest tick.
 */
@Injectable()
export class ReconcileSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker = `${hostname()}:${process.pid}`;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EscalationRepository,
    private readonly outbox: NotificationsRepository,
    private readonly escalation: EscalationService,
    private readonly jobs: JobQueue,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.run()
        .catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, 'reconcile sweep failed'),
        )
        .finally(() => (this.running = false));
    }, this.config.escalationSweepIntervalSeconds * 1000);
    this.scheduler.addInterval('escalation.reconcile', interval);
    const [hour, minute] = this.config.digestTime.split(':');
    const digest = CronJob.from({
      cronTime: `0 ${Number(minute)} ${Number(hour)} * * *`,
      timeZone: 'Asia/Bangkok',
      start: true,
      onTick: () => {
        this.digestTick().catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, 'digest tick failed'),
        );
      },
    });
    this.scheduler.addCronJob('notifications.digest', digest);
  }

  onApplicationShutdown(): void {
    for (const name of this.scheduler.getIntervals()) this.scheduler.deleteInterval(name);
    for (const name of this.scheduler.getCronJobs().keys()) this.scheduler.deleteCronJob(name);
  }

  /** One sweep; returns what it did (tests and the bench call it directly). */
  async run(): Promise<SweepResult> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.tryLockSweep(manager))) return { ran: false, reason: 'locked' };
      const dbNow = this.clock.databaseNow();
      const slot = await this.repository.claimSweepSlot(
        manager,
        this.config.escalationSweepIntervalSeconds,
        this.worker,
        dbNow,
      );
      if (slot === null) return { ran: false, reason: 'slot-done' };
      const due = await this.repository.findDueRungs(
        manager,
        dbNow,
        this.config.escalationSweepBatch,
      );
      const pendingOutbox = await this.outbox.findPendingOutbound(
        manager,
        dbNow,
        OUTBOX_GRACE_SECONDS,
        this.config.escalationSweepBatch,
      );
      let enqueued = 0;
      let promoted = 0;
      const requests = [
        ...due.map((rung) =>
          this.escalation.rungJob(rung.deliveryId, rung.level, new Date(rung.dueAt)),
        ),
        ...pendingOutbox.map((messageId) => ({
          name: 'notifications.outbox' as const,
          id: outboxJobId(messageId),
          data: { messageId },
        })),
      ];
      // Checked a hundred at a time: the commands of one batch share the connection.
      for (let i = 0; i < requests.length; i += 100) {
        const outcomes = await Promise.all(
          requests.slice(i, i + 100).map((request) =>
            this.jobs.ensureDue({ ...request, delayMs: 0 }).catch((error: unknown) => {
              logger.debug({ err: (error as Error).message, id: request.id }, 'ensure failed');
              return 'error' as const;
            }),
          ),
        );
        enqueued += outcomes.filter((o) => o === 'added' || o === 'retried').length;
        promoted += outcomes.filter((o) => o === 'promoted').length;
      }
      const counts = { candidates: requests.length, enqueued, promoted };
      await this.repository.finishSweepRun(manager, slot, counts);
      if (enqueued + promoted > 0)
        logger.info({ slot, ...counts }, 'reconcile sweep restored jobs');
      return { ran: true, slot, ...counts };
    });
  }

  /** The digest of today, on working days only; one job per day whatever the replicas. */
  async digestTick(): Promise<boolean> {
    const now = this.clock.now();
    const date = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    if (!(await this.escalation.calendar()).isWorkingDay(date)) return false;
    return this.jobs.addAfterCommit([
      { name: 'notifications.digest', id: digestJobId(date), data: { date } },
    ]);
  }
}
