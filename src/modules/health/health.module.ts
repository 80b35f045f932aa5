import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EscalationModule } from 'src/modules/escalation/escalation.module.js';
import { HealthController } from 'src/modules/health/health.controller.js';
import { MetricsController } from 'src/modules/health/metrics.controller.js';
import { RoutingModule } from 'src/modules/routing/routing.module.js';

/** Readiness, liveness and the app-wide Prometheus metrics. */
@Module({
  imports: [
    TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' }),
    EscalationModule,
    RoutingModule,
  ],
  controllers: [HealthController, MetricsController],
})
export class HealthModule {}
