import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadReplica } from 'src/database/read-replica.js';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import { decodeCursor, encodeCursor, isInstant, isUuid } from 'src/common/cursor.js';
import { DeliveryTimePolicy } from 'src/modules/routing/delivery-time.policy.js';
import type {
  InboxQuery,
  OverdueQuery,
  ProgressQuery,
  TreeQuery,
} from 'src/modules/routing/routing.dto.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import {
  type LetterBrief,
  type OverdueFilter,
  RoutingProgressRepository,
} from 'src/modules/routing/routing-progress.repository.js';

/** The overdue list's filters as the repository takes them. */
export function overdueFilter(query: {
  speed?: OverdueFilter['speed'];
  level?: number;
  minAgeHours?: number;
}): OverdueFilter {
  return {
    speed: query.speed ?? null,
    level: query.level ?? null,
    minAgeHours: query.minAgeHours ?? null,
  };
}
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { findVisibleUnit } from 'src/modules/routing/visible-unit.js';
import type { SecrecyLevel } from 'src/modules/users/roles.js';

/**
 * Routing's reads: a unit's inbox, and the supervisor's views: the delivery tree of a root
 * letter, its acknowledgment progress in a unit's subtree, and everything overdue under a
 * unit. Every figure is one set-based query over the deliveries of one root letter (or the
 * pending-due index). Commands are RoutingService's.
 */
