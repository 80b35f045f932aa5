import { Module } from '@nestjs/common';
import { OrganisationsModule } from 'src/modules/organisations/organisations.module.js';
import { SeedService } from 'src/modules/seed/seed.service.js';
import { UsersModule } from 'src/modules/users/users.module.js';

@Module({
  imports: [OrganisationsModule, UsersModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
