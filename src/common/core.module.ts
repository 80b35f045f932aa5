import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock, SystemClock } from 'src/common/clock.js';
import { IdempotencyService } from 'src/common/idempotency/idempotency.service.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { PdfThreads } from 'src/pdf/pdf-threads.js';
import { createCommandClient } from 'src/queue/redis.js';

/** Token of the shared ioredis client for quick commands. */
export const REDIS = Symbol('REDIS');

/**
 * Process-wide providers: configuration, the clock, the Redis command client and the
 * PDF threads (one pool, so upload checks, stamps and printouts share its cap). Global
 * because these are the process itself, not a module's work: one instance of each per
 * process, and importing them everywhere would say nothing a reader needs.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  private static redis?: Redis;

  static forRoot(config: AppConfig, clock: Clock = new SystemClock()) {
    const redis = createCommandClient(config.redisUrl);
    CoreModule.redis = redis;
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: REDIS, useValue: redis },
        { provide: PdfThreads, useFactory: () => new PdfThreads(config.pdfThreads) },
        IdempotencyService,
      ],
      exports: [APP_CONFIG, Clock, REDIS, PdfThreads, IdempotencyService],
    };
  }

  constructor(private readonly pdfThreads: PdfThreads) {}

  async onApplicationShutdown(): Promise<void> {
    CoreModule.redis?.disconnect();
    await this.pdfThreads.close();
  }
}
