import { ReadReplicaModule } from 'src/database/read-replica.js';
import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { LettersModule } from 'src/modules/letters/letters.module.js';
import { OrganisationsModule } from 'src/modules/organisations/organisations.module.js';
import { ReceiptListenerSlot } from 'src/modules/registers/receipt-listener.js';
import { RegisterPrintoutService } from 'src/modules/registers/register-printout.service.js';
import { RegistersController } from 'src/modules/registers/registers.controller.js';
import { RegistersRepository } from 'src/modules/registers/registers.repository.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';

@Module({
  imports: [AuthModule, ReadReplicaModule, AuditModule, LettersModule, OrganisationsModule],
  controllers: [RegistersController],
  providers: [RegistersRepository, RegistersService, RegisterPrintoutService, ReceiptListenerSlot],
  exports: [RegistersService, ReceiptListenerSlot],
})
export class RegistersModule {}
