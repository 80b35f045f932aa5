import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { NotificationsJobs } from 'src/modules/notifications/notifications.jobs.js';
import { NotificationsController } from 'src/modules/notifications/notifications.controller.js';
import { NotificationsRepository } from 'src/modules/notifications/notifications.repository.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import { EmailChannel, WebhookChannel } from 'src/modules/notifications/outbound.channel.js';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationsJobs,
    EmailChannel,
    WebhookChannel,
  ],
  exports: [NotificationsService, NotificationsJobs],
})
export class NotificationsModule {}
