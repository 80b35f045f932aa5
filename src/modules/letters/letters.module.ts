import { ReadReplicaModule } from 'src/database/read-replica.js';
import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { FilesModule } from 'src/modules/files/files.module.js';
import { IntakeController } from 'src/modules/letters/intake.controller.js';
import { LettersController } from 'src/modules/letters/letters.controller.js';
import { LettersRepository } from 'src/modules/letters/letters.repository.js';
import { LettersService } from 'src/modules/letters/letters.service.js';

@Module({
  imports: [AuthModule, ReadReplicaModule, AuditModule, FilesModule],
  controllers: [LettersController, IntakeController],
  providers: [LettersRepository, LettersService],
  exports: [LettersService],
})
export class LettersModule {}
