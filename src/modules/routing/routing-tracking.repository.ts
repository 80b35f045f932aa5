import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from 'src/database/read-replica.js';
import { col, queryRows } from 'src/database/rows.js';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import {
  LEVEL_REACHED,
  type LetterBrief,
  type OverdueFilter,
  overdueFilterSql,
} from 'src/modules/routing/routing-progress.repository.js';

export interface SentLetterRow extends LetterBrief {
  rootLetterId: string;
  firstSentAt: Date;
  lastSentAt: Date;
}

export interface LevelRollupRow {
  rootLetterId: string;
  hop: number;
  total: number;
  received: number;
  pending: number;
  returned: number;
  overdue: number;
}

export interface OverdueExportRow {
  recipientName: string;
  recipientKind: string;
  reference: string | null;
  subject: string;
  speed: string;
  secrecy: string;
  senderName: string;
  sentAt: Date;
  dueAt: Date;
  level: number;
}

/**
 * The supervisor's tracking reads (ติดตาม) beyond a single letter's progress: the letters a
 * subtree sent with their roll-up per level, overdue rows for export, overdue counts by
 * escalation level, and a letter's acknowledgments over time. All set-based, over
 * routing's own tables (deliveries, forwards, progress_events).
 */
@Injectable()
export class RoutingTrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Root letters forwarded by units of the subtree whose sender the predicate lets through
   * (built with its first parameter at $2), latest forward first, keyset-paginated. The
   * letter shown is the first one the subtree forwarded (its own copy in the chain).
   */
  async findSentLetters(
    unitPath: string,
    senders: SqlPredicate,
    cursor: { lastSentAt: string; rootLetterId: string } | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<SentLetterRow[]> {
    const params: unknown[] = [`${unitPath}%`, ...senders.params];
    let having = '';
    if (cursor) {
      params.push(cursor.lastSentAt, cursor.rootLetterId);
      having = `HAVING (max(f.created_at), f.root_letter_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    return queryRows(
      db,
      'RoutingTrackingRepository.findSentLetters',
      {
        rootLetterId: col.uuid,
        letterId: col.uuid,
        reference: col.nullable(col.text),
        letterDateRaw: col.nullable(col.text),
        speed: col.text,
        secrecy: col.text,
        subject: col.text,
        firstSentAt: col.date,
        lastSentAt: col.date,
      },
      `WITH sent AS (
         SELECT f.root_letter_id, (array_agg(f.letter_id ORDER BY f.created_at))[1] AS letter_id,
                min(f.created_at) AS first_sent_at, max(f.created_at) AS last_sent_at
           FROM forwards f JOIN units_read su ON su.id = f.sender_unit_id
          WHERE su.path LIKE $1 AND ${senders.sql}
          GROUP BY f.root_letter_id ${having}
          ORDER BY max(f.created_at) DESC, f.root_letter_id DESC
          LIMIT $${params.length})
       SELECT s.root_letter_id AS "rootLetterId", s.letter_id AS "letterId",
              l.reference_raw AS "reference", l.letter_date_raw AS "letterDateRaw", l.speed,
              l.secrecy, l.subject, s.first_sent_at AS "firstSentAt", s.last_sent_at AS "lastSentAt"
         FROM sent s JOIN letters_read l ON l.id = s.letter_id
        ORDER BY s.last_sent_at DESC, s.root_letter_id DESC`,
      params,
    );
  }

  /** Per root letter and level (hop), the deliveries the subtree's units sent, by state. */
  async findLevelRollups(
    rootLetterIds: string[],
    unitPath: string,
    now: Date,
    db: Queryable = this.dataSource,
  ): Promise<LevelRollupRow[]> {
    if (rootLetterIds.length === 0) return [];
    return queryRows(
      db,
      'RoutingTrackingRepository.findLevelRollups',
      {
        rootLetterId: col.uuid,
        hop: col.int,
        total: col.int,
        received: col.int,
        pending: col.int,
        returned: col.int,
        overdue: col.int,
      },
      `SELECT d.root_letter_id AS "rootLetterId", d.hop,
              count(*) FILTER (WHERE d.state <> 'cancelled')::int AS total,
              count(*) FILTER (WHERE d.state = 'received')::int AS received,
              count(*) FILTER (WHERE d.state = 'sent')::int AS pending,
              count(*) FILTER (WHERE d.state = 'returned')::int AS returned,
              count(*) FILTER (WHERE d.state = 'sent' AND d.due_at < $3)::int AS overdue
         FROM deliveries d JOIN units_read su ON su.id = d.sender_unit_id
        WHERE d.root_letter_id = ANY($1::uuid[]) AND su.path LIKE $2
        GROUP BY d.root_letter_id, d.hop
        ORDER BY d.root_letter_id, d.hop`,
      [rootLetterIds, `${unitPath}%`, now],
    );
  }

  /** The level reached by each of these deliveries (0: not escalated yet). */
  async findLevels(deliveryIds: string[], db: Queryable = this.dataSource) {
    if (deliveryIds.length === 0) return new Map<string, number>();
    const rows = await queryRows(
      db,
      'RoutingTrackingRepository.findLevels',
      { id: col.uuid, level: col.int },
      `SELECT d.id, ${LEVEL_REACHED}::int AS level FROM unnest($1::uuid[]) AS d(id)`,
      [deliveryIds],
    );
    return new Map(rows.map((r) => [r.id, r.level] as const));
  }

  /** Overdue deliveries of a subtree as rows (the CSV export), by recipient path then due time. */
  async findOverdueRows(
    unitPath: string,
    now: Date,
    filter: OverdueFilter,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<OverdueExportRow[]> {
    const where = overdueFilterSql(filter, 4, 'l');
    return queryRows(
      db,
      'RoutingTrackingRepository.findOverdueRows',
      {
        recipientName: col.text,
        recipientKind: col.text,
        reference: col.nullable(col.text),
        subject: col.text,
        speed: col.text,
        secrecy: col.text,
        senderName: col.text,
        sentAt: col.date,
        dueAt: col.date,
        level: col.int,
      },
      `SELECT u.name_th AS "recipientName", u.kind AS "recipientKind", l.reference_raw AS "reference",
              l.subject, l.speed, l.secrecy, su.name_th AS "senderName", d.sent_at AS "sentAt",
              d.due_at AS "dueAt", ${LEVEL_REACHED}::int AS level
         FROM deliveries d
         JOIN units_read u ON u.id = d.recipient_unit_id
         JOIN letters_read l ON l.id = d.letter_id
         JOIN units_read su ON su.id = d.sender_unit_id
        WHERE d.state = 'sent' AND d.due_at < $2 AND u.path LIKE $1 ${where.sql}
        ORDER BY u.path, d.due_at, d.id
        LIMIT $3`,
      [`${unitPath}%`, now, limit, ...where.params],
    );
  }

  /** Overdue deliveries of a subtree counted by the escalation level they reached. */
  async countOverdueByLevel(
    unitPath: string,
    now: Date,
    db: Queryable = this.dataSource,
  ): Promise<{ level: number; count: number }[]> {
    return queryRows(
      db,
      'RoutingTrackingRepository.countOverdueByLevel',
      { level: col.int, count: col.int },
      `SELECT level, count(*)::int AS count
         FROM (SELECT ${LEVEL_REACHED}::int AS level
                 FROM deliveries d JOIN units_read u ON u.id = d.recipient_unit_id
                WHERE d.state = 'sent' AND d.due_at < $2 AND u.path LIKE $1) x
        GROUP BY level ORDER BY level`,
      [`${unitPath}%`, now],
    );
  }

  /**
   * A root letter's recipient units in a subtree (cancelled-only units left out), when it
   * was first sent to them, and when each first registered it, bucketed in Bangkok time by
   * hour or by day.
   */
  async findAcknowledgmentBuckets(
    rootLetterId: string,
    unitPath: string,
    by: 'hour' | 'day',
    db: Queryable = this.dataSource,
  ): Promise<{
    total: number;
    firstSentAt: Date | null;
    buckets: { at: string; count: number }[];
  }> {
    const bucket =
      by === 'hour'
        ? `date_trunc('hour', received_at AT TIME ZONE 'Asia/Bangkok')`
        : `date_trunc('day', received_at AT TIME ZONE 'Asia/Bangkok')`;
    const rows = await queryRows(
      db,
      'RoutingTrackingRepository.findAcknowledgmentBuckets',
      {
        total: col.int,
        firstSentAt: col.nullable(col.date),
        /** Bangkok wall-clock text of each bucket's start. */
        buckets: col.nullable(col.array(col.object({ at: col.text, count: col.int }))),
      },
      `WITH per_unit AS MATERIALIZED (
         SELECT d.recipient_unit_id, min(d.sent_at) AS sent_at,
                min(d.state_changed_at) FILTER (WHERE d.state = 'received') AS received_at
           FROM deliveries d
          WHERE d.root_letter_id = $1 AND d.state <> 'cancelled'
            AND d.recipient_unit_id IN (SELECT id FROM units_read WHERE path LIKE $2)
          GROUP BY d.recipient_unit_id)
       SELECT (SELECT count(*)::int FROM per_unit) AS total,
              (SELECT min(sent_at) FROM per_unit) AS "firstSentAt",
              (SELECT json_agg(json_build_object('at', b.at, 'count', b.count) ORDER BY b.at)
                 FROM (SELECT to_char(${bucket}, 'YYYY-MM-DD"T"HH24:MI:SS') AS at, count(*)::int AS count
                         FROM per_unit WHERE received_at IS NOT NULL GROUP BY 1) b) AS buckets`,
      [rootLetterId, `${unitPath}%`],
    );
    const row = rows[0];
    return { total: row.total, firstSentAt: row.firstSentAt, buckets: row.buckets ?? [] };
  }
}
