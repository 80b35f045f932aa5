import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from 'src/database/read-replica.js';
import { col, queryRows } from 'src/database/rows.js';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { DELIVERY_STATES, type DeliveryState } from 'src/modules/routing/delivery.entity.js';

/** A letter as lists show it; the service drops the subject for uncleared readers. */
export interface LetterBrief {
  letterId: string;
  reference: string | null;
  letterDateRaw: string | null;
  speed: string;
  secrecy: string;
  subject: string;
}

export interface InboxRow extends LetterBrief {
  deliveryId: string;
  senderUnitId: string;
  senderName: string;
  sentAt: Date;
  dueAt: Date | null;
  speedRank: number;
}

export interface TreeRow {
  id: string;
  letterId: string;
  parentDeliveryId: string | null;
  hop: number;
  senderUnitId: string;
  senderName: string;
  recipientUnitId: string;
  recipientName: string;
  recipientKind: string;
  state: DeliveryState;
  sentAt: Date;
  dueAt: Date | null;
  stateChangedAt: Date;
  receiptNumber: number | null;
  /** The escalation ladder stopped: nobody in the recipient unit may act on it. */
  escalationHaltedAt: Date | null;
  escalationHaltReason: string | null;
}

export interface ProgressSummaryRow {
  deliveries: Record<DeliveryState | 'total', number>;
  units: { total: number; received: number; pending: number; returned: number; cancelled: number };
  rollup:
    | {
        childId: string;
        /** The child unit's own name and kind (null if it is not a unit any longer). */
        unit: { nameTh: string; kind: string } | null;
        /** The child's subtree's recipient units by kind, by their best state. */
        byKind: {
          kind: string;
          total: number;
          received: number;
          pending: number;
          returned: number;
        }[];
      }[]
    | null;
  /** Recipient units per level of the tree (hop), by their best state. */
  levels: { level: number; total: number; received: number; pending: number; returned: number }[];
  oldest: { unitId: string; pendingSince: string } | null;
}

export interface PendingUnitRow {
  unitId: string;
  nameTh: string;
  kind: string;
  path: string;
  pendingSince: Date;
  dueAt: Date | null;
  /** The unit's oldest pending delivery (the one the ladder chases). */
  deliveryId: string;
}

export interface OverdueGroupRow {
  unitId: string;
  nameTh: string;
  kind: string;
  path: string;
  overdue: number;
  items: {
    deliveryId: string;
    letterId: string;
    reference: string | null;
    speed: string;
    secrecy: string;
    subject: string;
    senderName: string;
    sentAt: string;
    dueAt: string;
    /** Highest escalation rung reached (0: none yet). */
    level: number;
  }[];
}

/** Narrowing of the overdue list: speed class, escalation level reached, minimum age. */
export interface OverdueFilter {
  speed: Speed | null;
  level: number | null;
  minAgeHours: number | null;
}

export const NO_OVERDUE_FILTER: OverdueFilter = { speed: null, level: null, minAgeHours: null };

/**
 * The highest escalation rung a delivery `d` reached, from routing's own log: the
 * `delivery.escalated` event is written in the rung's transaction (escalation README).
 */
export const LEVEL_REACHED = `COALESCE((SELECT max(pe.level) FROM progress_events pe
  WHERE pe.delivery_id = d.id AND pe.kind = 'delivery.escalated'), 0)`;

/** `AND …` conditions over deliveries `d` and letters `l` with parameters from `$first`. */
export function overdueFilterSql(
  filter: OverdueFilter,
  first: number,
  letters: string,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let sql = '';
  if (filter.speed !== null) {
    params.push(filter.speed);
    sql += ` AND ${letters}.speed = $${first + params.length - 1}`;
  }
  if (filter.level !== null) {
    params.push(filter.level);
    sql += ` AND ${LEVEL_REACHED} = $${first + params.length - 1}`;
  }
  if (filter.minAgeHours !== null) {
    params.push(filter.minAgeHours);
    // Measured from the query's `now` (always $2).
    sql += ` AND d.sent_at <= $2::timestamptz - make_interval(secs => $${first + params.length - 1} * 3600)`;
  }
  return { sql, params };
}

const COUNT = col.int;

/** ISO timestamps inside json (json_build_object gives timestamptz as text). */
const JSON_TIME = col.text;

/**
 * Speed classes, most urgent first: the inbox order (see
 * src/modules/routing/README.md#inbox-order).
 */
