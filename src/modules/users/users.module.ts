import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { AccessGainedSlot } from 'src/modules/users/access-gained.js';
import { UsersController } from 'src/modules/users/users.controller.js';
import { UsersRepository } from 'src/modules/users/users.repository.js';
import { UsersService } from 'src/modules/users/users.service.js';

@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, AccessGainedSlot],
  exports: [UsersService, AccessGainedSlot],
})
export class UsersModule {}
