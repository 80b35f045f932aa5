import { Module } from '@nestjs/common';
import { EscalationModule } from 'src/modules/escalation/escalation.module.js';
import { EscalationProcessor } from 'src/modules/escalation/escalation.jobs.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { ReconcileSweep } from 'src/worker/reconcile.cron.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { JOB_HANDLERS, JobsWorker } from 'src/worker/jobs.worker.js';

/** Processors and sweeps: only in the worker (or a single-machine process). */
@Module({
  imports: [EscalationModule, NotificationsModule],
  providers: [
    EscalationRepository,
    NotificationsRepository,
    EscalationProcessor,
    {
      provide: JOB_HANDLERS,
      useFactory: (processor: EscalationProcessor) => processor.handlers(),
      inject: [EscalationProcessor],
    },
    JobsWorker,
    ReconcileSweep,
  ],
  exports: [ReconcileSweep],
})
export class EscalationWorkerModule {}
