import { Injectable } from '@nestjs/common';
import { Clock } from 'src/common/clock.js';
import { decodeCursor, encodeCursor, isInstant, isUuid } from 'src/common/cursor.js';
import { DomainError } from 'src/common/domain-error.js';
import type { EntityManager } from 'typeorm';
import { ReadReplica } from 'src/database/read-replica.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import type { SecrecyLevel } from 'src/modules/users/roles.js';
import { DeliveryTimePolicy } from 'src/modules/routing/delivery-time.policy.js';
import type {
  AcknowledgmentSeriesQuery,
  OverdueFilterQuery,
  PageQuery,
} from 'src/modules/routing/routing.dto.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import { overdueFilter } from 'src/modules/routing/routing-progress.service.js';
import {
  type LevelRollupRow,
  RoutingTrackingRepository,
} from 'src/modules/routing/routing-tracking.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { findVisibleUnit } from 'src/modules/routing/visible-unit.js';
import { addDays, bangkokDate, bangkokTime, formatThaiDate } from 'src/thai/index.js';

/** Most rows one CSV export carries; a larger subtree narrows with the filters. */
export const OVERDUE_EXPORT_LIMIT = 10_000;
/** Escalation levels shown in the overdue-by-level chart: 0 (not yet) to the ladder's top. */
const LEVELS = [0, 1, 2, 3, 4];
/** Days looked past the chart's last day for the working day a day-off receipt counts on. */
const WORKING_DAY_LOOKAHEAD = 31;

const SPEED_TH: Record<string, string> = {
  none: 'ปกติ',
  urgent: 'ด่วน',
  very_urgent: 'ด่วนมาก',
  most_urgent: 'ด่วนที่สุด',
};

const EXPORT_HEADER = [
  'หน่วยงานที่ยังไม่ลงรับ',
  'ที่หนังสือ',
  'เรื่อง',
  'ชั้นความเร็ว',
  'ผู้ส่ง',
  'วันเวลาที่ส่ง',
  'กำหนดลงรับ',
  'ค้างมา (ชั่วโมง)',
  'เลยกำหนด (ชั่วโมง)',
  'ระดับการเร่งรัด',
];

/**
 * The supervisor's tracking (ติดตาม) beyond one letter's progress: what a subtree sent and
 * how far each level got, the overdue list as CSV, overdue counts by escalation level, and
 * a letter's acknowledgments over time. Same access rules as the progress views: the unit
 * must be visible, the letter must be visible (404 otherwise), subjects above the reader's
 * clearance are left out.
 */
@Injectable()
export class RoutingTrackingService {
  constructor(
    private readonly repository: RoutingTrackingRepository,
    private readonly routing: RoutingRepository,
    private readonly letters: LettersService,
    private readonly access: AccessService,
    private readonly time: DeliveryTimePolicy,
    private readonly clock: Clock,
    private readonly reads: ReadReplica,
  ) {}

  private visibleUnit(principal: Principal, unitId: string, db: EntityManager) {
    return findVisibleUnit(this.routing, this.access, principal, unitId, db);
  }

  private defaultUnit(principal: Principal, unitId: string | undefined): string {
    if (unitId) return unitId;
    const units = this.access.actingUnitIds(principal);
    if (units.length !== 1) throw new DomainError(RoutingErrors.ROUTING_UNIT_REQUIRED);
    return units[0];
  }

  private subjectFor(principal: Principal, secrecy: string, subject: string): string | undefined {
    return this.access.canSeeSecrecy(principal, secrecy as SecrecyLevel) ? subject : undefined;
  }

