import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Clock } from 'src/common/clock.js';
import { CoreModule } from 'src/common/core.module.js';
import type { AppConfig } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';
import { openDataSource } from 'src/database/bootstrap.js';
import { ReadReplicaModule, readYourWritesProviders } from 'src/database/read-replica.js';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { FilesModule } from 'src/modules/files/files.module.js';
import { LettersModule } from 'src/modules/letters/letters.module.js';
import { MailboxModule } from 'src/modules/mailbox/mailbox.module.js';
import { ReceiptsModule } from 'src/modules/receipts/receipts.module.js';
import { RegistersModule } from 'src/modules/registers/registers.module.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { RoutingModule } from 'src/modules/routing/routing.module.js';
import { HealthModule } from 'src/modules/health/health.module.js';
import { OrganisationsModule } from 'src/modules/organisations/organisations.module.js';
import { SeedModule } from 'src/modules/seed/seed.module.js';
import { UsersModule } from 'src/modules/users/users.module.js';
import { EscalationModule } from 'src/modules/escalation/escalation.module.js';
import { WorkerModule } from 'src/worker/worker.module.js';
import { QueueModule } from 'src/queue/queue.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a ManualClock; processes use the system clock. */
  clock?: Clock;
  /** Run queue processors and scheduled sweeps in this process. */
  worker: boolean;
}

/** Modules every process has: domain services, the database, the queues. */
function domainModules(): DynamicModule['imports'] {
  return [
    QueueModule,
    AuditModule,
    AuthModule,
    FilesModule,
    LettersModule,
    RegistersModule,
    ReceiptsModule,
    NotificationsModule,
    RoutingModule,
    EscalationModule,
    OrganisationsModule,
    UsersModule,
    SeedModule,
    MailboxModule,
  ];
}

/** Processors and sweeps; only the worker (or a single-machine process) loads them. */
function workerModules(): DynamicModule['imports'] {
  return [ScheduleModule.forRoot(), WorkerModule];
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.clock),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            dataSourceOptions(
              config.databaseUrl,
              config.databasePoolSize,
              config.databasePoolWaitMs,
            ),
          dataSourceFactory: () =>
            openDataSource(config.databaseUrl, config.databasePoolSize, config.databasePoolWaitMs),
        }),
        HealthModule,
        ReadReplicaModule,
        ...(domainModules() ?? []),
        ...(options.worker ? (workerModules() ?? []) : []),
      ],
      providers: readYourWritesProviders(config),
    };
  }
}
