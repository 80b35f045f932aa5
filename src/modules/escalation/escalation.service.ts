import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuditService, SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import {
  EscalationRepository,
  type EscalationTarget,
  type PolicyRow,
} from 'src/modules/escalation/escalation.repository.js';
import { WorkingCalendar } from 'src/modules/escalation/working-calendar.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { containsLink, withoutLink } from 'src/modules/notifications/link-check.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import type { DeliveryDeadlines } from 'src/modules/routing/delivery-time.policy.js';
import { MEMBERSHIP_ROLE_CODES, type MembershipRole } from 'src/modules/users/roles.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId, type JobOutcome, type JobRequest } from 'src/queue/jobs.js';
import { ProgressEventsRepository } from 'src/modules/routing/progress-events.repository.js';

/** The top of the ladder. */
export const LADDER_TOP = 4;

/** Who each rung tells (see src/modules/escalation/README.md#ladder) and the in-app kind. */
const RUNGS: Record<number, { kind: string; roles: MembershipRole[] }> = {
  1: { kind: 'escalation.reminder', roles: ['clerk'] },
  2: { kind: 'escalation.head', roles: ['head'] },
  3: { kind: 'escalation.supervisor', roles: ['head'] },
  4: { kind: 'escalation.registry', roles: ['clerk'] },
};

/** Largest list of overdue recipients a level-3 message carries (the count is exact). */
const OVERDUE_LISTED = 50;

/**
 * Working-time deadlines and the reminder ladder (src/modules/escalation/README.md). The due time
 * of a delivery is fixed in the forwarding transaction; each rung is one transaction that locks the
 * delivery, records the rung (unique per delivery and level), its notifications and outbox rows,
 * and the audit event; the next wake-up is enqueued after the commit. Holiday and policy
 * administration is EscalationAdminService's.
 */
@Injectable()
export class EscalationService implements DeliveryDeadlines {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EscalationRepository,
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly progressEvents: ProgressEventsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- calendar and deadlines ---------------------------------------------------------------

