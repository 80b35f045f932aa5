import { ReadReplicaModule } from 'src/database/read-replica.js';
import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit/audit.module.js';
import { AuthModule } from 'src/modules/auth/auth.module.js';
import { LettersModule } from 'src/modules/letters/letters.module.js';
import { NotificationsModule } from 'src/modules/notifications/notifications.module.js';
import { RegistersModule } from 'src/modules/registers/registers.module.js';
import { DeliveryLadderRepository } from 'src/modules/routing/delivery-ladder.repository.js';
import { DeliveryReceiptListener } from 'src/modules/routing/delivery-receipt.listener.js';
import { DeliveryTimePolicy } from 'src/modules/routing/delivery-time.policy.js';
import { ForwardTargetsController } from 'src/modules/routing/forward-targets.controller.js';
import { ForwardTargetsRepository } from 'src/modules/routing/forward-targets.repository.js';
import { ForwardTargetsService } from 'src/modules/routing/forward-targets.service.js';
import { LetterDossierController } from 'src/modules/routing/letter-dossier.controller.js';
import { LetterDossierRepository } from 'src/modules/routing/letter-dossier.repository.js';
import { LetterDossierService } from 'src/modules/routing/letter-dossier.service.js';
import { ProgressEventsController } from 'src/modules/routing/progress-events.controller.js';
import { ProgressEventsRepository } from 'src/modules/routing/progress-events.repository.js';
import { ProgressEventsService } from 'src/modules/routing/progress-events.service.js';
import { ProgressStream } from 'src/modules/routing/progress-stream.js';
import { ProgressWakeups } from 'src/modules/routing/progress-wakeups.js';
import { RoutingProgressRepository } from 'src/modules/routing/routing-progress.repository.js';
import { RoutingProgressService } from 'src/modules/routing/routing-progress.service.js';
import { RoutingController } from 'src/modules/routing/routing.controller.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { RoutingService } from 'src/modules/routing/routing.service.js';
import { RoutingTrackingRepository } from 'src/modules/routing/routing-tracking.repository.js';
import { RoutingTrackingService } from 'src/modules/routing/routing-tracking.service.js';
import { SessionStartController } from 'src/modules/routing/session-start.controller.js';
import { TrackingController } from 'src/modules/routing/tracking.controller.js';

/**
 * Routing attaches its DeliveryReceiptListener to registers' ReceiptListenerSlot, and
 * escalation attaches its deadlines to DeliveryTimePolicy's: dependencies point one way
 * (registers never imports routing, routing never imports escalation).
 */
@Module({
  imports: [
    AuthModule,
    ReadReplicaModule,
    AuditModule,
    LettersModule,
    RegistersModule,
    NotificationsModule,
  ],
  controllers: [
    RoutingController,
    ForwardTargetsController,
    ProgressEventsController,
    LetterDossierController,
    TrackingController,
    SessionStartController,
  ],
  providers: [
    RoutingRepository,
    RoutingProgressRepository,
    DeliveryTimePolicy,
    RoutingService,
    RoutingProgressService,
    ForwardTargetsRepository,
    ForwardTargetsService,
    DeliveryReceiptListener,
    ProgressEventsRepository,
    ProgressWakeups,
    DeliveryLadderRepository,
    ProgressStream,
    ProgressEventsService,
    LetterDossierRepository,
    LetterDossierService,
    RoutingTrackingRepository,
    RoutingTrackingService,
  ],
  exports: [
    RoutingService,
    RoutingProgressService,
    DeliveryTimePolicy,
    ProgressEventsRepository,
    DeliveryLadderRepository,
  ],
})
export class RoutingModule {}
