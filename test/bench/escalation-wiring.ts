import type { FilesJobs } from 'src/modules/files/files.jobs.js';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { DataSource } from 'typeorm';
import type { Clock } from 'src/common/clock.js';
import type { AppConfig } from 'src/config/config.js';
import { benchAuditService } from './bench-db.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { NotificationsJobs } from 'src/modules/notifications/notifications.jobs.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import { EmailChannel, WebhookChannel } from 'src/modules/notifications/outbound.channel.js';
import { DeliveryLadderRepository } from 'src/modules/routing/delivery-ladder.repository.js';
import { ProgressEventsRepository } from 'src/modules/routing/progress-events.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { JobsWorker } from 'src/worker/jobs.worker.js';
import { jobHandlerTable, reconcileSources } from 'src/worker/worker.module.js';
import { SweepRepository } from 'src/worker/sweep.repository.js';

/**
 * The escalation services as the worker module wires them, built by hand: the bench runs
 * under tsx, which emits no decorator metadata for Nest's injector. Same classes, same
 * code paths as `node dist/worker.js`.
 */
export interface EscalationWiring {
  jobs: JobQueue;
  repository: EscalationRepository;
  escalation: EscalationService;
  sweep: ReconcileSweep;
  /** Starts this process's BullMQ workers (the worker process's JobsWorker). */
  startWorkers: () => JobsWorker;
  /** Closes the workers and the queue; free of `this`, so it may be taken off the wiring. */
  close: () => Promise<void>;
}

export async function wireEscalation(
  dataSource: DataSource,
  config: AppConfig,
  clock: Clock,
): Promise<EscalationWiring> {
  const jobs = new JobQueue(config);
  await jobs.onModuleInit();
  const audit = benchAuditService(dataSource, clock);
  const access = new AccessService(new AuthRepository(dataSource));
  const notificationsRepository = new NotificationsRepository(dataSource);
  const notifications = new NotificationsService(
    dataSource,
    notificationsRepository,
    access,
    audit,
    clock,
    new EmailChannel(config),
    new WebhookChannel(config),
    jobs,
  );
  const repository = new EscalationRepository(dataSource);
  const escalation = new EscalationService(
    dataSource,
    repository,
    notifications,
    access,
    audit,
    jobs,
    new ProgressEventsRepository(dataSource),
    new DeliveryLadderRepository(),
    clock,
    config,
  );
  const escalationJobs = new EscalationJobs(escalation, repository);
  const notificationsJobs = new NotificationsJobs(notifications, notificationsRepository);
  // Reading is not part of the escalation benches: no file is uploaded, so it has no work.
  const filesJobs = {
    handlers: () => ({ 'files.read': () => Promise.resolve({ done: 'not benched' }) }),
    dueJobs: () => Promise.resolve([]),
  } as unknown as FilesJobs;
  const sweep = new ReconcileSweep(
    dataSource,
    new SweepRepository(),
    reconcileSources(escalationJobs, notificationsJobs, filesJobs),
    jobs,
    new SchedulerRegistry(),
    clock,
    config,
  );
  const workers: JobsWorker[] = [];
  return {
    jobs,
    repository,
    escalation,
    sweep,
    startWorkers() {
      const worker = new JobsWorker(
        config,
        jobHandlerTable(escalationJobs, notificationsJobs, filesJobs),
      );
      worker.onApplicationBootstrap();
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.onApplicationShutdown();
      await jobs.onApplicationShutdown();
    },
  };
}
