import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { AccessService, REGISTRY_ROLES } from 'src/modules/auth/access.service.js';
import { type AuditActor, AuditService, SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import {
  EscalationRepository,
  type EscalationTarget,
  type HaltedDelivery,
  type PolicyRow,
} from 'src/modules/escalation/escalation.repository.js';
import { WorkingCalendar } from 'src/modules/escalation/working-calendar.js';
import { addDays } from 'src/thai/index.js';
import { SECRECY_CODES, type Speed } from 'src/modules/letters/letter.entity.js';
import { containsLink, withoutLink } from 'src/modules/notifications/link-check.js';
import { NotificationsService } from 'src/modules/notifications/notifications.service.js';
import type { Queryable } from 'src/database/read-replica.js';
import type {
  DeliveryDeadlines,
  DeliveryLadder,
} from 'src/modules/routing/delivery-time.policy.js';
import {
  MEMBERSHIP_ROLE_CODES,
  type MembershipRole,
  type SecrecyLevel,
} from 'src/modules/users/roles.js';
import type { EscalationHaltReason } from 'src/modules/routing/delivery.entity.js';
import type { ProgressEventKind } from 'src/modules/routing/progress-event.entity.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { escalationJobId, type JobOutcome, type JobRequest } from 'src/queue/jobs.js';
import { DeliveryLadderRepository } from 'src/modules/routing/delivery-ladder.repository.js';
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

/**
 * The sending unit's notice that a delivery's ladder stopped: nobody in the recipient unit
 * may act on it (in-app kind and outbound text).
 */
const HALT_NOTICE = 'delivery.unactionable';

/** The sending unit's notice that a halted ladder resumed: someone cleared may act again. */
const RESUME_NOTICE = 'delivery.escalation-resumed';

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
    private readonly ladder: DeliveryLadderRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- calendar and deadlines ---------------------------------------------------------------

  /** The working calendar as the holiday table says now (a few dozen rows). */
  async calendar(manager: Queryable = this.dataSource.manager): Promise<WorkingCalendar> {
    return this.calendarOf(await this.repository.findHolidayDates(manager));
  }

  private calendarOf(holidays: string[]): WorkingCalendar {
    return new WorkingCalendar({
      officeHours: {
        start: this.config.officeHoursStart,
        end: this.config.officeHoursEnd,
        weekdays: this.config.officeWeekdays,
      },
      holidays,
    });
  }

  private async policy(manager: EntityManager, speed: Speed): Promise<PolicyRow> {
    const policy = await this.repository.findPolicy(manager, speed);
    if (!policy) throw new Error(`no escalation policy for speed "${speed}"`);
    return policy;
  }

  /** In the forwarding transaction: the policy row and the calendar as of then. */
  async acknowledgeBy(manager: EntityManager, sentAt: Date, speed: Speed): Promise<Date> {
    // One statement: on the transaction's one connection two would be two round trips.
    const found = await this.repository.findPolicyAndHolidays(manager, speed);
    if (!found) throw new Error(`no escalation policy for speed "${speed}"`);
    const calendar = this.calendarOf(found.holidays);
    return calendar.addWorkingMinutes(calendar.nextOpening(sentAt), found.policy.ackWorkingMinutes);
  }

  /**
   * The first rung of each delivery a forward created, as its statement returned them: read
   * again after commit they would be the same rows (one more round trip), and one registered
   * meanwhile is found so by its job, as a registration after the wake-up would be.
   */
  async deliveriesCreated(deliveries: { id: string; dueAt: Date }[]): Promise<void> {
    try {
      await this.jobs.addAfterCommit(
        deliveries.map((delivery) => this.rungJob(delivery.id, 1, delivery.dueAt)),
      );
    } catch (error) {
      // The forward is committed; the sweep schedules what this could not.
      logger.warn(
        { err: (error as Error).message, deliveries: deliveries.length },
        'could not schedule wake-ups',
      );
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

  /**
   * The reconcile sweep's wake-ups for halted ladders someone may act on again without a
   * users command having resumed them: the rung each halted at, due now (its job resumes it).
   */
  async resumableJobs(
    manager: EntityManager,
    now: Date | null,
    limit: number,
  ): Promise<JobRequest[]> {
    const clearances = Object.fromEntries(
      SECRECY_CODES.map((secrecy) => [secrecy, this.access.clearancesFor(secrecy)]),
    );
    const halts = await this.repository.findResumableHalts(
      manager,
      now,
      clearances,
      [...REGISTRY_ROLES],
      limit,
    );
    return halts.map((halt) => this.rungJob(halt.deliveryId, halt.level, this.clock.now()));
  }

  /** For routing's tracking views: the last rung of each delivery (none: not escalated). */
  /** The working days among the Bangkok dates [from, to] (the tracking chart's axis). */
  async workingDays(db: Queryable, from: string, to: string): Promise<string[]> {
    const calendar = await this.calendar(db);
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day)) days.push(day);
    }
    return days;
  }

  async ladders(db: Queryable, deliveryIds: string[]): Promise<Map<string, DeliveryLadder>> {
    const rows = await this.repository.findLastRungs(db, deliveryIds);
    return new Map(rows.map(({ deliveryId, ...ladder }) => [deliveryId, ladder] as const));
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
      let target = await this.repository.lockTarget(manager, deliveryId, dbNow);
      if (!target || target.dueAt === null) return { outcome: { done: 'no such delivery' } };
      if (target.state !== 'sent') {
        if (level > 1) await this.repository.clearNextDue(manager, deliveryId, level - 1);
        return { outcome: { done: `delivery ${target.state}` } };
      }
      let resumeJobs: JobRequest[] = [];
      if (target.escalationHaltedAt !== null) {
        // Someone may act again without a users command having said so (an acting span
        // that began since): the ladder resumes here, at the rung it halted at.
        const resumed = await this.resumeFound(manager, target, level);
        if (!resumed) {
          if (level > 1) await this.repository.clearNextDue(manager, deliveryId, level - 1);
          return { outcome: { done: 'ladder halted' } };
        }
        resumeJobs = resumed.filter((job) => job.id !== escalationJobId(deliveryId, level));
        target = (await this.repository.lockTarget(manager, deliveryId, dbNow))!;
      }
      let dueAt: Date;
      if (level === 1) {
        // The due time, or when a ladder halted before level 1 resumed (the later).
        const firstDueAt = new Date(target.firstRungDueAt ?? target.dueAt!);
        if (!target.due) return { outcome: { retryAt: firstDueAt } };
        dueAt = firstDueAt;
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
      const now = this.clock.now();
      if (target.secrecy !== 'none') {
        // Checked as each rung falls due: members leave, lose their clearance or are
        // deactivated after the forward that found them. Under the unit's lock, so a
        // membership or clearance committed meanwhile is either seen here or finds this
        // halt and resumes it (resumeLadders).
        await this.repository.lockUnitActors(manager, [target.recipientUnitId]);
        const [nobody] = await this.access.unitsNobodyCanActFor(
          manager,
          [target.recipientUnitId],
          target.secrecy as SecrecyLevel,
          { now },
        );
        if (nobody) {
          const jobs = await this.halt(manager, target, level, dueAt, now, dbNow);
          return { outcome: { done: `level ${level}: ladder halted, nobody cleared` }, jobs };
        }
      }
      const nextDueAt =
        level < levels
          ? (await this.calendar(manager)).addWorkingMinutes(
              dueAt,
              policy.stepWorkingMinutes[level - 1],
            )
          : null;
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
      if (rungId === null) return { outcome: { done: 'already recorded' }, jobs: resumeJobs };
      if (level === 1) await this.ladder.markStarted(manager, deliveryId);
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
      const jobs = unitId
        ? await this.tell(manager, unitId, userIds, RUNGS[level].kind, payload, now)
        : [];
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
      jobs.push(...resumeJobs);
      return { outcome: { done: `level ${level} recorded` }, jobs };
    });
    // After the commit (invariant 2): the next rung and the outbox deliveries.
    if ('jobs' in result && result.jobs) await this.jobs.addAfterCommit(result.jobs);
    return result.outcome;
  }

  /**
   * Notifies `userIds`; when there are none, the unit's shared inbox hears it instead, and
   * it goes out like any other message — e-mail to whoever is a member of the unit in any
   * role (a shared inbox nobody opens must not swallow it) and to the webhooks. Returns
   * the outbox jobs to enqueue after the commit.
   */
  private async tell(
    manager: EntityManager,
    unitId: string,
    userIds: string[],
    kind: string,
    payload: Record<string, unknown>,
    now: Date,
  ): Promise<JobRequest[]> {
    if (userIds.length > 0) {
      return (await this.notifications.notifyUsers(manager, userIds, kind, payload)).jobs;
    }
    await this.notifications.notifyUnit(manager, unitId, kind, payload);
    const members = await this.repository.findMembers(
      manager,
      unitId,
      [...MEMBERSHIP_ROLE_CODES],
      now,
    );
    return this.notifications.queueOutbound(manager, members, kind, payload);
  }

  /**
   * Nobody in the recipient unit may act on the delivery any more (a classified letter, no
   * live clerk, head or admin cleared for it): the ladder stops here rather than remind
   * people who may not open the letter and escalate to those who cannot help. The stop (on
   * the delivery, so the sweep leaves it), its progress event, the notice to the sending
   * unit's registry and head, and the audit event commit together; a second run finds the
   * delivery halted and does nothing. The delivery stays pending: it can still be
   * registered, the sender may cancel it, and once someone cleared may act on it again the
   * ladder resumes from this rung (resumeLadders).
   */
  private async halt(
    manager: EntityManager,
    target: EscalationTarget,
    level: number,
    dueAt: Date,
    now: Date,
    dbNow: Date | null,
  ): Promise<JobRequest[]> {
    const reason: EscalationHaltReason = 'no_cleared_member';
    await this.ladder.halt(manager, target.id, reason, now);
    if (level > 1) await this.repository.clearNextDue(manager, target.id, level - 1);
    const { userIds, jobs } = await this.tellSenderOfLadder(
      manager,
      target,
      { kind: 'delivery.unactionable', notice: HALT_NOTICE, reason },
      level,
      dueAt,
      dbNow,
      now,
    );
    await this.audit.record(manager, {
      actor: SYSTEM_ACTOR,
      unitId: target.recipientUnitId,
      action: 'delivery.escalation-halted',
      subjectType: 'delivery',
      subjectId: target.id,
      data: {
        level,
        reason,
        secrecy: target.secrecy,
        dueAt: dueAt.toISOString(),
        notifiedUnitId: target.senderUnitId,
        notifiedUsers: userIds.length,
      },
    });
    return jobs;
  }

  /**
   * In the transaction of a users command after which someone may act for `unitIds` (a
   * registry membership, a raised clearance): every pending delivery to those units whose
   * ladder halted because nobody was cleared, and which someone there may now act on (the
   * halt's own rule, `unitsNobodyCanActFor`, with the qualifying rows locked until commit),
   * resumes at the rung it halted at, due now. Returns the rungs' wake-ups and the outbox
   * jobs, to enqueue after the commit.
   */
  async resumeLadders(
    manager: EntityManager,
    change: { unitIds: string[]; cause: string; userId: string; actor: AuditActor },
  ): Promise<JobRequest[]> {
    const unitIds = [...new Set(change.unitIds)];
    if (unitIds.length === 0) return [];
    await this.repository.lockUnitActors(manager, unitIds);
    const reason: EscalationHaltReason = 'no_cleared_member';
    const halted = await this.repository.lockHaltedDeliveries(manager, unitIds, reason);
    if (halted.length === 0) return [];
    const now = this.clock.now();
    const stillNobody = new Set<string>();
    for (const secrecy of new Set(halted.map((delivery) => delivery.secrecy))) {
      const units = halted
        .filter((delivery) => delivery.secrecy === secrecy)
        .map((delivery) => delivery.recipientUnitId);
      const nobody = await this.access.unitsNobodyCanActFor(
        manager,
        units,
        secrecy as SecrecyLevel,
        { now, lock: true },
      );
      for (const unitId of nobody) stillNobody.add(`${secrecy} ${unitId}`);
    }
    const jobs: JobRequest[] = [];
    for (const delivery of halted) {
      if (stillNobody.has(`${delivery.secrecy} ${delivery.recipientUnitId}`)) continue;
      jobs.push(...(await this.resume(manager, delivery, reason, change, now)));
    }
    return jobs;
  }

  /**
   * A rung's job found its delivery halted (the sweep enqueues one when someone may act on
   * it again, `findResumableHalts`): when this is the rung it halted at and the halt's rule
   * now lets someone act, the ladder resumes as a users command would have resumed it, by
   * the system. Null (nothing written) otherwise.
   */
  private async resumeFound(
    manager: EntityManager,
    target: EscalationTarget,
    level: number,
  ): Promise<JobRequest[] | null> {
    if (target.secrecy === 'none') return null;
    await this.repository.lockUnitActors(manager, [target.recipientUnitId]);
    const reason: EscalationHaltReason = 'no_cleared_member';
    const [halted] = (
      await this.repository.lockHaltedDeliveries(manager, [target.recipientUnitId], reason)
    ).filter((delivery) => delivery.id === target.id);
    if (!halted || halted.lastLevel + 1 !== level) return null;
    const now = this.clock.now();
    const [nobody] = await this.access.unitsNobodyCanActFor(
      manager,
      [target.recipientUnitId],
      target.secrecy as SecrecyLevel,
      { now, lock: true },
    );
    if (nobody) return null;
    return this.resume(
      manager,
      halted,
      reason,
      { cause: 'cleared-member-found', userId: null, actor: SYSTEM_ACTOR },
      now,
    );
  }

  /**
   * One halted ladder restarts at the rung it halted at (the one above the highest
   * recorded), due at once: the person who may now act hears of it without waiting out a
   * step the ladder spent halted, and each later rung keeps its working-time step after it.
   * The rung itself runs as any other (its job, or the sweep), so it is recorded once.
   */
  private async resume(
    manager: EntityManager,
    delivery: HaltedDelivery,
    reason: EscalationHaltReason,
    change: { cause: string; userId: string | null; actor: AuditActor },
    now: Date,
  ): Promise<JobRequest[]> {
    const dbNow = this.clock.databaseNow();
    const level = delivery.lastLevel + 1;
    const resumedAt = await this.ladder.resume(manager, delivery.id, reason, dbNow, level === 1);
    if (!resumedAt) return [];
    if (level > 1) await this.repository.rearmNextDue(manager, delivery.id, level - 1, resumedAt);
    const target = await this.repository.lockTarget(manager, delivery.id, dbNow);
    if (!target) return [];
    const { userIds, jobs } = await this.tellSenderOfLadder(
      manager,
      target,
      { kind: 'delivery.escalation-resumed', notice: RESUME_NOTICE, reason },
      level,
      resumedAt,
      dbNow,
      now,
    );
    await this.audit.record(manager, {
      actor: change.actor,
      unitId: target.recipientUnitId,
      action: 'delivery.escalation-resumed',
      subjectType: 'delivery',
      subjectId: target.id,
      data: {
        level,
        reason,
        secrecy: target.secrecy,
        dueAt: resumedAt.toISOString(),
        cause: change.cause,
        userId: change.userId,
        notifiedUnitId: target.senderUnitId,
        notifiedUsers: userIds.length,
      },
    });
    jobs.push(this.rungJob(target.id, level, resumedAt));
    return jobs;
  }

  /**
   * A ladder stopped or restarted, said where it is watched: the delivery's progress event
   * (the live tracking view) and a notice to the sending unit's clerks and head (without the
   * subject of a classified letter, as every rung's). Returns who was told and the outbox
   * jobs to enqueue after the commit.
   */
  private async tellSenderOfLadder(
    manager: EntityManager,
    target: EscalationTarget,
    change: { kind: ProgressEventKind; notice: string; reason: EscalationHaltReason },
    level: number,
    dueAt: Date,
    dbNow: Date | null,
    now: Date,
  ): Promise<{ userIds: string[]; jobs: JobRequest[] }> {
    await this.progressEvents.append(manager, [
      {
        kind: change.kind,
        rootLetterId: target.rootLetterId,
        letterId: target.letterId,
        deliveryId: target.id,
        forwardId: target.forwardId,
        senderUnitId: target.senderUnitId,
        recipientUnitId: target.recipientUnitId,
        level,
        occurredAt: now,
      },
    ]);
    const payload = {
      ...(await this.payload(manager, target, level, dueAt, dbNow, { overdueList: false })),
      reason: change.reason,
    };
    const userIds = await this.repository.findMembers(
      manager,
      target.senderUnitId,
      ['clerk', 'head'],
      now,
    );
    const jobs = await this.tell(
      manager,
      target.senderUnitId,
      userIds,
      change.notice,
      payload,
      now,
    );
    return { userIds, jobs };
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
    if (level <= 2 && target.secrecy !== 'none') {
      // A classified letter: the recipient unit's reminders go only to people cleared for
      // it (even its ที่ is not for the others). When nobody cleared holds the rung's role,
      // the cleared registry members hear it instead of the shared inbox and everyone's
      // e-mail; there is one, or the ladder would have halted.
      const clearances = this.access.clearancesFor(target.secrecy as SecrecyLevel);
      const roles = RUNGS[level].roles;
      const cleared = await this.repository.findMembers(manager, unitId, roles, now, clearances);
      return {
        unitId,
        userIds:
          cleared.length > 0
            ? cleared
            : await this.repository.findMembers(
                manager,
                unitId,
                [...REGISTRY_ROLES],
                now,
                clearances,
              ),
      };
    }
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
    options: { overdueList: boolean } = { overdueList: level === 3 },
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
    if (options.overdueList) {
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
