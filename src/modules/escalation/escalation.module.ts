import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { EscalationAdminRepository } from 'src/modules/escalation/escalation-admin.repository.js';
import { EscalationAdminService } from 'src/modules/escalation/escalation-admin.service.js';
import { EscalationController } from 'src/modules/escalation/escalation.controller.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { DeliveryTimePolicy } from 'src/modules/routing/delivery-time.policy.js';
import { RoutingModule } from 'src/modules/routing/routing.module.js';

/** Gives routing's DeliveryTimePolicy the working-time deadlines of this module. */
@Injectable()
export class DeadlinesAttachment implements OnModuleInit {
  constructor(
    private readonly policy: DeliveryTimePolicy,
    private readonly escalation: EscalationService,
  ) {}

  onModuleInit(): void {
    this.policy.attachDeadlines(this.escalation);
  }
}

@Module({
  imports: [AuthModule, AuditModule, NotificationsModule, RoutingModule],
  controllers: [EscalationController],
  providers: [
    EscalationRepository,
    EscalationService,
    EscalationAdminRepository,
    EscalationAdminService,
    EscalationJobs,
    DeadlinesAttachment,
  ],
  exports: [EscalationService, EscalationJobs],
})
export class EscalationModule {}
