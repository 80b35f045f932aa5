import { Global, Module } from '@nestjs/common';
import { JobQueue } from 'src/queue/job-queue.js';

/** The producer side of the queues, for every process (the api enqueues, never processes). */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}
