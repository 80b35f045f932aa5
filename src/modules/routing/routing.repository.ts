import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Queryable } from 'src/database/read-replica.js';
import { preparedQuery } from 'src/database/prepared-query.js';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import type { AnnotationDecision } from 'src/modules/routing/annotation.entity.js';
import type { DeliveryState } from 'src/modules/routing/delivery.entity.js';

export interface DeliveryLockRow {
  id: string;
  letterId: string;
  rootLetterId: string;
  forwardId: string;
  senderUnitId: string;
  senderPath: string;
  senderName: string;
  recipientUnitId: string;
  recipientPath: string;
  recipientName: string;
  hop: number;
  state: DeliveryState;
  sentAt: Date;
  dueAt: Date | null;
}

export interface UnitInfo {
  id: string;
  path: string;
  nameTh: string;
  kind: string;
  active: boolean;
}

export interface AnnotationRow {
  id: string;
  registerEntryId: string;
  letterId: string;
  unitId: string;
  unitName: string;
  authorUserId: string;
  authorName: string;
  authorPosition: string | null;
  text: string;
  decision: AnnotationDecision | null;
  createdAt: Date;
}

export interface ForwardRow {
  id: string;
  letterId: string;
  rootLetterId: string;
  senderUnitId: string;
  senderPath: string;
  senderName: string;
  cancelledAt: Date | null;
}

/** A forward to write; its recipient counts come from the deliveries written with it. */
export interface NewForward {
  id: string;
  letterId: string;
  rootLetterId: string;
  senderUnitId: string;
  registerEntryId: string | null;
  parentDeliveryId: string | null;
  annotationId: string | null;
  forwardedBy: string;
  createdAt: Date;
  responseDueAt: Date | null;
}

/** Who receives a forward, and the deliveries' own fields. */
export interface DeliveryBatch {
  /** The organisation the forward goes out in (forward-scope.ts): kinds are picked under it. */
  scope: { unitId: string; path: string };
  hop: number;
  dueAt: Date;
  explicitUnitIds: string[];
  childKinds: string[];
  subtreeKinds: string[];
}

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
}

export interface ProgressSummaryRow {
  deliveries: Record<DeliveryState | 'total', number>;
  units: { total: number; received: number; pending: number; returned: number; cancelled: number };
  rollup:
    { childId: string; kind: string; total: number; received: number; pending: number }[] | null;
  oldest: { unitId: string; pendingSince: string } | null;
}

export interface PendingUnitRow {
  unitId: string;
  nameTh: string;
  kind: string;
  path: string;
  pendingSince: Date;
  dueAt: Date | null;
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
  }[];
}

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
 * The target rules of a forward, as SELECTs of unit ids to UNION, their parameters pushed
 * onto `params`: explicit ids, children of the scope's organisation of given kinds, units of
 * given kinds anywhere in its subtree. Only active units.
 */
export function targetRules(
  params: unknown[],
  batch: Pick<DeliveryBatch, 'scope' | 'explicitUnitIds' | 'childKinds' | 'subtreeKinds'>,
): string[] {
  const rules: string[] = [];
  if (batch.explicitUnitIds.length > 0) {
    params.push(batch.explicitUnitIds);
    rules.push(`SELECT u.id FROM units u WHERE u.id = ANY($${params.length}::uuid[]) AND u.active`);
  }
  if (batch.childKinds.length > 0) {
    params.push(batch.scope.unitId, batch.childKinds);
    rules.push(
      `SELECT u.id FROM units u WHERE u.parent_id = $${params.length - 1} AND u.kind = ANY($${params.length}::text[]) AND u.active`,
    );
  }
  if (batch.subtreeKinds.length > 0) {
    params.push(batch.subtreeKinds, `${batch.scope.path}%`);
    rules.push(
      `SELECT u.id FROM units u WHERE u.path LIKE $${params.length} AND u.kind = ANY($${params.length - 1}::text[]) AND u.active`,
    );
  }
  return rules;
}

