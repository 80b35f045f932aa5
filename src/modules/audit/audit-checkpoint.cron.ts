import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { AuditService } from 'src/modules/audit/audit.service.js';

const TICK_MS = 60_000;

/**
 * Signs an audit checkpoint every AUDIT_CHECKPOINT_INTERVAL_MINUTES, in one worker
 * whatever the number of replicas (a transaction-level advisory lock, and no new one while
 * the newest is younger than the interval). A sweep, not a job: it is one short
 * transaction that reads the chains' rows and writes one row, with nothing to retry.
 */
@Injectable()
export class AuditCheckpointCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;

  constructor(
    private readonly audit: AuditService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = setInterval(() => void this.tick(), TICK_MS);
    this.scheduler.addInterval('audit.checkpoint', interval);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'audit.checkpoint'))
      this.scheduler.deleteInterval('audit.checkpoint');
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const made = await this.audit.checkpointIfDue(this.config.auditCheckpointIntervalMinutes);
      if (made) logger.info({ checkpoint: made.id }, 'audit checkpoint signed');
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'audit checkpoint failed');
    } finally {
      this.running = false;
    }
  }
}
