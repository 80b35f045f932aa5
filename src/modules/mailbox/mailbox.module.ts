import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { FilesModule } from 'src/modules/files/files.module.js';
import { LettersModule } from 'src/modules/letters/letters.module.js';
import { MailboxController } from 'src/modules/mailbox/mailbox.controller.js';
import { MailboxPoller } from 'src/modules/mailbox/mailbox-poller.js';
import { MailboxRepository } from 'src/modules/mailbox/mailbox.repository.js';
import { MailboxService } from 'src/modules/mailbox/mailbox.service.js';
import { RegistersModule } from 'src/modules/registers/registers.module.js';

@Module({
  imports: [AuthModule, AuditModule, FilesModule, LettersModule, RegistersModule],
  controllers: [MailboxController],
  providers: [MailboxRepository, MailboxService, MailboxPoller],
  exports: [MailboxService, MailboxPoller],
})
export class MailboxModule {}