  /**
   * Letters the unit or its subtree forwarded (only senders the reader sees), latest
   * first, each with the roll-up of what the subtree sent per level of the tree: level 1
   * is the first hop the subtree sent.
   */
  async sentLetters(principal: Principal, unitId: string, query: PageQuery) {
    const db = await this.reads.for(principal.userId);
    const unit = await this.visibleUnit(principal, unitId, db);
    const limit = query.limit ?? 20;
    const cursor = query.cursor
      ? decodeCursor(query.cursor, RoutingErrors.ROUTING_CURSOR_INVALID, (v) =>
          Array.isArray(v) && v.length === 2 && isInstant(v[0]) && isUuid(v[1])
            ? { lastSentAt: v[0], rootLetterId: v[1] }
            : null,
        )
      : null;
    const senders = this.access.visibleUnitsPredicate(
      principal,
      { unitIdColumn: 'f.sender_unit_id', unitPathColumn: 'su.path' },
      2,
    );
    const rows = await this.repository.findSentLetters(unit.path, senders, cursor, limit, db);
    const page = rows.slice(0, limit);
    const now = this.clock.now();
    const rollups = await this.repository.findLevelRollups(
      page.map((r) => r.rootLetterId),
      unit.path,
      now,
      db,
    );
    const byRoot = new Map<string, LevelRollupRow[]>();
    for (const r of rollups) byRoot.set(r.rootLetterId, [...(byRoot.get(r.rootLetterId) ?? []), r]);
    const last = page[page.length - 1];
    return {
      unitId: unit.id,
      asOf: now.toISOString(),
      items: page.map((row) => {
        const levels = byRoot.get(row.rootLetterId) ?? [];
        const first = levels[0]?.hop ?? 1;
        const sum = (key: 'total' | 'received' | 'pending' | 'returned' | 'overdue') =>
          levels.reduce((n, l) => n + l[key], 0);
        return {
          rootLetterId: row.rootLetterId,
          letterId: row.letterId,
          reference: row.reference,
          speed: row.speed,
          secrecy: row.secrecy,
          subject: this.subjectFor(principal, row.secrecy, row.subject),
          firstSentAt: row.firstSentAt.toISOString(),
          lastSentAt: row.lastSentAt.toISOString(),
          totals: {
            total: sum('total'),
            received: sum('received'),
            pending: sum('pending'),
            returned: sum('returned'),
            overdue: sum('overdue'),
          },
          levels: levels.map((l) => ({
            level: l.hop - first + 1,
            total: l.total,
            received: l.received,
            pending: l.pending,
            returned: l.returned,
            overdue: l.overdue,
          })),
        };
      }),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.lastSentAt.toISOString(), last.rootLetterId])
          : null,
    };
  }

  /** Overdue deliveries under a unit, filtered, as CSV (UTF-8 with BOM so Excel reads Thai). */
  async overdueCsv(principal: Principal, unitId: string, query: OverdueFilterQuery) {
    const db = await this.reads.for(principal.userId);
    const unit = await this.visibleUnit(principal, unitId, db);
    const now = this.clock.now();
    const rows = await this.repository.findOverdueRows(
      unit.path,
      now,
      overdueFilter(query),
      OVERDUE_EXPORT_LIMIT,
      db,
    );
    const lines = [EXPORT_HEADER];
    for (const row of rows) {
      lines.push([
        row.recipientName,
        row.reference ?? '',
        this.subjectFor(principal, row.secrecy, row.subject) ?? '(ชั้นความลับสูงกว่าสิทธิ์)',
        SPEED_TH[row.speed] ?? row.speed,
        row.senderName,
        thaiDateTime(new Date(row.sentAt)),
        thaiDateTime(new Date(row.dueAt)),
        String(this.time.ageHours(new Date(row.sentAt), now)),
        String(this.time.ageHours(new Date(row.dueAt), now)),
        String(row.level),
      ]);
    }
    return {
      filename: `overdue-${bangkokDate(now)}.csv`,
      body: '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n',
    };
  }

  /** Overdue deliveries under a unit by the escalation level they reached (0 to 4). */
  async overdueByLevel(principal: Principal, unitId: string) {
    const db = await this.reads.for(principal.userId);
    const unit = await this.visibleUnit(principal, unitId, db);
    const now = this.clock.now();
    const counts = new Map(
      (await this.repository.countOverdueByLevel(unit.path, now, db)).map(
        (r) => [r.level, r.count] as const,
      ),
    );
    const levels = LEVELS.map((level) => ({ level, count: counts.get(level) ?? 0 }));
    return {
      unitId: unit.id,
      asOf: now.toISOString(),
      total: levels.reduce((n, l) => n + l.count, 0),
      levels,
    };
  }

  /**
   * Cumulative share of a subtree's recipient units that registered the letter, by hour
   * or by working day (Bangkok time): days without office hours (weekends) are left out
   * unless someone registered on them.
   */
  async acknowledgmentSeries(
    principal: Principal,
    letterId: string,
    query: AcknowledgmentSeriesQuery,
  ) {
    const db = await this.reads.for(principal.userId);
    const letter = await this.letters.findVisible(db, principal, letterId);
    const unit = await this.visibleUnit(principal, this.defaultUnit(principal, query.unitId), db);
    const by = query.by ?? 'hour';
    const raw = await this.repository.findAcknowledgmentBuckets(
      letter.rootLetterId,
      unit.path,
      by,
      db,
    );
    const points =
      by === 'day'
        ? await this.workingDayPoints(db, raw.buckets, raw.total, raw.firstSentAt)
        : cumulative(
            raw.buckets.map((b) => ({
              date: b.at.slice(0, 10),
              at: b.at,
              workingDay: null,
              count: b.count,
            })),
            raw.total,
          );
    return {
      rootLetterId: letter.rootLetterId,
      unitId: unit.id,
      by,
      total: raw.total,
      firstSentAt: raw.firstSentAt?.toISOString() ?? null,
      points,
    };
  }

  /**
   * The chart by working day: an axis of working days (the escalation module's calendar:
   * weekends and holidays take no room), from the first working day at or after the letter
   * was sent to the last day with a receipt, or to today while units are still pending,
   * including the days nobody registered it. A receipt made on a day off counts on the next
   * working day: it was not there by the end of the one before.
   */
  private async workingDayPoints(
    db: EntityManager,
    buckets: { at: string; count: number }[],
    total: number,
    firstSentAt: Date | null,
  ) {
    if (firstSentAt === null) return [];
    const from = bangkokDate(firstSentAt);
    const today = bangkokDate(this.clock.now());
    const lastReceipt = buckets.length > 0 ? buckets[buckets.length - 1].at.slice(0, 10) : from;
    const received = buckets.reduce((sum, b) => sum + b.count, 0);
    const pending = received < total;
    const until = pending && today > lastReceipt ? today : lastReceipt;
    // Past `until` only to find the working day a day-off receipt counts on.
    const days = await this.time.workingDays(db, from, addDays(until, WORKING_DAY_LOOKAHEAD));
    const countsOn = (date: string) => days.find((day) => day >= date);
    let end = buckets.length > 0 ? countsOn(lastReceipt) : days[0];
    if (pending) {
      // Still waiting: the days up to today belong on the chart, received on or not.
      const lastSoFar = days.filter((day) => day <= today).pop();
      if (lastSoFar !== undefined && (end === undefined || lastSoFar > end)) end = lastSoFar;
    }
    const axis = end === undefined ? [] : days.filter((day) => day <= end);
    const counts = new Map(axis.map((day) => [day, 0]));
    for (const bucket of buckets) {
      const day = countsOn(bucket.at.slice(0, 10));
      if (day !== undefined && counts.has(day)) counts.set(day, counts.get(day)! + bucket.count);
    }
    return cumulative(
      axis.map((date, index) => ({
        date,
        at: `${date}T00:00:00`,
        workingDay: index + 1,
        count: counts.get(date)!,
      })),
      total,
    );
  }
}

/** Points of the acknowledgment chart: each bucket with the running total and its share. */
function cumulative(
  buckets: { date: string; at: string; workingDay: number | null; count: number }[],
  total: number,
) {
  let received = 0;
  return buckets.map((b) => {
    received += b.count;
    return {
      at: new Date(`${b.at}+07:00`).toISOString(),
      date: b.date,
      workingDay: b.workingDay,
      count: b.count,
      received,
      share: total === 0 ? 0 : Math.round((received / total) * 1000) / 1000,
    };
  });
}

function thaiDateTime(instant: Date): string {
  return `${formatThaiDate(bangkokDate(instant), { style: 'register', digits: 'arabic' })} ${bangkokTime(instant)}`;
}

/** One CSV cell: quoted, and a leading formula character defused (the file opens in Excel). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
