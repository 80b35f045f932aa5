import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuditCheckpointCron } from 'src/modules/audit/audit-checkpoint.cron.js';
import { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import { EscalationModule } from 'src/modules/escalation/escalation.module.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { FilesJobs } from 'src/modules/files/files.jobs.js';
import { FilesModule } from 'src/modules/files/files.module.js';
import { MailboxCron } from 'src/modules/mailbox/mailbox.cron.js';
import { MailboxModule } from 'src/modules/mailbox/mailbox.module.js';
import { DigestCron } from 'src/modules/notifications/digest.cron.js';
import { NotificationsJobs } from 'src/modules/notifications/notifications.jobs.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { WORKING_DAYS, type WorkingDays } from 'src/modules/notifications/working-days.port.js';
import type { JobHandlers } from 'src/queue/jobs.js';
import type { ReconcileSource } from 'src/queue/reconcile-source.js';
import { JOB_HANDLERS, JobsWorker } from 'src/worker/jobs.worker.js';
import { RECONCILE_SOURCES, ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { SweepRepository } from 'src/worker/sweep.repository.js';

/**
 * The handler table of every job, gathered from the modules that own them. The return
 * type makes it complete at compile time; JobsWorker checks it again at start-up.
 */
export function jobHandlerTable(
  escalation: EscalationJobs,
  notifications: NotificationsJobs,
  files: FilesJobs,
): JobHandlers {
  return { ...escalation.handlers(), ...notifications.handlers(), ...files.handlers() };
}

/**
 * What the reconcile sweep asks, in order: due escalation rungs, unsent outbox rows, then
 * unfinished readings.
 */
export function reconcileSources(
  escalation: EscalationJobs,
  notifications: NotificationsJobs,
  files: FilesJobs,
): ReconcileSource[] {
  return [escalation, notifications, files];
}

/**
 * The worker: BullMQ processors dispatching to the modules' job handlers, and the
 * scheduled work (reconcile sweep, daily digest, signed audit checkpoint, mailbox polls). Only the worker process (or a
 * single-machine process) loads it; the api only enqueues.
 */
@Module({
  imports: [AuditModule, EscalationModule, NotificationsModule, FilesModule, MailboxModule],
  providers: [
    {
      provide: JOB_HANDLERS,
      useFactory: jobHandlerTable,
      inject: [EscalationJobs, NotificationsJobs, FilesJobs],
    },
    {
      provide: RECONCILE_SOURCES,
      useFactory: reconcileSources,
      inject: [EscalationJobs, NotificationsJobs, FilesJobs],
    },
    {
      provide: WORKING_DAYS,
      useFactory: (escalation: EscalationService): WorkingDays => ({
        isWorkingDay: async (date) => (await escalation.calendar()).isWorkingDay(date),
      }),
      inject: [EscalationService],
    },
    JobsWorker,
    SweepRepository,
    ReconcileSweep,
    DigestCron,
    AuditCheckpointCron,
    MailboxCron,
  ],
  exports: [ReconcileSweep, DigestCron, AuditCheckpointCron, MailboxCron],
})
export class WorkerModule {}
