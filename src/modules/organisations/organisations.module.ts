import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { OrganisationsController } from 'src/modules/organisations/organisations.controller.js';
import { OrganisationsRepository } from 'src/modules/organisations/organisations.repository.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
