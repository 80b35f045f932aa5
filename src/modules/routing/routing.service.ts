import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { IdempotencyService } from 'src/common/idempotency/idempotency.service.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { AccessService, REGISTRY_ROLES } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import type { LetterRow } from 'src/modules/letters/letters.repository.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import {
  containsLink,
  NotificationsService,
  withoutLink,
} from 'src/modules/notifications/notifications.service.js';
import type { Register } from 'src/modules/registers/register.entity.js';
import type { EntryRow } from 'src/modules/registers/registers.repository.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';
import { nextDeliveryState, statesAllowing } from 'src/modules/routing/delivery-state.js';
import { DeliveryTimePolicy } from 'src/modules/routing/delivery-time.policy.js';
import { FORWARDING_ROLES } from 'src/modules/routing/forward-scope.js';
import {
  type ForwardScopeRow,
  ForwardTargetsRepository,
} from 'src/modules/routing/forward-targets.repository.js';
import {
  type NewProgressEvent,
  ProgressEventsRepository,
} from 'src/modules/routing/progress-events.repository.js';
import type { AnnotationDto, ForwardDto, ReasonDto } from 'src/modules/routing/routing.dto.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import {
  type AnnotationRow,
  type DeliveryLockRow,
  RoutingRepository,
} from 'src/modules/routing/routing.repository.js';

export interface ForwardAnswer {
  forwardId: string;
  letterId: string;
  rootLetterId: string;
  senderUnitId: string;
  parentDeliveryId: string | null;
  annotationId: string | null;
  sentAt: string;
  dueAt: string;
  responseDueAt: string | null;
  created: number;
  skipped: { count: number; unitIds: string[] };
}

/** Largest list of skipped units an answer carries (the count is always exact). */
const SKIPPED_LISTED = 200;