@Injectable()
export class RoutingProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RoutingProgressRepository,
    private readonly routing: RoutingRepository,
    private readonly letters: LettersService,
    private readonly access: AccessService,
    private readonly time: DeliveryTimePolicy,
    private readonly clock: Clock,
    private readonly reads: ReadReplica,
  ) {}

  /** The letter as a list shows it: no subject for a reader without the clearance. */
  private brief<T extends LetterBrief>(
    principal: Principal,
    row: T,
  ): Omit<T, 'subject'> & {
    subject?: string;
  } {
    if (this.access.canSeeSecrecy(principal, row.secrecy as SecrecyLevel)) return row;
    const { subject: _hidden, ...rest } = row;
    void _hidden;
    return rest;
  }

  /** Deliveries not registered past their due time, nationwide (the metrics' gauge). */
  countOverdue(): Promise<number> {
    return this.repository.countOverdue(this.clock.databaseNow());
  }

  private visibleUnit(principal: Principal, unitId: string, db: EntityManager) {
    return findVisibleUnit(this.routing, this.access, principal, unitId, db);
  }

  /** The tree of the letter's root, level by level: deliveries whose sender or recipient the principal sees. */
  async tree(principal: Principal, letterId: string, query: TreeQuery) {
    const db = await this.reads.for(principal.userId);
    const letter = await this.letters.findVisible(db, principal, letterId);
    const visible = (column: string) =>
      this.access.visibleUnitsPredicate(principal, { unitIdColumn: column }, 2).sql;
    const { params } = this.access.visibleUnitsPredicate(principal, { unitIdColumn: 'x' }, 2);
    const visibility = {
      sql: `(${visible('d.recipient_unit_id')} OR ${visible('d.sender_unit_id')})`,
      params,
    };
    const limit = query.limit ?? 50;
    const cursor = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && isUuid(v[1])
            ? { hop: v[0] as number, id: v[1] }
            : null,
        )
      : null;
    const [levels, rows] = await Promise.all([
      this.repository.countTreeLevels(letter.rootLetterId, visibility, db),
      this.repository.findTreePage(
        letter.rootLetterId,
        visibility,
        { level: query.level ?? null, cursor, limit },
        db,
      ),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      rootLetterId: letter.rootLetterId,
      levels: levels.map((l) => ({ level: l.hop, ...l, hop: undefined })),
      items: items.map(({ hop, ...row }) => ({ level: hop, ...row })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.hop, last.id]) : null,
    };
  }

  /**
   * Progress of the letter's root inside a unit's subtree: deliveries per state, recipient
   * units per state (a unit that got it twice counts once, by its best state), a roll-up
   * per child of the unit and recipient kind, the oldest pending, and a page of the units
   * that have not yet registered it.
   */
  async progress(principal: Principal, letterId: string, query: ProgressQuery) {
    const db = await this.reads.for(principal.userId);
    const letter = await this.letters.findVisible(db, principal, letterId);
    const unitId = query.unitId ?? this.defaultUnit(principal);
    const unit = await this.visibleUnit(principal, unitId, db);
    const limit = query.limit ?? 50;
    const cursor = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) && v.length === 2 && isInstant(v[0]) && isUuid(v[1])
            ? { since: v[0], unitId: v[1] }
            : null,
        )
      : null;
    const summary = await this.repository.findProgress(
      letter.rootLetterId,
      unit.path,
      cursor,
      limit,
      db,
    );
    const pending = summary.pending;
    const children = (summary.rollup ?? []).map(({ childId, unit: child, byKind }) => ({
      unitId: childId,
      nameTh: child?.nameTh ?? null,
      kind: child?.kind ?? null,
      total: byKind.reduce((n, r) => n + r.total, 0),
      received: byKind.reduce((n, r) => n + r.received, 0),
      pending: byKind.reduce((n, r) => n + r.pending, 0),
      returned: byKind.reduce((n, r) => n + r.returned, 0),
      byKind: byKind.map(({ kind, total, received, pending: p }) => ({
        kind,
        total,
        received,
        pending: p,
      })),
    }));
    const now = this.clock.now();
    const items = pending.slice(0, limit);
    const last = items[items.length - 1];
    const ladders = await this.time.nextEscalations(db, items);
    return {
      rootLetterId: letter.rootLetterId,
      unit: { id: unit.id, nameTh: unit.nameTh, kind: unit.kind },
      deliveries: summary.deliveries,
      units: summary.units,
      levels: summary.levels,
      children,
      oldestPending: summary.oldest
        ? {
            unitId: summary.oldest.unitId,
            pendingSince: new Date(summary.oldest.pendingSince).toISOString(),
            ageHours: this.time.ageHours(new Date(summary.oldest.pendingSince), now),
          }
        : null,
      notReceived: {
        items: items.map((row) => ({
          unitId: row.unitId,
          nameTh: row.nameTh,
          kind: row.kind,
          deliveryId: row.deliveryId,
          pendingSince: row.pendingSince,
          dueAt: row.dueAt,
          ageHours: this.time.ageHours(new Date(row.pendingSince), now),
          overdue: row.dueAt !== null && row.dueAt < now,
          escalationLevel: ladders.get(row.deliveryId)?.level ?? 0,
          nextEscalationAt: ladders.get(row.deliveryId)?.nextAt?.toISOString() ?? null,
        })),
        nextCursor:
          pending.length > limit && last
            ? encodeCursor([new Date(last.pendingSince).toISOString(), last.unitId])
            : null,
      },
    };
  }

  /** Every overdue delivery (pending past due) under a unit, grouped by recipient unit. */
  async overdue(principal: Principal, unitId: string, query: OverdueQuery) {
    const db = await this.reads.for(principal.userId);
    const unit = await this.visibleUnit(principal, unitId, db);
    const limit = Math.min(query.limit ?? 50, 200);
    const cursor = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? v[0] : null,
        )
      : null;
    const now = this.clock.now();
    const rows = await this.repository.findOverdue(
      unit.path,
      now,
      cursor,
      limit,
      50,
      overdueFilter(query),
      db,
    );
    const groups = rows.slice(0, limit);
    const ladders = await this.time.nextEscalations(
      db,
      groups.flatMap((g) => g.items),
    );
    const last = groups[groups.length - 1];
    return {
      unitId: unit.id,
      asOf: now.toISOString(),
      groups: groups.map((g) => ({
        unitId: g.unitId,
        nameTh: g.nameTh,
        kind: g.kind,
        overdue: g.overdue,
        items: g.items.map((item) => ({
          ...this.brief(principal, { ...item, letterDateRaw: null }),
          letterDateRaw: undefined,
          ageHours: this.time.ageHours(new Date(item.sentAt), now),
          overdueHours: this.time.ageHours(new Date(item.dueAt), now),
          nextEscalationAt: ladders.get(item.deliveryId)?.nextAt?.toISOString() ?? null,
        })),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.path]) : null,
    };
  }

  private defaultUnit(principal: Principal): string {
    const units = this.access.actingUnitIds(principal);
    if (units.length !== 1) throw new DomainError(RoutingErrors.ROUTING_UNIT_REQUIRED);
    return units[0];
  }

  // ---- the inbox ---------------------------------------------------------------------------

  /** Pending deliveries of a unit, most urgent first, then oldest first. */
  async inbox(principal: Principal, unitId: string, query: InboxQuery) {
    if (!(await this.access.canSeeUnit(principal, unitId)))
      throw new DomainError(RoutingErrors.DELIVERY_NOT_FOUND);
    const limit = query.limit ?? 50;
    const cursor = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) &&
          v.length === 3 &&
          Number.isInteger(v[0]) &&
          isInstant(v[1]) &&
          isUuid(v[2])
            ? { rank: v[0] as number, sentAt: v[1], id: v[2] }
            : null,
        )
      : null;
    const rows = await this.repository.findInbox(
      unitId,
      cursor,
      limit,
      { speed: query.speed ?? null, due: query.due ?? null, now: this.clock.now() },
      await this.reads.for(principal.userId),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const now = this.clock.now();
    return {
      unitId,
      items: items.map(({ speedRank: _rank, ...row }) => {
        void _rank;
        return {
          ...this.brief(principal, row),
          ageHours: this.time.ageHours(new Date(row.sentAt), now),
          overdue: row.dueAt !== null && new Date(row.dueAt) < now,
        };
      }),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.speedRank, new Date(last.sentAt).toISOString(), last.deliveryId])
          : null,
    };
  }
}
