import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthController } from 'src/modules/auth/auth.controller.js';
import { AuthGuard } from 'src/modules/auth/auth.guard.js';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import { LoginThrottle } from 'src/modules/auth/login-throttle.js';

/**
 * Imported by every module whose controllers carry `@Authenticated()` or whose services ask
 * AccessService; it exports the access decisions and the guard, nothing else.
 */
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AccessService, AuthService, LoginThrottle, AuthGuard],
  exports: [AccessService, AuthService, AuthGuard],
})
export class AuthModule {}
