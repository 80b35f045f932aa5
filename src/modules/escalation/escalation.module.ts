import { Global, Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { EscalationController } from 'src/modules/escalation/escalation.controller.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { DELIVERY_DEADLINES } from 'src/modules/routing/delivery-time.policy.js';

/**
 * Global only to provide the working-time deadlines to routing (DeliveryTimePolicy injects
 * them optionally and imports nothing from here): routing never depends on escalation.
 */
@Global()
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [EscalationController],
  providers: [
    EscalationRepository,
    EscalationService,
    EscalationJobs,
    { provide: DELIVERY_DEADLINES, useExisting: EscalationService },
  ],
  exports: [EscalationService, EscalationJobs, DELIVERY_DEADLINES],
})
export class EscalationModule {}
