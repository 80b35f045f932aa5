import { Global, Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { QueueDashboardController } from 'src/queue/queue-dashboard.controller.js';

/**
 * The producer side of the queues, for every process (the api enqueues, never processes),
 * and the administrators' queue dashboard. Global like CoreModule: one producer per
 * process, which every module's after-commit enqueue uses; the jobs themselves are typed in
 * `jobs.ts` and handled by the module that owns them.
 */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [QueueDashboardController],
  providers: [JobQueue],
  exports: [JobQueue],
})
export class QueueModule {}