/**
 * Forwarding and the life of a delivery (src/modules/routing/README.md): annotations,
 * forwards to many units at once, returns and cancellations. Reads (the inbox, the tree,
 * progress, overdue) are RoutingProgressService's.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RoutingRepository,
    private readonly scopes: ForwardTargetsRepository,
    private readonly events: ProgressEventsRepository,
    private readonly registers: RegistersService,
    private readonly letters: LettersService,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly time: DeliveryTimePolicy,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private actsForRegistry(principal: Principal, unitId: string): boolean {
    return principal.grants.some((g) => g.unitId === unitId && REGISTRY_ROLES.has(g.role));
  }

  // ---- annotations (เกษียนหนังสือ) ----------------------------------------------------------

  async annotate(principal: Principal, entryId: string, dto: AnnotationDto) {
    const { entry, register } = await this.registers.getEntry(principal, entryId);
    return this.dataSource.transaction((manager) =>
      this.writeAnnotation(manager, principal, entry, register, dto, { audited: true }),
    );
  }

  /**
   * Writes an annotation. `audited`: it is the command's only write, and the same statement
   * appends its audit event (a minute is then one statement and its commit; the unit's
   * chain is locked for the commit's round trip only).
   */
  private async writeAnnotation(
    manager: EntityManager,
    principal: Principal,
    entry: EntryRow,
    register: Register,
    dto: AnnotationDto,
    options: { audited?: boolean } = {},
  ): Promise<AnnotationRow> {
    const row = {
      id: randomUUID(),
      registerEntryId: entry.id,
      letterId: entry.letterId,
      unitId: register.unitId,
      authorUserId: principal.userId,
      authorName: principal.displayName,
      authorPosition: principal.positionTitle,
      text: dto.text.trim(),
      decision: dto.decision ?? null,
      createdAt: this.clock.now(),
    };
    const event = {
      actor: this.access.actor(principal),
      unitId: register.unitId,
      action: 'annotation.added',
      subjectType: 'register_entry',
      subjectId: entry.id,
      data: { annotationId: row.id, decision: row.decision },
    };
    if (!options.audited) {
      await this.repository.insertAnnotation(manager, row);
    } else {
      const { auditEventId } = await this.repository.insertAnnotationAudited(
        manager,
        row,
        (firstParam, source) => this.audit.inlineAppend(manager, event, {}, source, firstParam),
      );
      // Invariant 2: no minute without its audit event.
      if (auditEventId === null) throw new Error('the minute was written with no audit event');
    }
    const unitName = principal.grants.find((g) => g.unitId === register.unitId)?.unitName ?? '';
    return { ...row, unitName };
  }

  async listAnnotations(principal: Principal, entryId: string) {
    const { entry } = await this.registers.getEntry(principal, entryId);
    return {
      registerEntryId: entry.id,
      items: await this.repository.findAnnotations(this.dataSource.manager, entry.id),
    };
  }

  // ---- forwarding --------------------------------------------------------------------------

  /**
   * Sends on a letter the unit has in its register (received, or its own outgoing letter)
   * to many units in one transaction: the forward, its annotation, one delivery per
   * recipient (one statement), one notification per recipient unit (one statement), the
   * audit event. An Idempotency-Key makes a retry return the first answer.
   */
  async forward(
    principal: Principal,
    entryId: string,
    dto: ForwardDto,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: ForwardAnswer; replayed: boolean }> {
    const explicit = [...new Set(dto.unitIds ?? [])];
    const childKinds = [...new Set(dto.childKinds ?? [])];
    const subtreeKinds = [...new Set(dto.subtreeKinds ?? [])];
    if (explicit.length + childKinds.length + subtreeKinds.length === 0) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [
          {
            field: 'unitIds',
            code: 'isNotEmpty',
            message: 'ต้องระบุผู้รับ: unitIds, childKinds หรือ subtreeKinds',
          },
        ],
      });
    }
    // The letter as access just read it: the forward reads it no second time inside its
    // transaction, where a plain read would promise nothing more.
    const { entry, register, letter } = await this.registers.getEntry(principal, entryId);
    if (
      !principal.grants.some((g) => g.unitId === register.unitId && FORWARDING_ROLES.has(g.role))
    ) {
      throw new DomainError(CommonErrors.FORBIDDEN);
    }
    // What the forward created, for the wake-ups scheduled after its commit.
    let createdDeliveries: { id: string; dueAt: Date }[] = [];
    const answer = await this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `forward:${entryId}`,
          request: dto,
        },
        async () => {
          if (entry.status !== 'active')
            throw new DomainError(RoutingErrors.FORWARD_ENTRY_CANCELLED);
          const scope = await this.scopes.findScope(manager, register.unitId);
          if (!scope) throw new DomainError(RoutingErrors.FORWARD_UNIT_NOT_FOUND);
          const { sender, organisation } = scope;
          const now = this.clock.now();
          let responseDueAt: Date | null = null;
          if (dto.responseDueAt) {
            responseDueAt = new Date(dto.responseDueAt);
            if (Number.isNaN(responseDueAt.getTime()) || responseDueAt <= now)
              throw new DomainError(RoutingErrors.FORWARD_DEADLINE_INVALID);
          }
          await this.checkExplicitRecipients(manager, explicit, sender.id, organisation);
          if (letter.secrecy !== 'none') {
            await this.refuseRecipientsNobodyCanActFor(manager, letter, scope, now, {
              explicitUnitIds: explicit,
              childKinds,
              subtreeKinds,
            });
          }
          const parent = await this.parentDelivery(manager, entry, letter, register.unitId);
          const annotation = dto.annotation
            ? await this.writeAnnotation(manager, principal, entry, register, dto.annotation)
            : null;
          const forwardId = randomUUID();
          const dueAt = await this.time.acknowledgeBy(
            manager,
            now,
            letter.speed,
            letter.speedDeadline,
          );
          const { created, skipped, deliveryIds } = await this.repository.insertForward(
            manager,
            {
              id: forwardId,
              letterId: letter.id,
              rootLetterId: letter.rootLetterId,
              senderUnitId: register.unitId,
              registerEntryId: entry.id,
              parentDeliveryId: parent?.id ?? null,
              annotationId: annotation?.id ?? null,
              forwardedBy: principal.userId,
              createdAt: now,
              responseDueAt,
            },
            {
              scope: { unitId: organisation.id, path: organisation.path },
              hop: (parent?.hop ?? 0) + 1,
              dueAt,
              explicitUnitIds: explicit,
              childKinds,
              subtreeKinds,
            },
          );
          // The statement also logged the forward's progress event (forward.sent).
          if (created.length + skipped.length === 0)
            throw new DomainError(RoutingErrors.FORWARD_NO_RECIPIENTS);
          createdDeliveries = deliveryIds.map((id) => ({ id, dueAt }));
          await this.notifications.notifyUnits(
            manager,
            created,
            'delivery.new',
            this.letterPayload(letter, {
              forwardId,
              fromUnitId: sender.id,
              fromUnitName: withoutLink(sender.nameTh),
              dueAt: dueAt.toISOString(),
            }),
          );
          await this.audit.record(manager, {
            actor: this.access.actor(principal),
            unitId: register.unitId,
            action: 'letter.forwarded',
            subjectType: 'forward',
            subjectId: forwardId,
            data: {
              letterId: letter.id,
              rootLetterId: letter.rootLetterId,
              registerEntryId: entry.id,
              parentDeliveryId: parent?.id ?? null,
              explicit: explicit.length,
              childKinds,
              subtreeKinds,
              created: created.length,
              skipped: skipped.length,
              dueAt: dueAt.toISOString(),
            },
          });
          return {
            status: 201,
            body: {
              forwardId,
              letterId: letter.id,
              rootLetterId: letter.rootLetterId,
              senderUnitId: register.unitId,
              parentDeliveryId: parent?.id ?? null,
              annotationId: annotation?.id ?? null,
              sentAt: now.toISOString(),
              dueAt: dueAt.toISOString(),
              responseDueAt: responseDueAt?.toISOString() ?? null,
              created: created.length,
              skipped: { count: skipped.length, unitIds: skipped.slice(0, SKIPPED_LISTED) },
            },
          };
        },
      ),
    );
    // Enqueued after the commit, never inside it (invariant 2); a replay enqueues nothing new.
    if (!answer.replayed) await this.time.deliveriesCreated(createdDeliveries);
    return answer;
  }

  /**
   * What a notification may say about a letter: ids, its ที่ and speed; the subject only
   * when the letter is not secret and carries no link (invariant 8). Unit names that look
   * like links are left out too: notifyUnits refuses a payload that carries one.
   */
  private letterPayload(
    letter: LetterRow,
    extra: Record<string, unknown>,
  ): Record<string, unknown> {
    const subject =
      letter.secrecy === 'none' && !containsLink(letter.subject) ? letter.subject : undefined;
    const reference = withoutLink(letter.referenceRaw);
    return {
      letterId: letter.id,
      rootLetterId: letter.rootLetterId,
      reference,
      speed: letter.speed,
      secrecy: letter.secrecy,
      ...(subject ? { subject } : {}),
      ...extra,
    };
  }

  /**
   * Explicit recipients exist, are active, are neither the sender nor its organisation and
   * (FORWARD_SCOPE=subtree) lie below the organisation (forward-scope.ts).
   */
  private async checkExplicitRecipients(
    manager: EntityManager,
    ids: string[],
    senderId: string,
    organisation: { id: string; path: string },
  ): Promise<void> {
    if (ids.length === 0) return;
    const units = await this.repository.findUnits(manager, ids);
    const found = new Map(units.filter((u) => u.active).map((u) => [u.id, u]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new DomainError(RoutingErrors.FORWARD_RECIPIENT_NOT_FOUND, {
        data: { unitIds: missing.slice(0, SKIPPED_LISTED) },
      });
    }
    const outside = units.filter(
      (u) =>
        u.id === senderId ||
        u.id === organisation.id ||
        (this.config.forwardScope === 'subtree' && !u.path.startsWith(organisation.path)),
    );
    if (outside.length > 0) {
      throw new DomainError(RoutingErrors.FORWARD_RECIPIENT_OUT_OF_SCOPE, {
        data: { unitIds: outside.slice(0, SKIPPED_LISTED).map((u) => u.id) },
      });
    }
  }

  /**
   * A classified letter goes only to units where someone may register or return it: a
   * live clerk, head or admin cleared for its class (ระเบียบว่าด้วยการรักษาความลับของทางราชการ
   * พ.ศ. ๒๕๔๔). Otherwise the whole forward is refused, naming those units; a delivery
   * nobody may open would sit in the inbox and climb the escalation ladder for nothing.
   * The members relied on stay locked FOR SHARE until the forward commits, so ending one
   * concurrently waits for it (and the escalation ladder catches what happens later).
   */
  private async refuseRecipientsNobodyCanActFor(
    manager: EntityManager,
    letter: LetterRow,
    scope: ForwardScopeRow,
    now: Date,
    batch: { explicitUnitIds: string[]; childKinds: string[]; subtreeKinds: string[] },
  ): Promise<void> {
    const targets = await this.scopes.findNewTargets(manager, letter.id, scope, batch);
    const nobody = new Set(
      await this.access.unitsNobodyCanActFor(
        manager,
        targets.map((unit) => unit.id),
        letter.secrecy,
        { now, lock: true },
      ),
    );
    if (nobody.size === 0) return;
    const units = targets.filter((unit) => nobody.has(unit.id));
    throw new DomainError(RoutingErrors.FORWARD_NO_CLEARED_MEMBER, {
      data: {
        secrecy: letter.secrecy,
        count: units.length,
        units: units.slice(0, SKIPPED_LISTED),
      },
    });
  }

  /**
   * The delivery by which the forwarding unit got the letter: the one its register entry
   * acknowledged; for a re-issue (a new letter enclosing the upstream one), the delivery
   * by which it received the enclosed letter; none at the origin.
   */
  private async parentDelivery(
    manager: EntityManager,
    entry: EntryRow,
    letter: LetterRow,
    unitId: string,
  ): Promise<{ id: string; hop: number } | null> {
    if (entry.deliveryId) {
      const hop = await this.repository.findDeliveryHop(manager, entry.deliveryId);
      return hop === undefined ? null : { id: entry.deliveryId, hop };
    }
    if (letter.enclosesLetterId) {
      return (
        (await this.repository.findReceivedDelivery(manager, unitId, letter.enclosesLetterId)) ??
        null
      );
    }
    return null;
  }

  // ---- return and cancel -------------------------------------------------------------------

  /**
   * Locks the delivery and checks the principal may see it (sender or recipient side, and
   * the letter's secrecy); anything else is a 404.
   */
  private async visibleDelivery(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<DeliveryLockRow> {
    const delivery = await this.repository.lockDelivery(manager, id);
    if (
      !delivery ||
      !(
        this.access.canSeeUnitRef(principal, {
          id: delivery.recipientUnitId,
          path: delivery.recipientPath,
        }) ||
        this.access.canSeeUnitRef(principal, {
          id: delivery.senderUnitId,
          path: delivery.senderPath,
        })
      )
    ) {
      throw new DomainError(RoutingErrors.DELIVERY_NOT_FOUND);
    }
    try {
      await this.letters.findVisible(manager, principal, delivery.letterId);
    } catch {
      throw new DomainError(RoutingErrors.DELIVERY_NOT_FOUND);
    }
    return delivery;
  }

  private deliveryEvent(
    kind: 'delivery.returned' | 'delivery.cancelled',
    delivery: DeliveryLockRow,
    at: Date,
  ): NewProgressEvent {
    return {
      kind,
      rootLetterId: delivery.rootLetterId,
      letterId: delivery.letterId,
      deliveryId: delivery.id,
      forwardId: delivery.forwardId,
      senderUnitId: delivery.senderUnitId,
      recipientUnitId: delivery.recipientUnitId,
      occurredAt: at,
    };
  }

  /** ส่งคืน: the recipient sends it back (wrong recipient) with a reason; the sender is told. */
  async returnDelivery(principal: Principal, id: string, dto: ReasonDto) {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.visibleDelivery(manager, principal, id);
      if (!this.actsForRegistry(principal, delivery.recipientUnitId))
        throw new DomainError(CommonErrors.FORBIDDEN);
      const state = nextDeliveryState(delivery.state, 'return');
      const now = this.clock.now();
      const reason = dto.reason.trim();
      await this.repository.setState(manager, delivery.id, state, reason, now);
      await this.events.append(manager, [this.deliveryEvent('delivery.returned', delivery, now)]);
      await this.notifications.notifyUnit(manager, delivery.senderUnitId, 'delivery.returned', {
        deliveryId: delivery.id,
        letterId: delivery.letterId,
        byUnitId: delivery.recipientUnitId,
        byUnitName: withoutLink(delivery.recipientName),
        reason,
      });
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: delivery.recipientUnitId,
        action: 'delivery.returned',
        subjectType: 'delivery',
        subjectId: delivery.id,
        data: { letterId: delivery.letterId, from: delivery.state, reason },
      });
      return { id: delivery.id, state, stateReason: reason, stateChangedAt: now.toISOString() };
    });
  }

  /** The sender withdraws one delivery; the recipient's inbox is told. */
  async cancelDelivery(principal: Principal, id: string, dto: ReasonDto) {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.visibleDelivery(manager, principal, id);
      if (!this.actsForRegistry(principal, delivery.senderUnitId))
        throw new DomainError(CommonErrors.FORBIDDEN);
      const state = nextDeliveryState(delivery.state, 'cancel');
      const now = this.clock.now();
      const reason = dto.reason.trim();
      await this.repository.setState(manager, delivery.id, state, reason, now);
      await this.events.append(manager, [this.deliveryEvent('delivery.cancelled', delivery, now)]);
      await this.notifications.notifyUnit(manager, delivery.recipientUnitId, 'delivery.cancelled', {
        deliveryId: delivery.id,
        letterId: delivery.letterId,
        byUnitId: delivery.senderUnitId,
        byUnitName: withoutLink(delivery.senderName),
        reason,
      });
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: delivery.senderUnitId,
        action: 'delivery.cancelled',
        subjectType: 'delivery',
        subjectId: delivery.id,
        data: { letterId: delivery.letterId, from: delivery.state, reason },
      });
      return { id: delivery.id, state, stateReason: reason, stateChangedAt: now.toISOString() };
    });
  }

  /** The sender withdraws a whole forward: every delivery not yet registered is cancelled. */
  async cancelForward(principal: Principal, forwardId: string, dto: ReasonDto) {
    return this.dataSource.transaction(async (manager) => {
      const forward = await this.repository.lockForward(manager, forwardId);
      if (
        !forward ||
        !this.access.canSeeUnitRef(principal, {
          id: forward.senderUnitId,
          path: forward.senderPath,
        })
      ) {
        throw new DomainError(RoutingErrors.FORWARD_NOT_FOUND);
      }
      if (!this.actsForRegistry(principal, forward.senderUnitId))
        throw new DomainError(CommonErrors.FORBIDDEN);
      const now = this.clock.now();
      const reason = dto.reason.trim();
      const { cancelled, untouched } = await this.repository.cancelForwardDeliveries(
        manager,
        forward.id,
        statesAllowing('cancel'),
        reason,
        now,
      );
      await this.events.append(
        manager,
        cancelled.map((recipientUnitId) => ({
          kind: 'delivery.cancelled' as const,
          rootLetterId: forward.rootLetterId,
          letterId: forward.letterId,
          forwardId: forward.id,
          senderUnitId: forward.senderUnitId,
          recipientUnitId,
          occurredAt: now,
        })),
      );
      await this.notifications.notifyUnits(manager, cancelled, 'delivery.cancelled', {
        forwardId: forward.id,
        letterId: forward.letterId,
        byUnitId: forward.senderUnitId,
        byUnitName: withoutLink(forward.senderName),
        reason,
      });
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: forward.senderUnitId,
        action: 'forward.cancelled',
        subjectType: 'forward',
        subjectId: forward.id,
        data: { letterId: forward.letterId, cancelled: cancelled.length, untouched, reason },
      });
      return { forwardId: forward.id, cancelled: cancelled.length, notCancelled: untouched };
    });
  }
}