  /** The working calendar as the holiday table says now (a few dozen rows). */
  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    return new WorkingCalendar({
      officeHours: {
        start: this.config.officeHoursStart,
        end: this.config.officeHoursEnd,
        weekdays: this.config.officeWeekdays,
      },
      holidays: await this.repository.findHolidayDates(manager),
    });
  }

  private async policy(manager: EntityManager, speed: Speed): Promise<PolicyRow> {
    const policy = await this.repository.findPolicy(manager, speed);
    if (!policy) throw new Error(`no escalation policy for speed "${speed}"`);
    return policy;
  }

  /** In the forwarding transaction: the policy row and the calendar as of then. */
  async acknowledgeBy(manager: EntityManager, sentAt: Date, speed: Speed): Promise<Date> {
    const [policy, calendar] = await Promise.all([
      this.policy(manager, speed),
      this.calendar(manager),
    ]);
    return calendar.addWorkingMinutes(calendar.nextOpening(sentAt), policy.ackWorkingMinutes);
  }

  async deliveriesCreated(forwardId: string): Promise<void> {
    try {
      const pending = await this.repository.findPendingOfForward(forwardId);
      await this.jobs.addAfterCommit(
        pending.map((delivery) => this.rungJob(delivery.id, 1, new Date(delivery.dueAt))),
      );
    } catch (error) {
      // The forward is committed; the sweep schedules what this could not.
      logger.warn({ err: (error as Error).message, forwardId }, 'could not schedule wake-ups');
    }
  }

  /** The wake-up of one rung, delayed until its due time by this process's clock. */
  rungJob(deliveryId: string, level: number, dueAt: Date): JobRequest {
    return {
      name: 'escalation.level',
      id: escalationJobId(deliveryId, level),
      data: { deliveryId, level },
      delayMs: Math.max(0, dueAt.getTime() - this.clock.now().getTime()),
    };
  }

  // ---- the ladder ---------------------------------------------------------------------------

  /**
   * Job handler of one rung. Idempotent: the delivery row is locked and re-checked, the
   * rung is inserted ON CONFLICT DO NOTHING, and only the transaction that inserted it
   * writes notifications. Received, returned or cancelled: nothing happens.
   */
  async escalate(deliveryId: string, level: number): Promise<JobOutcome> {
    if (!Number.isInteger(level) || level < 1 || level > LADDER_TOP) {
      return { done: `no level ${level}` };
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const dbNow = this.clock.databaseNow();
      const target = await this.repository.lockTarget(manager, deliveryId, dbNow);
      if (!target || target.dueAt === null) return { outcome: { done: 'no such delivery' } };
      if (target.state !== 'sent') {
        if (level > 1) await this.repository.clearNextDue(manager, deliveryId, level - 1);
        return { outcome: { done: `delivery ${target.state}` } };
      }
      let dueAt: Date;
      if (level === 1) {
        if (!target.due) return { outcome: { retryAt: new Date(target.dueAt) } };
        dueAt = new Date(target.dueAt);
      } else {
        const previous = await this.repository.findRung(manager, deliveryId, level - 1, dbNow);
        // The lower rung has not happened (or already scheduled this one): the sweep and
        // that rung's own job bring this one in order.
        if (!previous || previous.nextDueAt === null) return { outcome: { done: 'not scheduled' } };
        if (!previous.nextDue) return { outcome: { retryAt: new Date(previous.nextDueAt) } };
        dueAt = new Date(previous.nextDueAt);
      }
      const policy = await this.policy(manager, target.speed);
      const levels = Math.min(LADDER_TOP, policy.stepWorkingMinutes.length + 1);
      if (level > levels) {
        await this.repository.clearNextDue(manager, deliveryId, level - 1);
        return { outcome: { done: 'beyond the policy ladder' } };
      }
      const nextDueAt =
        level < levels
          ? (await this.calendar(manager)).addWorkingMinutes(
              dueAt,
              policy.stepWorkingMinutes[level - 1],
            )
          : null;
      const now = this.clock.now();
      const { unitId, userIds } = await this.addressees(manager, target, level, now);
      const rungId = await this.repository.insertRung(manager, {
        deliveryId,
        level,
        dueAt,
        escalatedAt: now,
        notifiedUnitId: unitId,
        notifiedUserIds: userIds,
        nextDueAt,
      });
      if (rungId === null) return { outcome: { done: 'already recorded' } };
      await this.progressEvents.append(manager, [
        {
          kind: 'delivery.escalated',
          rootLetterId: target.rootLetterId,
          letterId: target.letterId,
          deliveryId,
          forwardId: target.forwardId,
          senderUnitId: target.senderUnitId,
          recipientUnitId: target.recipientUnitId,
          level,
          occurredAt: now,
        },
      ]);
      if (level > 1) await this.repository.clearNextDue(manager, deliveryId, level - 1);

      const payload = await this.payload(manager, target, level, dueAt, dbNow);
      let jobs: JobRequest[] = [];
      if (userIds.length > 0) {
        jobs = (await this.notifications.notifyUsers(manager, userIds, RUNGS[level].kind, payload))
          .jobs;
      } else if (unitId) {
        // Nobody holds the role: the unit's shared inbox hears it instead, and it goes out
        // like any other rung — e-mail to whoever is a member of the unit in any role (a
        // shared inbox nobody opens must not swallow the reminder) and to the webhooks.
        await this.notifications.notifyUnit(manager, unitId, RUNGS[level].kind, payload);
        const members = await this.repository.findMembers(
          manager,
          unitId,
          [...MEMBERSHIP_ROLE_CODES],
          now,
        );
        jobs = await this.notifications.queueOutbound(manager, members, RUNGS[level].kind, payload);
      }
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        unitId: target.recipientUnitId,
        action: 'delivery.escalated',
        subjectType: 'delivery',
        subjectId: deliveryId,
        data: {
          escalationId: rungId,
          level,
          dueAt: dueAt.toISOString(),
          notifiedUnitId: unitId,
          notifiedUsers: userIds.length,
          nextDueAt: nextDueAt?.toISOString() ?? null,
        },
      });
      if (nextDueAt) jobs.push(this.rungJob(deliveryId, level + 1, nextDueAt));
      return { outcome: { done: `level ${level} recorded` }, jobs };
    });
    // After the commit (invariant 2): the next rung and the outbox deliveries.
    if ('jobs' in result && result.jobs) await this.jobs.addAfterCommit(result.jobs);
    return result.outcome;
  }

  private async addressees(
    manager: EntityManager,
    target: EscalationTarget,
    level: number,
    now: Date,
  ): Promise<{ unitId: string | null; userIds: string[] }> {
    const unitId =
      level <= 2 ? target.recipientUnitId : level === 3 ? target.senderUnitId : target.rootUnitId;
    if (!unitId) return { unitId: null, userIds: [] };
    return {
      unitId,
      userIds: await this.repository.findMembers(manager, unitId, RUNGS[level].roles, now),
    };
  }

  /**
   * What the people are told: ids, the ที่ and the sender's เลขรับ to look it up by, the
   * recipient, the due time; the subject only for a letter that is not secret (and
   * carries no link). Stored text that looks like a link (a ที่, a unit's name) is left
   * out: notifyUsers refuses such a payload, and the rung would never be recorded.
   */
  private async payload(
    manager: EntityManager,
    target: EscalationTarget,
    level: number,
    dueAt: Date,
    dbNow: Date | null,
  ): Promise<Record<string, unknown>> {
    const payload: Record<string, unknown> = {
      deliveryId: target.id,
      letterId: target.letterId,
      rootLetterId: target.rootLetterId,
      level,
      reference: withoutLink(target.referenceRaw),
      senderReceiptNumber: target.senderReceiptNumber,
      speed: target.speed,
      secrecy: target.secrecy,
      recipientUnitId: target.recipientUnitId,
      recipientUnitName: withoutLink(target.recipientUnitName),
      senderUnitName: withoutLink(target.senderUnitName),
      dueAt: dueAt.toISOString(),
    };
    if (target.secrecy === 'none' && !containsLink(target.subject)) {
      payload.subject = target.subject;
    }
    if (level === 3) {
      const overdue = await this.repository.findOverdueRecipients(
        manager,
        target.senderUnitId,
        target.letterId,
        dbNow,
        OVERDUE_LISTED,
      );
      payload.overdueCount = overdue.count;
      payload.overdueRecipients = overdue.units.map((unit) => ({
        ...unit,
        name: withoutLink(unit.name),
      }));
    }
    return payload;
  }

  /** Escalations recorded, by ladder level (the metrics' gauge). */
  countByLevel(): Promise<{ level: number; count: number }[]> {
    return this.repository.countByLevel();
  }
}
