import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
import {
  type AccessGained,
  type AccessGainedListener,
  AccessGainedSlot,
} from 'src/modules/users/access-gained.js';
import { UsersModule } from 'src/modules/users/users.module.js';
import type { JobRequest } from 'src/queue/jobs.js';

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

/** Resumes the halted ladders of a unit when a users command lets someone act for it. */
@Injectable()
export class ResumeAttachment implements AccessGainedListener, OnModuleInit {
  constructor(
    private readonly slot: AccessGainedSlot,
    private readonly escalation: EscalationService,
  ) {}

  onModuleInit(): void {
    this.slot.attach(this);
  }

  accessGained(manager: EntityManager, gained: AccessGained): Promise<JobRequest[]> {
    return this.escalation.resumeLadders(manager, gained);
  }
}

@Module({
  imports: [AuthModule, AuditModule, NotificationsModule, RoutingModule, UsersModule],
  controllers: [EscalationController],
  providers: [
    EscalationRepository,
    EscalationService,
    EscalationAdminRepository,
    EscalationAdminService,
    EscalationJobs,
    DeadlinesAttachment,
    ResumeAttachment,
  ],
  exports: [EscalationService, EscalationJobs],
})
export class EscalationModule {}