@Injectable()
export class RoutingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findUnits(manager: EntityManager, ids: string[]): Promise<UnitInfo[]> {
    return manager.query(
      `SELECT id, path, name_th AS "nameTh", kind, active FROM units WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The delivery by which `unitId` received `letterId` (for a re-issue that encloses it). */
  async findReceivedDelivery(
    manager: EntityManager,
    unitId: string,
    letterId: string,
  ): Promise<{ id: string; hop: number } | undefined> {
    const rows: { id: string; hop: number }[] = await manager.query(
      `SELECT id, hop FROM deliveries
        WHERE recipient_unit_id = $1 AND letter_id = $2 AND state = 'received'
        ORDER BY state_changed_at DESC LIMIT 1`,
      [unitId, letterId],
    );
    return rows[0];
  }

  async findDeliveryHop(manager: EntityManager, id: string): Promise<number | undefined> {
    const rows: { hop: number }[] = await manager.query(
      'SELECT hop FROM deliveries WHERE id = $1',
      [id],
    );
    return rows[0]?.hop;
  }

  /** Locks the delivery row until the transaction ends (registration and cancel serialise). */
  async lockDelivery(manager: EntityManager, id: string): Promise<DeliveryLockRow | undefined> {
    const rows: DeliveryLockRow[] = await manager.query(
      `SELECT d.id, d.letter_id AS "letterId", d.root_letter_id AS "rootLetterId", d.forward_id AS "forwardId",
              d.sender_unit_id AS "senderUnitId", su.path AS "senderPath", su.name_th AS "senderName",
              d.recipient_unit_id AS "recipientUnitId", ru.path AS "recipientPath", ru.name_th AS "recipientName",
              d.hop, d.state, d.sent_at AS "sentAt", d.due_at AS "dueAt"
         FROM deliveries d
         JOIN units su ON su.id = d.sender_unit_id
         JOIN units ru ON ru.id = d.recipient_unit_id
        WHERE d.id = $1
        FOR UPDATE OF d`,
      [id],
    );
    return rows[0];
  }

  async markReceived(
    manager: EntityManager,
    id: string,
    receipt: { entryId: string; number: number; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET state = 'received', receipt_entry_id = $2, receipt_number = $3, state_changed_at = $4
        WHERE id = $1`,
      [id, receipt.entryId, receipt.number, receipt.at],
    );
  }

  async setState(
    manager: EntityManager,
    id: string,
    state: DeliveryState,
    reason: string | null,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET state = $2, state_reason = $3, state_changed_at = $4 WHERE id = $1`,
      [id, state, reason, at],
    );
  }

  async lockForward(manager: EntityManager, id: string): Promise<ForwardRow | undefined> {
    const rows: ForwardRow[] = await manager.query(
      `SELECT f.id, f.letter_id AS "letterId", f.root_letter_id AS "rootLetterId",
              f.sender_unit_id AS "senderUnitId", u.path AS "senderPath", u.name_th AS "senderName",
              f.cancelled_at AS "cancelledAt"
         FROM forwards f JOIN units u ON u.id = f.sender_unit_id
        WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
    return rows[0];
  }

  /** Cancels every delivery of a forward still in one of `fromStates`; returns their recipients. */
  async cancelForwardDeliveries(
    manager: EntityManager,
    forwardId: string,
    fromStates: DeliveryState[],
    reason: string,
    at: Date,
  ): Promise<{ cancelled: string[]; untouched: number }> {
    const cancelled: { recipient_unit_id: string }[] = await manager.query(
      // Wrapped in a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH cancelled AS (
         UPDATE deliveries SET state = 'cancelled', state_reason = $3, state_changed_at = $4
          WHERE forward_id = $1 AND state = ANY($2::text[])
          RETURNING recipient_unit_id)
       SELECT recipient_unit_id FROM cancelled`,
      [forwardId, fromStates, reason, at],
    );
    await manager.query('UPDATE forwards SET cancelled_at = $2 WHERE id = $1', [forwardId, at]);
    const rest: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM deliveries WHERE forward_id = $1 AND state <> 'cancelled'`,
      [forwardId],
    );
    return { cancelled: cancelled.map((r) => r.recipient_unit_id), untouched: rest[0].count };
  }

  async insertAnnotation(
    manager: EntityManager,
    row: Omit<AnnotationRow, 'id' | 'unitName'>,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO annotations (register_entry_id, letter_id, unit_id, author_user_id, author_name, author_position,
                                text, decision, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        row.registerEntryId,
        row.letterId,
        row.unitId,
        row.authorUserId,
        row.authorName,
        row.authorPosition,
        row.text,
        row.decision,
        row.createdAt,
      ],
    );
    return rows[0].id;
  }

  async findAnnotations(manager: EntityManager, entryId: string): Promise<AnnotationRow[]> {
    return manager.query(
      `SELECT a.id, a.register_entry_id AS "registerEntryId", a.letter_id AS "letterId", a.unit_id AS "unitId",
              u.name_th AS "unitName", a.author_user_id AS "authorUserId", a.author_name AS "authorName",
              a.author_position AS "authorPosition", a.text, a.decision, a.created_at AS "createdAt"
         FROM annotations a JOIN units u ON u.id = a.unit_id
        WHERE a.register_entry_id = $1
        ORDER BY a.created_at, a.id`,
      [entryId],
    );
  }

  /**
   * One statement for the whole forward, whatever its size: resolve the targets (explicit
   * ids, children of given kinds, subtree units of given kinds), insert one delivery per
   * target, skip targets that already have this letter live from this sender (the partial
   * unique index `deliveries_live_key`), write the forward row with its counts, and answer
   * which targets were created and which skipped. Without any target nothing is written.
   * Only the target rules in use are planned; the deliveries' foreign key to the forward
   * is checked at the end of the statement, when both rows exist. A unit's forward is the
   * hottest write of a nationwide circular, so the statement is prepared per connection.
   */
  async insertForward(
    manager: EntityManager,
    forward: NewForward,
    batch: DeliveryBatch,
  ): Promise<{ created: string[]; skipped: string[] }> {
    const params: unknown[] = [
      forward.id,
      forward.letterId,
      forward.rootLetterId,
      forward.senderUnitId,
      forward.parentDeliveryId,
      forward.forwardedBy,
      forward.createdAt,
      batch.dueAt,
      batch.hop,
      forward.registerEntryId,
      forward.annotationId,
      forward.responseDueAt,
      batch.scope.unitId,
    ];
    const rules = targetRules(params, batch);
    if (rules.length === 0) return { created: [], skipped: [] };
    const rows = await preparedQuery<{ unit_id: string; created: boolean }>(
      manager,
      `WITH targets AS (
         SELECT id FROM (${rules.join(' UNION ')}) r WHERE id <> $4 AND id <> $13
       ),
       inserted AS (
         INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, parent_delivery_id,
                                 forward_id, forwarded_by, sent_at, due_at, state, state_changed_at, hop)
         SELECT $2, $3, $4, t.id, $5, $1, $6, $7, $8, 'sent', $7, $9 FROM targets t
         ON CONFLICT (letter_id, sender_unit_id, recipient_unit_id) WHERE state IN ('sent', 'received')
         DO NOTHING
         RETURNING recipient_unit_id
       ),
       counts AS (
         SELECT (SELECT count(*) FROM targets)::int AS total, (SELECT count(*) FROM inserted)::int AS created
       ),
       forward AS (
         INSERT INTO forwards (id, letter_id, root_letter_id, sender_unit_id, register_entry_id, parent_delivery_id,
                               annotation_id, forwarded_by, created_at, response_due_at, recipients_created,
                               recipients_skipped)
         SELECT $1, $2, $3, $4, $10, $5, $11, $6, $7, $12, c.created, c.total - c.created
           FROM counts c WHERE c.total > 0
       )
       SELECT t.id AS unit_id, (i.recipient_unit_id IS NOT NULL) AS created
         FROM targets t LEFT JOIN inserted i ON i.recipient_unit_id = t.id`,
      params,
    );
    const created: string[] = [];
    const skipped: string[] = [];
    for (const row of rows) (row.created ? created : skipped).push(row.unit_id);
    return { created, skipped };
  }

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
    return db.query(
      `SELECT d.id AS "deliveryId", d.letter_id AS "letterId", l.reference_raw AS "reference",
              l.letter_date_raw AS "letterDateRaw", l.speed, l.secrecy, l.subject,
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              d.sent_at AS "sentAt", d.due_at AS "dueAt", ${SPEED_RANK} AS "speedRank"
         FROM deliveries d
         JOIN letters l ON l.id = d.letter_id
         JOIN units su ON su.id = d.sender_unit_id
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
    return db.query(
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
    return db.query(
      `SELECT d.id, d.letter_id AS "letterId", d.parent_delivery_id AS "parentDeliveryId", d.hop,
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              d.recipient_unit_id AS "recipientUnitId", ru.name_th AS "recipientName", ru.kind AS "recipientKind",
              d.state, d.sent_at AS "sentAt", d.due_at AS "dueAt", d.state_changed_at AS "stateChangedAt",
              d.receipt_number AS "receiptNumber"
         FROM deliveries d
         JOIN units su ON su.id = d.sender_unit_id
         JOIN units ru ON ru.id = d.recipient_unit_id
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
   * (oldest first, keyset cursor). The deliveries are grouped by recipient id alone and
   * the units' kind and path joined afterwards: grouping by the long paths costs far more.
   */
  async findProgress(
    rootLetterId: string,
    unitPath: string,
    cursor: { since: string; unitId: string } | null,
    limit: number,

    db: Queryable = this.dataSource,
  ): Promise<ProgressSummaryRow & { pending: PendingUnitRow[] }> {
    const params: unknown[] = [
      rootLetterId,
      `${unitPath}%`,
      unitPath.length + 1,
      unitPath,
      limit + 1,
    ];
    let after = '';
    if (cursor) {
      params.push(cursor.since, cursor.unitId);
      after = 'AND (pending_since, unit_id) > ($6::timestamptz, $7::uuid)';
    }
    const rows: (ProgressSummaryRow & {
      pending: (Omit<PendingUnitRow, 'pendingSince' | 'dueAt'> & {
        pendingSince: string;
        dueAt: string | null;
      })[];
    })[] = await db.query(
      `WITH per_unit AS MATERIALIZED (
         SELECT a.*, u.kind, u.path
           FROM (SELECT d.recipient_unit_id AS unit_id, ${UNIT_STATUS} AS status,
                        min(d.sent_at) FILTER (WHERE d.state = 'sent') AS pending_since,
                        min(d.due_at) FILTER (WHERE d.state = 'sent') AS due_at,
                        count(*) FILTER (WHERE d.state = 'sent')::int AS n_sent,
                        count(*) FILTER (WHERE d.state = 'received')::int AS n_received,
                        count(*) FILTER (WHERE d.state = 'returned')::int AS n_returned,
                        count(*) FILTER (WHERE d.state = 'cancelled')::int AS n_cancelled
                   FROM deliveries d
                  WHERE d.root_letter_id = $1
                    AND d.recipient_unit_id IN (SELECT id FROM units WHERE path LIKE $2)
                  GROUP BY d.recipient_unit_id) a
           JOIN units u ON u.id = a.unit_id
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
         (SELECT json_agg(r ORDER BY r."childId", r.kind) FROM (
             SELECT split_part(substr(path, $3), '/', 1) AS "childId", kind,
                    count(*)::int AS total, count(*) FILTER (WHERE status = 'received')::int AS received,
                    count(*) FILTER (WHERE status = 'sent')::int AS pending
               FROM per_unit WHERE path <> $4
              GROUP BY 1, 2) r) AS rollup,
         (SELECT json_build_object('unitId', unit_id, 'pendingSince', pending_since)
            FROM per_unit WHERE status = 'sent' ORDER BY pending_since, unit_id LIMIT 1) AS oldest,
         (SELECT COALESCE(json_agg(json_build_object(
                    'unitId', p.unit_id, 'nameTh', u.name_th, 'kind', p.kind, 'path', p.path,
                    'pendingSince', p.pending_since, 'dueAt', p.due_at)
                  ORDER BY p.pending_since, p.unit_id), '[]')
            FROM (SELECT unit_id, kind, path, pending_since, due_at FROM per_unit
                   WHERE status = 'sent' ${after}
                   ORDER BY pending_since, unit_id LIMIT $5) p
            JOIN units u ON u.id = p.unit_id) AS pending`,
      params,
    );
    const row = rows[0];
    return {
      ...row,
      pending: row.pending.map((unit) => ({
        ...unit,
        pendingSince: new Date(unit.pendingSince),
        dueAt: unit.dueAt === null ? null : new Date(unit.dueAt),
      })),
    };
  }

  async findUnitNames(
    ids: string[],
    db: Queryable = this.dataSource,
  ): Promise<{ id: string; nameTh: string; kind: string }[]> {
    return db.query(`SELECT id, name_th AS "nameTh", kind FROM units WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
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

    db: Queryable = this.dataSource,
  ): Promise<OverdueGroupRow[]> {
    return db.query(
      `WITH page AS (
         SELECT u.id, u.name_th, u.kind, u.path, count(*)::int AS overdue
           FROM deliveries d JOIN units u ON u.id = d.recipient_unit_id
          WHERE d.state = 'sent' AND d.due_at < $2 AND u.path LIKE $1
            AND ($3::text IS NULL OR u.path > $3)
          GROUP BY u.id
          ORDER BY u.path
          LIMIT $4
       )
       SELECT p.id AS "unitId", p.name_th AS "nameTh", p.kind, p.path, p.overdue, items.items
         FROM page p
         CROSS JOIN LATERAL (
           SELECT json_agg(json_build_object(
                    'deliveryId', x.id, 'letterId', x.letter_id, 'reference', x.reference_raw,
                    'speed', x.speed, 'secrecy', x.secrecy, 'subject', x.subject,
                    'senderName', x.sender_name, 'sentAt', x.sent_at, 'dueAt', x.due_at)
                    ORDER BY x.due_at, x.id) AS items
             FROM (SELECT d.id, d.letter_id, l.reference_raw, l.speed, l.secrecy, l.subject,
                          su.name_th AS sender_name, d.sent_at, d.due_at
                     FROM deliveries d
                     JOIN letters l ON l.id = d.letter_id
                     JOIN units su ON su.id = d.sender_unit_id
                    WHERE d.recipient_unit_id = p.id AND d.state = 'sent' AND d.due_at < $2
                    ORDER BY d.due_at, d.id LIMIT $5) x
         ) items
        ORDER BY p.path`,
      [`${unitPath}%`, now, afterPath, limit + 1, perUnit],
    );
  }

  /** Deliveries not registered past their due time (the metrics' overdue gauge). */
  async countOverdue(now: Date | null): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM deliveries
        WHERE state = 'sent' AND due_at <= COALESCE($1::timestamptz, now())`,
      [now],
    );
    return rows[0].count;
  }
}
