import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { JobQueue } from 'src/queue/job-queue.js';
import type { ReconcileSource } from 'src/queue/reconcile-source.js';
import { SweepRepository } from 'src/worker/sweep.repository.js';

export type SweepResult =
  | { ran: false; reason: 'locked' | 'slot-done' }
  | { ran: true; slot: string; candidates: number; enqueued: number; promoted: number };

/** Token of the modules' reconcile sources, in the order the sweep asks them. */
export const RECONCILE_SOURCES = Symbol('RECONCILE_SOURCES');

const INTERVAL_NAME = 'escalation.reconcile';

/**
 * The reconcile sweep (invariant 1: Redis only wakes things up). Every interval, in one
 * worker whatever the number of replicas (a transaction-level advisory lock plus one run
 * row per time slot), it asks each module which jobs its rows say should exist (due
 * escalation rungs, unsent outbox rows) and makes sure each has a job: adds the ones
 * Redis lost, promotes those still delayed. It only enqueues; the work is the job.
 */
@Injectable()
export class ReconcileSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker = `${hostname()}:${process.pid}`;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SweepRepository,
    @Inject(RECONCILE_SOURCES) private readonly sources: readonly ReconcileSource[],
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
    this.scheduler.addInterval(INTERVAL_NAME, interval);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.getIntervals().includes(INTERVAL_NAME)) {
      this.scheduler.deleteInterval(INTERVAL_NAME);
    }
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
      const requests = [];
      for (const source of this.sources) {
        requests.push(...(await source.dueJobs(manager, dbNow, this.config.escalationSweepBatch)));
      }
      let enqueued = 0;
      let promoted = 0;
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
}
