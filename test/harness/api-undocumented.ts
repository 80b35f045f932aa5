import type { OpenAPIObject } from '@nestjs/swagger';
import type { TokenPair } from 'src/modules/auth/auth.service.js';
import type { EscalationController } from 'src/modules/escalation/escalation.controller.js';
import type { FilesController } from 'src/modules/files/files.controller.js';
import type { HealthController } from 'src/modules/health/health.controller.js';
import type { LettersController } from 'src/modules/letters/letters.controller.js';
import type { NotificationsController } from 'src/modules/notifications/notifications.controller.js';
import type { OrganisationsController } from 'src/modules/organisations/organisations.controller.js';
import type { ReceiptsController } from 'src/modules/receipts/receipts.controller.js';
import type { RegistersController } from 'src/modules/registers/registers.controller.js';
import type { ForwardTargetsController } from 'src/modules/routing/forward-targets.controller.js';
import type { RoutingController } from 'src/modules/routing/routing.controller.js';
import type { TrackingController } from 'src/modules/routing/tracking.controller.js';
import type { UsersController } from 'src/modules/users/users.controller.js';

/** A value as it crosses the wire: dates become ISO strings, methods drop away. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
      : T;

/** What a controller method answers, as JSON. */
type Answer<C, M extends keyof C> = C[M] extends (...args: never[]) => infer R
  ? Json<Awaited<R>>
  : never;

/**
 * The answers the OpenAPI document still leaves untyped (`unknown` in schema.d.ts), typed
 * by the controller method that gives them: a change of shape there still fails here.
 */
export interface UndocumentedBodies {
  /** A sign-in without the browser's cookie session. */
  Session: Json<TokenPair>;
  Annotations: Answer<RoutingController, 'annotations'>;
  Annotation: Answer<RoutingController, 'annotate'>;
  ForwardResult: Answer<RoutingController, 'forward'>;
  DeliveryReturned: Answer<RoutingController, 'returnDelivery'>;
  DeliveryCancelled: Answer<RoutingController, 'cancelDelivery'>;
  ForwardCancelled: Answer<RoutingController, 'cancelForward'>;
  LetterTree: Answer<RoutingController, 'tree'>;
  LetterProgress: Answer<RoutingController, 'letterProgress'>;
  Overdue: Answer<RoutingController, 'overdue'>;
  ForwardTargets: Answer<ForwardTargetsController, 'list'>;
  ForwardPreview: Answer<ForwardTargetsController, 'preview'>;
  NumberAllocated: Answer<RegistersController, 'allocate'>;
  RegisterEntries: Answer<RegistersController, 'entries'>;
  RegisterBatch: Answer<RegistersController, 'receiveBatch'>;
  Stamps: Answer<ReceiptsController, 'stamps'>;
  LetterDetail: Answer<LettersController, 'get'>;
  UnitChildren: Answer<OrganisationsController, 'children'>;
  UnitSubtree: Answer<OrganisationsController, 'subtree'>;
  UnitCreated: Answer<OrganisationsController, 'create'>;
  UserCreated: Answer<UsersController, 'create'>;
  UserDetail: Answer<UsersController, 'get'>;
  NotificationPreferences: Answer<NotificationsController, 'preferences'>;
  Holidays: Answer<EscalationController, 'listHolidays'>;
  Policies: Answer<EscalationController, 'listPolicies'>;
  RegisterCreated: Answer<RegistersController, 'create'>;
  OpeningFloor: Answer<RegistersController, 'setFloor'>;
  LetterFromText: Answer<LettersController, 'createFromText'>;
  FileDetail: Answer<FilesController, 'get'>;
  SentLetters: Answer<TrackingController, 'sentLetters'>;
  OverdueLevels: Answer<TrackingController, 'overdueLevels'>;
  Acknowledgments: Answer<TrackingController, 'acknowledgments'>;
  Readiness: Answer<HealthController, 'ready'>;
  /** The OpenAPI document itself (GET /api/docs-json). */
  OpenApiDocument: OpenAPIObject;
}
