import { Global, Module } from '@nestjs/common';
import { JobQueue } from 'src/queue/job-queue.js';
import { QueueDashboardController } from 'src/queue/queue-dashboard.controller.js';

/**
 * The producer side of the queues, for every process (the api enqueues, never processes),
 * and the administrators' queue dashboard.
 */
@Global()
@Module({ controllers: [QueueDashboardController], providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}
