import { Module } from '@nestjs/common';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { AuditSigningKey } from 'src/modules/audit/audit-signing-key.js';

@Module({
  providers: [AuditRepository, AuditSigningKey, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
