import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { decodeCursor, encodeCursor, readCreatedAtCursor } from 'src/common/cursor.js';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { logger } from 'src/logging/logger.js';
import { containsLink, withoutLink } from 'src/modules/notifications/link-check.js';
import { notificationText } from 'src/modules/notifications/notification-text.js';
import {
  EmailChannel,
  type OutboundChannel,
  WebhookChannel,
} from 'src/modules/notifications/outbound.channel.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { type JobOutcome, type JobRequest, outboxJobId } from 'src/queue/jobs.js';
import { NotificationErrors } from 'src/modules/notifications/notifications.errors.js';
import {
  type NotificationRow,
  NotificationsRepository,
} from 'src/modules/notifications/notifications.repository.js';

/** Invariant 8: no links go out (the check lives in link-check.ts). */
export { containsLink, withoutLink };

export interface NotificationPage {
  items: NotificationRow[];
  unreadCount: number;
  nextCursor: string | null;
}

/**
 * In-app notifications and outbound messages. Writers call it inside their own transaction;
 * every channel goes through the same no-links check (see
 * src/modules/notifications/README.md#no-links).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly jobs: JobQueue,
  ) {}

  async notifyUnit(
    manager: EntityManager,
    unitId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.notifyUnits(manager, [unitId], kind, payload);
  }

  /** One row per unit in one statement (a forward to 8,000 units notifies 8,000 inboxes). */
  async notifyUnits(
    manager: EntityManager,
    unitIds: string[],
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<number> {
    if (unitIds.length === 0) return 0;
    if (containsLink(payload)) throw new DomainError(NotificationErrors.NOTIFICATION_HAS_LINK);
    const ids = await this.repository.insertFor(
      manager,
      'unit_id',
      unitIds,
      kind,
      payload,
      this.clock.now(),
    );
    return ids.length;
  }

  async notifyUser(
    manager: EntityManager,
    userId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<string> {
    if (containsLink(payload)) throw new DomainError(NotificationErrors.NOTIFICATION_HAS_LINK);
    const [id] = await this.repository.insertFor(
      manager,
      'user_id',
      [userId],
      kind,
      payload,
      this.clock.now(),
    );
    return id;
  }

  /** Newest first: the user's own and those of the units they are a member of. */
  async list(
    principal: Principal,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<NotificationPage> {
    const unitIds = this.access.actingUnitIds(principal);
    const cursor = query.cursor
      ? decodeCursor(
          query.cursor,
          NotificationErrors.NOTIFICATION_CURSOR_INVALID,
          readCreatedAtCursor,
        )
      : null;
    const limit = query.limit ?? 20;
    const rows = await this.repository.findPage(principal.userId, unitIds, {
      unreadOnly: query.unread ?? false,
      cursor,
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      unreadCount: await this.repository.countUnread(principal.userId, unitIds),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([new Date(last.createdAt).toISOString(), last.id])
          : null,
    };
  }

  /** Marks one notification read (404 when it is not the user's). */
  async markRead(principal: Principal, id: string): Promise<{ marked: number }> {
    const unitIds = this.access.actingUnitIds(principal);
    if (!(await this.repository.exists(principal.userId, unitIds, id)))
      throw new DomainError(NotificationErrors.NOTIFICATION_NOT_FOUND);
    return this.mark(principal, unitIds, [id]);
  }

  async markAllRead(principal: Principal): Promise<{ marked: number }> {
    return this.mark(principal, this.access.actingUnitIds(principal), null);
  }

  private mark(principal: Principal, unitIds: string[], ids: string[] | null) {
    return this.dataSource.transaction(async (manager) => {
      const marked = await this.repository.markRead(
        manager,
        principal.userId,
        unitIds,
        ids,
        this.clock.now(),
      );
      if (marked.length > 0) {
        await this.audit.record(manager, {
          actor: this.access.actor(principal),
          action: 'notifications.read',
          subjectType: 'user',
          subjectId: principal.userId,
          data: { count: marked.length, ids: marked.slice(0, 100) },
        });
      }
      return { marked: marked.length };
    });
  }

  // ---- people and outbound channels -----------------------------------------------------------

  /**
   * In-app notifications for these users and, for enabled channels, outbox rows written
   * in the caller's transaction (invariant 2). Returns the jobs to enqueue after commit.
   */
  async notifyUsers(
    manager: EntityManager,
    userIds: string[],
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<{ notified: number; jobs: JobRequest[] }> {
    if (userIds.length === 0) return { notified: 0, jobs: [] };
    if (containsLink(payload)) throw new DomainError(NotificationErrors.NOTIFICATION_HAS_LINK);
    const now = this.clock.now();
    const { length: notified } = await this.repository.insertFor(
      manager,
      'user_id',
      userIds,
      kind,
      payload,
      now,
    );
    const jobs = await this.queueOutbound(manager, userIds, kind, payload);
    return { notified, jobs };
  }

  /**
   * Outbox rows for one event: an e-mail per user with an address (when SMTP is on), one
   * post per webhook (when on, and unless `toWebhooks` is false: a message meant for one
   * person). Text that fails the no-links check is stored as refused, logged, and never
   * sent.
   */
  async queueOutbound(
    manager: EntityManager,
    userIds: string[],
    kind: string,
    payload: Record<string, unknown>,
    { toWebhooks = true }: { toWebhooks?: boolean } = {},
  ): Promise<JobRequest[]> {
    const message = notificationText(kind, payload);
    const refused = containsLink([message.subject, message.body]);
    if (refused) {
      logger.warn({ kind }, 'outbound notification refused: it looks like it carries a link');
    }
    const rows: Parameters<NotificationsRepository['insertOutbound']>[1] = [];
    const common = {
      kind,
      subject: message.subject,
      body: message.body,
      state: refused ? ('refused' as const) : ('pending' as const),
      lastError: refused ? 'no-links check: URL-like text' : null,
    };
    if (this.email.enabled && userIds.length > 0) {
      for (const { userId, email } of await this.repository.findEmails(manager, userIds)) {
        rows.push({ channel: 'email', address: email, userId, ...common });
      }
    }
    if (this.webhook.enabled && toWebhooks) {
      for (const address of this.webhook.addresses()) {
        rows.push({ channel: 'webhook', address, userId: null, ...common });
      }
    }
    const inserted = await this.repository.insertOutbound(manager, rows, this.clock.now());
    return inserted
      .filter((row) => row.state === 'pending')
      .map((row) => ({
        name: 'notifications.outbox' as const,
        id: outboxJobId(row.id),
        data: { messageId: row.id },
      }));
  }

  /**
   * Job: send one outbox row. Claim, send, mark: the claim is one short statement that
   * commits a lease on the row, the send runs holding no transaction, row lock or pooled
   * connection (a slow SMTP server must not starve the pool the API and the other jobs
   * need), and the outcome is recorded in another short statement under the same lease.
   * Idempotent: a sent, refused or failed row, or one another sender holds, is left
   * alone; a sender that dies mid-send leaves a lease that runs out, and the sweep's
   * retry sends it then.
   */
  async deliverOutbound(messageId: string): Promise<JobOutcome> {
    const claimedAt = this.clock.now();
    const message = await this.repository.claimOutbound(
      messageId,
      claimedAt,
      new Date(claimedAt.getTime() + this.claimLeaseMs()),
    );
    if (!message) return { done: 'not pending' }; // or another sender holds it
    const finish = (state: 'sent' | 'pending' | 'failed' | 'refused', error: string | null) =>
      this.repository.finishOutbound(message.id, message.claimedUntil, {
        state,
        error,
        at: this.clock.now(),
      });
    // Checked again at the door: rows written by anything else meet the same rule.
    if (containsLink([message.subject, message.body])) {
      logger.warn({ messageId, kind: message.kind }, 'outbound message refused: URL-like text');
      await finish('refused', 'no-links check: URL-like text');
      return { done: 'refused' };
    }
    const channel: OutboundChannel = message.channel === 'email' ? this.email : this.webhook;
    if (!channel.enabled) {
      await finish('failed', `${message.channel} is off`);
      return { done: 'channel off' };
    }
    try {
      await channel.send(message.address, message);
    } catch (error) {
      const failedForGood = message.attempts + 1 >= 10;
      await finish(failedForGood ? 'failed' : 'pending', (error as Error).message.slice(0, 500));
      if (failedForGood) return { done: 'failed' };
      // Recorded as pending with the error; the job's retry (or the sweep) tries again.
      return { retryAt: new Date(Date.now() + 30_000 * (message.attempts + 1)) };
    }
    if (!(await finish('sent', null))) {
      // The lease ran out during the send and another sender took the row over.
      logger.warn({ messageId }, 'outbound message sent after its claim ran out');
      return { done: 'sent, claim lost' };
    }
    return { done: 'sent' };
  }

  /**
   * How long a claim holds a message: longer than any send can take (nodemailer applies
   * the SMTP timeout to the connection, the greeting and each answer), so two senders
   * never send the same message while the first is alive.
   */
  private claimLeaseMs(): number {
    return Math.max(5 * 60_000, 10 * this.email.timeoutMs);
  }

  /** Job: the daily digest of `date`, one per user, then their e-mails after commit. */
  async buildDigests(date: string): Promise<JobOutcome> {
    const jobs = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockDigestDay(manager, date);
      const digests = await this.repository.insertDigests(manager, date, this.clock.now());
      const requests: JobRequest[] = [];
      for (const digest of digests) {
        // A digest is one person's counts: it goes to their address, not to the webhooks,
        // which carry the system's events and would get one unnamed digest per user.
        requests.push(
          ...(await this.queueOutbound(
            manager,
            [digest.userId],
            'digest',
            { date, ...digest },
            { toWebhooks: false },
          )),
        );
      }
      return { requests, users: digests.length };
    });
    await this.jobs.addAfterCommit(jobs.requests);
    return { done: `digests for ${jobs.users} users` };
  }

  async unreadCount(principal: Principal): Promise<{ unreadCount: number }> {
    return {
      unreadCount: await this.repository.countUnread(
        principal.userId,
        this.access.actingUnitIds(principal),
      ),
    };
  }

  getPreferences(principal: Principal) {
    return this.repository.findPreferences(principal.userId);
  }

  async setPreferences(principal: Principal, prefs: { email?: string | null; digest?: boolean }) {
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.repository.upsertPreferences(
        manager,
        principal.userId,
        { email: prefs.email, digest: prefs.digest },
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'notifications.preferences',
        subjectType: 'user',
        subjectId: principal.userId,
        data: { email: saved.email !== null, digest: saved.digest },
      });
      return saved;
    });
  }
}
