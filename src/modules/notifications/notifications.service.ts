import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { NotificationErrors } from 'src/modules/notifications/notifications.errors.js';
import {
  type NotificationRow,
  NotificationsRepository,
} from 'src/modules/notifications/notifications.repository.js';

/** Invariant 8: no links go out. Anything that looks like one refuses the notification. */
const LINK_PATTERN = /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]+\.(?:com|net|org|go\.th|co\.th|ly|me)\b/i;

export function containsLink(value: unknown): boolean {
  if (typeof value === 'string') return LINK_PATTERN.test(value);
  if (Array.isArray(value)) return value.some(containsLink);
  if (value && typeof value === 'object') return Object.values(value).some(containsLink);
  return false;
}

export interface NotificationPage {
  items: NotificationRow[];
  unreadCount: number;
  nextCursor: string | null;
}

/**
 * In-app notifications. Writers call it inside their own transaction; the escalation
 * work will add outbound channels behind the same no-links check.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
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
    return this.repository.insertForUnits(manager, unitIds, kind, payload, this.clock.now());
  }

  async notifyUser(
    manager: EntityManager,
    userId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<string> {
    if (containsLink(payload)) throw new DomainError(NotificationErrors.NOTIFICATION_HAS_LINK);
    return this.repository.insertForUser(manager, userId, kind, payload, this.clock.now());
  }

  /** Newest first: the user's own and those of the units they are a member of. */
  async list(
    principal: Principal,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<NotificationPage> {
    const unitIds = this.access.actingUnitIds(principal);
    let cursor: { createdAt: string; id: string } | null = null;
    if (query.cursor) {
      try {
        const [createdAt, id] = JSON.parse(
          Buffer.from(query.cursor, 'base64url').toString('utf8'),
        ) as [string, string];
        if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id))
          throw new Error('bad cursor');
        cursor = { createdAt, id };
      } catch {
        throw new DomainError(NotificationErrors.NOTIFICATION_CURSOR_INVALID);
      }
    }
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
          ? Buffer.from(JSON.stringify([new Date(last.createdAt).toISOString(), last.id])).toString(
              'base64url',
            )
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
}
