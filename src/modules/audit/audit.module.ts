import { Module } from '@nestjs/common';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import { AuditService } from 'src/modules/audit/audit.service.js';

@Module({
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