const SPEED_RANK = `CASE l.speed WHEN 'most_urgent' THEN 3 WHEN 'very_urgent' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END`;

/** Per recipient unit, its best state: received beats sent beats returned beats cancelled. */
const UNIT_STATUS = `CASE WHEN bool_or(d.state = 'received') THEN 'received'
  WHEN bool_or(d.state = 'sent') THEN 'sent'
  WHEN bool_or(d.state = 'returned') THEN 'returned' ELSE 'cancelled' END`;

/**
 * All SQL of routing's reads: a unit's inbox, the delivery tree of a root letter, its
 * progress in a subtree, and what is overdue. Commands are RoutingRepository's.
 */
@Injectable()
export class RoutingProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Pending deliveries of a unit: most urgent first, then oldest, keyset-paginated, filtered. */
  async findInbox(
    unitId: string,
    cursor: { rank: number; sentAt: string; id: string } | null,
    limit: number,
    filter: { speed: Speed | null; due: 'overdue' | 'on_time' | null; now: Date },

    db: Queryable = this.dataSource,
  ): Promise<InboxRow[]> {
    const params: unknown[] = [unitId, limit + 1];
    let after = '';
    if (cursor) {
      params.push(cursor.rank, cursor.sentAt, cursor.id);
      after = `AND (${SPEED_RANK} < $3 OR (${SPEED_RANK} = $3 AND (d.sent_at, d.id) > ($4::timestamptz, $5::uuid)))`;
    }
    if (filter.speed !== null) {
      params.push(filter.speed);
      after += ` AND l.speed = $${params.length}`;
    }
    if (filter.due !== null) {
      params.push(filter.now);
      after +=
        filter.due === 'overdue'
          ? ` AND d.due_at < $${params.length}`
          : ` AND (d.due_at IS NULL OR d.due_at >= $${params.length})`;
    }
    return queryRows(
      db,
      'RoutingProgressRepository.findInbox',
      {
        deliveryId: col.uuid,
        letterId: col.uuid,
        reference: col.nullable(col.text),
        letterDateRaw: col.nullable(col.text),
        speed: col.text,
        secrecy: col.text,
        subject: col.text,
        senderUnitId: col.uuid,
        senderName: col.text,
        sentAt: col.date,
        dueAt: col.nullable(col.date),
        speedRank: col.int,
      },
      `SELECT d.id AS "deliveryId", d.letter_id AS "letterId", l.reference_raw AS "reference",
              l.letter_date_raw AS "letterDateRaw", l.speed, l.secrecy, l.subject,
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              d.sent_at AS "sentAt", d.due_at AS "dueAt", ${SPEED_RANK} AS "speedRank"
         FROM deliveries d
         JOIN letters_read l ON l.id = d.letter_id
         JOIN units_read su ON su.id = d.sender_unit_id
        WHERE d.recipient_unit_id = $1 AND d.state = 'sent' ${after}
        ORDER BY ${SPEED_RANK} DESC, d.sent_at, d.id
        LIMIT $2`,
      params,
    );
  }

  /** Deliveries per level of the root letter's tree that the predicate lets through. */
  async countTreeLevels(
    rootLetterId: string,
    visibility: SqlPredicate,

    db: Queryable = this.dataSource,
  ): Promise<{ hop: number; total: number; received: number; pending: number }[]> {
    // `visibility` was built with its first parameter at $2.
    return queryRows(
      db,
      'RoutingProgressRepository.countTreeLevels',
      { hop: col.int, total: COUNT, received: COUNT, pending: COUNT },
      `SELECT d.hop, count(*)::int AS total, count(*) FILTER (WHERE d.state = 'received')::int AS received,
              count(*) FILTER (WHERE d.state = 'sent')::int AS pending
         FROM deliveries d
        WHERE d.root_letter_id = $1 AND ${visibility.sql}
        GROUP BY d.hop ORDER BY d.hop`,
      [rootLetterId, ...visibility.params],
    );
  }

  async findTreePage(
    rootLetterId: string,
    visibility: SqlPredicate,
    options: { level: number | null; cursor: { hop: number; id: string } | null; limit: number },

    db: Queryable = this.dataSource,
  ): Promise<TreeRow[]> {
    const params: unknown[] = [rootLetterId, ...visibility.params];
    const where = [`d.root_letter_id = $1`, visibility.sql];
    if (options.level !== null) {
      params.push(options.level);
      where.push(`d.hop = $${params.length}`);
    }
    if (options.cursor) {
      params.push(options.cursor.hop, options.cursor.id);
      where.push(`(d.hop, d.id) > ($${params.length - 1}::smallint, $${params.length}::uuid)`);
    }
    params.push(options.limit + 1);
    return queryRows(
      db,
      'RoutingProgressRepository.findTreePage',
      {
        id: col.uuid,
        letterId: col.uuid,
        parentDeliveryId: col.nullable(col.uuid),
        hop: col.int,
        senderUnitId: col.uuid,
        senderName: col.text,
        recipientUnitId: col.uuid,
        recipientName: col.text,
        recipientKind: col.text,
        state: col.oneOf(...DELIVERY_STATES),
        sentAt: col.date,
        dueAt: col.nullable(col.date),
        stateChangedAt: col.date,
        receiptNumber: col.nullable(col.int),
        escalationHaltedAt: col.nullable(col.date),
        escalationHaltReason: col.nullable(col.text),
      },
      `SELECT d.id, d.letter_id AS "letterId", d.parent_delivery_id AS "parentDeliveryId", d.hop,
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              d.recipient_unit_id AS "recipientUnitId", ru.name_th AS "recipientName", ru.kind AS "recipientKind",
              d.state, d.sent_at AS "sentAt", d.due_at AS "dueAt", d.state_changed_at AS "stateChangedAt",
              d.receipt_number AS "receiptNumber", d.escalation_halted_at AS "escalationHaltedAt",
              d.escalation_halt_reason AS "escalationHaltReason"
         FROM deliveries d
         JOIN units_read su ON su.id = d.sender_unit_id
         JOIN units_read ru ON ru.id = d.recipient_unit_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.hop, d.id
        LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * A letter's progress inside a subtree, in one statement: the recipient units by their
   * best state (aggregated once), the delivery and unit totals, the roll-up per child of
   * the unit and kind, the oldest pending unit, and a page of the units still pending
   * (oldest first, keyset cursor). The units of the subtree are read once, joined to the
   * letter's deliveries, and each recipient is grouped by its id with the two short values
   * the figures need from its unit: its kind, and which child of the viewed unit it is under
   * (the segment of its path after the viewed unit's; empty for the unit itself). Grouping
   * by the long paths themselves costs far more, and joining the units a second time for
   * them read the whole units table again on every call. Each child's roll-up row carries
   * the child's own name and kind, so no second round trip reads them.
   */
  async findProgress(
    rootLetterId: string,
    unitPath: string,
    cursor: { since: string; unitId: string } | null,
    limit: number,

    db: Queryable = this.dataSource,
  ): Promise<ProgressSummaryRow & { pending: PendingUnitRow[] }> {
    const params: unknown[] = [rootLetterId, `${unitPath}%`, unitPath.length + 1, limit + 1];
    let after = '';
    if (cursor) {
      params.push(cursor.since, cursor.unitId);
      after = 'AND (pending_since, unit_id) > ($5::timestamptz, $6::uuid)';
    }
    const rows = await queryRows(
      db,
      'RoutingProgressRepository.findProgress',
      {
        deliveries: col.object({
          sent: COUNT,
          received: COUNT,
          returned: COUNT,
          cancelled: COUNT,
          total: COUNT,
        }),
        units: col.object({
          total: COUNT,
          received: COUNT,
          pending: COUNT,
          returned: COUNT,
          cancelled: COUNT,
        }),
        rollup: col.nullable(
          col.array(
            col.object({
              childId: col.text,
              unit: col.nullable(col.object({ nameTh: col.text, kind: col.text })),
              byKind: col.array(
                col.object({
                  kind: col.text,
                  total: COUNT,
                  received: COUNT,
                  pending: COUNT,
                  returned: COUNT,
                }),
              ),
            }),
          ),
        ),
        levels: col.array(
          col.object({
            level: COUNT,
            total: COUNT,
            received: COUNT,
            pending: COUNT,
            returned: COUNT,
          }),
        ),
        oldest: col.nullable(col.object({ unitId: col.uuid, pendingSince: JSON_TIME })),
        pending: col.array(
          col.object({
            unitId: col.uuid,
            nameTh: col.text,
            kind: col.text,
            path: col.text,
            pendingSince: JSON_TIME,
            dueAt: col.nullable(JSON_TIME),
            deliveryId: col.uuid,
          }),
        ),
      },
      `WITH per_unit AS MATERIALIZED (
         SELECT d.recipient_unit_id AS unit_id, split_part(substr(u.path, $3), '/', 1) AS child_id,
                u.kind, ${UNIT_STATUS} AS status,
                min(d.sent_at) FILTER (WHERE d.state = 'sent') AS pending_since,
                min(d.due_at) FILTER (WHERE d.state = 'sent') AS due_at,
                min(d.hop) AS hop,
                count(*) FILTER (WHERE d.state = 'sent')::int AS n_sent,
                count(*) FILTER (WHERE d.state = 'received')::int AS n_received,
                count(*) FILTER (WHERE d.state = 'returned')::int AS n_returned,
                count(*) FILTER (WHERE d.state = 'cancelled')::int AS n_cancelled
           FROM deliveries d
           JOIN units_read u ON u.id = d.recipient_unit_id
          WHERE d.root_letter_id = $1 AND u.path LIKE $2
          GROUP BY d.recipient_unit_id, 2, u.kind
       )
       SELECT
         (SELECT json_build_object(
             'sent', COALESCE(sum(n_sent), 0), 'received', COALESCE(sum(n_received), 0),
             'returned', COALESCE(sum(n_returned), 0), 'cancelled', COALESCE(sum(n_cancelled), 0),
             'total', COALESCE(sum(n_sent + n_received + n_returned + n_cancelled), 0))
            FROM per_unit) AS deliveries,
         (SELECT json_build_object(
             'total', count(*), 'received', count(*) FILTER (WHERE status = 'received'),
             'pending', count(*) FILTER (WHERE status = 'sent'),
             'returned', count(*) FILTER (WHERE status = 'returned'),
             'cancelled', count(*) FILTER (WHERE status = 'cancelled'))
            FROM per_unit) AS units,
         -- Per child, its unit's name and kind by one index probe (a join is planned as a
         -- scan of every unit) and its recipients per kind.
         (SELECT json_agg(json_build_object(
                    'childId', r.child_id,
                    'unit', (SELECT json_build_object('nameTh', c.name_th, 'kind', c.kind)
                               FROM units_read c WHERE c.id = r.child_id::uuid),
                    'byKind', r.by_kind) ORDER BY r.child_id)
            FROM (SELECT child_id, json_agg(json_build_object(
                           'kind', kind, 'total', total, 'received', received, 'pending', pending,
                           'returned', returned) ORDER BY kind) AS by_kind
                    FROM (SELECT child_id, kind, count(*)::int AS total,
                                 count(*) FILTER (WHERE status = 'received')::int AS received,
                                 count(*) FILTER (WHERE status = 'sent')::int AS pending,
                                 count(*) FILTER (WHERE status = 'returned')::int AS returned
                            FROM per_unit WHERE child_id <> ''
                           GROUP BY child_id, kind) k
                   GROUP BY child_id) r) AS rollup,
         (SELECT COALESCE(json_agg(r ORDER BY r.level), '[]') FROM (
             SELECT hop AS level, count(*) FILTER (WHERE status <> 'cancelled')::int AS total,
                    count(*) FILTER (WHERE status = 'received')::int AS received,
                    count(*) FILTER (WHERE status = 'sent')::int AS pending,
                    count(*) FILTER (WHERE status = 'returned')::int AS returned
               FROM per_unit GROUP BY hop) r) AS levels,
         -- The first page starts at the oldest pending unit (its first row, taken below);
         -- a later page's does not, and only then is the oldest sorted out on its own.
         ${
           cursor
             ? `(SELECT json_build_object('unitId', unit_id, 'pendingSince', pending_since)
                   FROM per_unit WHERE status = 'sent' ORDER BY pending_since, unit_id LIMIT 1)`
             : 'NULL::json'
         } AS oldest,
         (SELECT COALESCE(json_agg(json_build_object(
                    'unitId', p.unit_id, 'nameTh', u.name_th, 'kind', p.kind, 'path', u.path,
                    'pendingSince', p.pending_since, 'dueAt', p.due_at,
                    -- The unit's oldest pending delivery, looked up for the page's units only:
                    -- an ordered aggregate in per_unit sorted every recipient's deliveries.
                    'deliveryId', (SELECT o.id FROM deliveries o
                                    WHERE o.recipient_unit_id = p.unit_id AND o.state = 'sent'
                                      AND o.root_letter_id = $1
                                    ORDER BY o.sent_at, o.id LIMIT 1))
                  ORDER BY p.pending_since, p.unit_id), '[]')
            FROM (SELECT unit_id, kind, pending_since, due_at FROM per_unit
                   WHERE status = 'sent' ${after}
                   ORDER BY pending_since, unit_id LIMIT $4) p
            JOIN units_read u ON u.id = p.unit_id) AS pending`,
      params,
    );
    const row = rows[0];
    const first = row.pending[0];
    return {
      ...row,
      oldest: cursor
        ? row.oldest
        : first
          ? { unitId: first.unitId, pendingSince: first.pendingSince }
          : null,
      pending: row.pending.map((unit) => ({
        ...unit,
        pendingSince: new Date(unit.pendingSince),
        dueAt: unit.dueAt === null ? null : new Date(unit.dueAt),
      })),
    };
  }

  /**
   * Overdue deliveries (pending past due) in a subtree, grouped by recipient unit in path
   * order, a page of units at a time, each with up to `perUnit` deliveries, oldest due first.
   */
  async findOverdue(
    unitPath: string,
    now: Date,
    afterPath: string | null,
    limit: number,
    perUnit: number,
    filter: OverdueFilter = NO_OVERDUE_FILTER,
    db: Queryable = this.dataSource,
  ): Promise<OverdueGroupRow[]> {
    const where = overdueFilterSql(filter, 6, 'l');
    return queryRows(
      db,
      'RoutingProgressRepository.findOverdue',
      {
        unitId: col.uuid,
        nameTh: col.text,
        kind: col.text,
        path: col.text,
        overdue: COUNT,
        items: col.array(
          col.object({
            deliveryId: col.uuid,
            letterId: col.uuid,
            reference: col.nullable(col.text),
            speed: col.text,
            secrecy: col.text,
            subject: col.text,
            senderName: col.text,
            sentAt: JSON_TIME,
            dueAt: JSON_TIME,
            level: col.int,
          }),
        ),
      },
      `WITH page AS (
         SELECT u.id, u.name_th, u.kind, u.path, count(*)::int AS overdue
           FROM deliveries d JOIN units_read u ON u.id = d.recipient_unit_id
           JOIN letters_read l ON l.id = d.letter_id
          WHERE d.state = 'sent' AND d.due_at < $2 AND u.path LIKE $1
            AND ($3::text IS NULL OR u.path > $3) ${where.sql}
          GROUP BY u.id, u.name_th, u.kind, u.path
          ORDER BY u.path
          LIMIT $4
       )
       SELECT p.id AS "unitId", p.name_th AS "nameTh", p.kind, p.path, p.overdue, items.items
         FROM page p
         CROSS JOIN LATERAL (
           SELECT json_agg(json_build_object(
                    'deliveryId', x.id, 'letterId', x.letter_id, 'reference', x.reference_raw,
                    'speed', x.speed, 'secrecy', x.secrecy, 'subject', x.subject,
                    'senderName', x.sender_name, 'sentAt', x.sent_at, 'dueAt', x.due_at,
                    'level', x.level)
                    ORDER BY x.due_at, x.id) AS items
             FROM (SELECT d.id, d.letter_id, l.reference_raw, l.speed, l.secrecy, l.subject,
                          su.name_th AS sender_name, d.sent_at, d.due_at, ${LEVEL_REACHED} AS level
                     FROM deliveries d
                     JOIN letters_read l ON l.id = d.letter_id
                     JOIN units_read su ON su.id = d.sender_unit_id
                    WHERE d.recipient_unit_id = p.id AND d.state = 'sent' AND d.due_at < $2 ${where.sql}
                    ORDER BY d.due_at, d.id LIMIT $5) x
         ) items
        ORDER BY p.path`,
      [`${unitPath}%`, now, afterPath, limit + 1, perUnit, ...where.params],
    );
  }

  /** Deliveries not registered past their due time (the metrics' overdue gauge). */
  async countOverdue(now: Date | null): Promise<number> {
    const rows = await queryRows(
      this.dataSource,
      'RoutingProgressRepository.countOverdue',
      { count: COUNT },
      `SELECT count(*)::int AS count FROM deliveries
        WHERE state = 'sent' AND due_at <= COALESCE($1::timestamptz, now())`,
      [now],
    );
    return rows[0].count;
  }
}
