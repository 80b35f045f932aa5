import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Gauge, Registry } from 'prom-client';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { RoutingProgressService } from 'src/modules/routing/routing-progress.service.js';
import { JobQueue } from 'src/queue/job-queue.js';

/**
 * Prometheus metrics, read at scrape time: PostgreSQL for the facts (overdue deliveries,
 * escalations by level), Redis for queue depths. Nothing is counted in memory, so every
 * replica answers the same.
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private readonly queueJobs = new Gauge({
    name: 'saraban_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly overdue = new Gauge({
    name: 'saraban_overdue_deliveries',
    help: 'Deliveries not registered (ลงรับ) past their due time',
    registers: [this.registry],
  });
  private readonly escalations = new Gauge({
    name: 'saraban_escalations',
    help: 'Escalations recorded, by ladder level',
    labelNames: ['level'],
    registers: [this.registry],
  });

  constructor(
    private readonly escalation: EscalationService,
    private readonly routing: RoutingProgressService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (METRICS_TOKEN as bearer when set)' })
  @ApiOkResponse({
    schema: {
      example:
        'saraban_overdue_deliveries 12\nsaraban_escalations{level="1"} 40\nsaraban_queue_jobs{queue="escalation",state="delayed"} 3120\n',
    },
  })
  async scrape(@Req() req: Request): Promise<string> {
    if (
      this.config.metricsToken &&
      req.headers.authorization !== `Bearer ${this.config.metricsToken}`
    ) {
      throw new DomainError(CommonErrors.UNAUTHENTICATED);
    }
    this.queueJobs.reset();
    this.escalations.reset();
    const [overdue, byLevel] = await Promise.all([
      this.routing.countOverdue(),
      this.escalation.countByLevel(),
    ]);
    this.overdue.set(overdue);
    for (const level of [1, 2, 3, 4]) {
      this.escalations.set(
        { level: String(level) },
        byLevel.find((row) => row.level === level)?.count ?? 0,
      );
    }
    for (const queue of this.jobs.allQueues()) {
      try {
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed');
        for (const [state, count] of Object.entries(counts)) {
          this.queueJobs.set({ queue: queue.name, state }, count);
        }
      } catch {
        // Redis away: the depths are missing from this scrape, the facts are not.
      }
    }
    return this.registry.metrics();
  }
}
