import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedRows } from 'src/database/prepared-query.js';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';
import type { InlineAuditSql } from 'src/modules/audit/audit.repository.js';
import {
  ANNOTATION_DECISION_CODES,
  type AnnotationDecision,
} from 'src/modules/routing/annotation.entity.js';
import { DELIVERY_STATES, type DeliveryState } from 'src/modules/routing/delivery.entity.js';
import { markProgressAppended } from 'src/modules/routing/progress-wakeups.js';

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

/** A unit as routing reads it from `units_read`. */
export const UNIT_INFO = {
  id: col.uuid,
  path: col.text,
  nameTh: col.text,
  kind: col.text,
  active: col.bool,
};

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
    rules.push(
      `SELECT u.id FROM units_read u WHERE u.id = ANY($${params.length}::uuid[]) AND u.active`,
    );
  }
  if (batch.childKinds.length > 0) {
    params.push(batch.scope.unitId, batch.childKinds);
    rules.push(
      `SELECT u.id FROM units_read u WHERE u.parent_id = $${params.length - 1} AND u.kind = ANY($${params.length}::text[]) AND u.active`,
    );
  }
  if (batch.subtreeKinds.length > 0) {
    params.push(batch.subtreeKinds, `${batch.scope.path}%`);
    rules.push(
      `SELECT u.id FROM units_read u WHERE u.path LIKE $${params.length} AND u.kind = ANY($${params.length - 1}::text[]) AND u.active`,
    );
  }
  return rules;
}

/** All SQL of routing's commands: forwards, deliveries' states, annotations. */
@Injectable()
export class RoutingRepository {
  async findUnits(manager: EntityManager, ids: string[]): Promise<UnitInfo[]> {
    return queryRows(
      manager,
      'RoutingRepository.findUnits',
      UNIT_INFO,
      `SELECT id, path, name_th AS "nameTh", kind, active FROM units_read WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The delivery by which `unitId` received `letterId` (for a re-issue that encloses it). */
  async findReceivedDelivery(
    manager: EntityManager,
    unitId: string,
    letterId: string,
  ): Promise<{ id: string; hop: number } | undefined> {
    const row = await queryFirst(
      manager,
      'RoutingRepository.findReceivedDelivery',
      { id: col.uuid, hop: col.int },
      `SELECT id, hop FROM deliveries
        WHERE recipient_unit_id = $1 AND letter_id = $2 AND state = 'received'
        ORDER BY state_changed_at DESC LIMIT 1`,
      [unitId, letterId],
    );
    return row ?? undefined;
  }

  async findDeliveryHop(manager: EntityManager, id: string): Promise<number | undefined> {
    const row = await queryFirst(
      manager,
      'RoutingRepository.findDeliveryHop',
      { hop: col.int },
      'SELECT hop FROM deliveries WHERE id = $1',
      [id],
    );
    return row?.hop;
  }

  /** Locks the delivery row until the transaction ends (registration and cancel serialise). */
  async lockDelivery(manager: EntityManager, id: string): Promise<DeliveryLockRow | undefined> {
    const row = await queryFirst(
      manager,
      'RoutingRepository.lockDelivery',
      {
        id: col.uuid,
        letterId: col.uuid,
        rootLetterId: col.uuid,
        forwardId: col.uuid,
        senderUnitId: col.uuid,
        senderPath: col.text,
        senderName: col.text,
        recipientUnitId: col.uuid,
        recipientPath: col.text,
        recipientName: col.text,
        hop: col.int,
        state: col.oneOf(...DELIVERY_STATES),
        sentAt: col.date,
        dueAt: col.nullable(col.date),
      },
      `SELECT d.id, d.letter_id AS "letterId", d.root_letter_id AS "rootLetterId", d.forward_id AS "forwardId",
              d.sender_unit_id AS "senderUnitId", su.path AS "senderPath", su.name_th AS "senderName",
              d.recipient_unit_id AS "recipientUnitId", ru.path AS "recipientPath", ru.name_th AS "recipientName",
              d.hop, d.state, d.sent_at AS "sentAt", d.due_at AS "dueAt"
         FROM deliveries d
         JOIN units_read su ON su.id = d.sender_unit_id
         JOIN units_read ru ON ru.id = d.recipient_unit_id
        WHERE d.id = $1
        FOR UPDATE OF d`,
      [id],
    );
    return row ?? undefined;
  }

  /**
   * `markReceived` as data-modifying CTEs for the statement that writes the register entry
   * (see ReceiptListener.receivedSql): `entry` is that statement's relation of the written
   * entry. The same update and event; the states come from the transition table. The
   * caller marks its transaction (markProgressAppended) when a delivery was received.
   */
  receivedSql(entry: string, fromStates: DeliveryState[]): { ctes: string; received: string } {
    // The states are the code's own constants, never input: written into the text, which
    // stays one prepared statement per connection.
    const states = fromStates.map((state) => `'${state.replace(/'/g, "''")}'`).join(', ');
    return {
      ctes: `delivery_received AS (
         UPDATE deliveries d SET state = 'received', receipt_entry_id = x.id, receipt_number = x.number,
                state_changed_at = x.registered_at
           FROM ${entry} x
          WHERE d.id = x.delivery_id AND d.state IN (${states})
          RETURNING d.id, d.letter_id, d.root_letter_id, d.forward_id, d.sender_unit_id, d.recipient_unit_id,
                    x.number, x.registered_at
       ), delivery_received_event AS (
         INSERT INTO progress_events (kind, root_letter_id, letter_id, secrecy, delivery_id, forward_id,
                                      sender_unit_id, recipient_unit_id, receipt_number, occurred_at)
         SELECT 'delivery.received', r.root_letter_id, r.letter_id, l.secrecy, r.id, r.forward_id,
                r.sender_unit_id, r.recipient_unit_id, r.number, r.registered_at
           FROM delivery_received r JOIN letters_read l ON l.id = r.letter_id
         RETURNING id
       )`,
      received: `(SELECT count(*)::int FROM delivery_received)`,
    };
  }

  /**
   * Marks a delivery received by a register entry and appends its `delivery.received`
   * progress event (with the letter's secrecy class, as ProgressEventsRepository.append
   * writes them, the readers woken after commit) in one statement. Only from
   * one of `fromStates` (the transition table's); otherwise nothing is written and the
   * answer is undefined. A registration runs it while it holds its register's counter row,
   * so it is prepared, and it reads no row it does not write.
   */
  async markReceived(
    manager: EntityManager,
    id: string,
    fromStates: DeliveryState[],
    receipt: { entryId: string; number: number; at: Date },
  ): Promise<{ state: DeliveryState } | undefined> {
    const [row] = await preparedRows(
      manager,
      'RoutingRepository.markReceived',
      { received: col.int, appended: col.int },
      `WITH received AS (
         UPDATE deliveries SET state = 'received', receipt_entry_id = $2, receipt_number = $3, state_changed_at = $4
          WHERE id = $1 AND state = ANY($5::text[])
          RETURNING id, letter_id, root_letter_id, forward_id, sender_unit_id, recipient_unit_id
       ), appended AS (
         INSERT INTO progress_events (kind, root_letter_id, letter_id, secrecy, delivery_id, forward_id,
                                      sender_unit_id, recipient_unit_id, receipt_number, occurred_at)
         SELECT 'delivery.received', r.root_letter_id, r.letter_id, l.secrecy, r.id, r.forward_id,
                r.sender_unit_id, r.recipient_unit_id, $3, $4
           FROM received r JOIN letters_read l ON l.id = r.letter_id
         RETURNING id
       )
       SELECT (SELECT count(*) FROM received)::int AS received, (SELECT count(*) FROM appended)::int AS appended`,
      [id, receipt.entryId, receipt.number, receipt.at, fromStates],
    );
    if (row.appended > 0) markProgressAppended(manager);
    return row.received === 1 ? { state: 'received' } : undefined;
  }

  async setState(
    manager: EntityManager,
    id: string,
    state: DeliveryState,
    reason: string | null,
    at: Date,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE deliveries SET state = $2, state_reason = $3, state_changed_at = $4 WHERE id = $1`,
      [id, state, reason, at],
    );
  }

  async lockForward(manager: EntityManager, id: string): Promise<ForwardRow | undefined> {
    const row = await queryFirst(
      manager,
      'RoutingRepository.lockForward',
      {
        id: col.uuid,
        letterId: col.uuid,
        rootLetterId: col.uuid,
        senderUnitId: col.uuid,
        senderPath: col.text,
        senderName: col.text,
        cancelledAt: col.nullable(col.date),
      },
      `SELECT f.id, f.letter_id AS "letterId", f.root_letter_id AS "rootLetterId",
              f.sender_unit_id AS "senderUnitId", u.path AS "senderPath", u.name_th AS "senderName",
              f.cancelled_at AS "cancelledAt"
         FROM forwards f JOIN units_read u ON u.id = f.sender_unit_id
        WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
    return row ?? undefined;
  }

  /** Cancels every delivery of a forward still in one of `fromStates`; returns their recipients. */
  async cancelForwardDeliveries(
    manager: EntityManager,
    forwardId: string,
    fromStates: DeliveryState[],
    reason: string,
    at: Date,
  ): Promise<{ cancelled: string[]; untouched: number }> {
    const cancelled = await queryRows(
      manager,
      'RoutingRepository.cancelForwardDeliveries',
      { recipient_unit_id: col.uuid },
      `WITH cancelled AS (
         UPDATE deliveries SET state = 'cancelled', state_reason = $3, state_changed_at = $4
          WHERE forward_id = $1 AND state = ANY($2::text[])
          RETURNING recipient_unit_id)
       SELECT recipient_unit_id FROM cancelled`,
      [forwardId, fromStates, reason, at],
    );
    await execute(manager, 'UPDATE forwards SET cancelled_at = $2 WHERE id = $1', [forwardId, at]);
    const rest = await queryRows(
      manager,
      'RoutingRepository.cancelForwardDeliveries.untouched',
      { count: col.int },
      `SELECT count(*)::int AS count FROM deliveries WHERE forward_id = $1 AND state <> 'cancelled'`,
      [forwardId],
    );
    return { cancelled: cancelled.map((r) => r.recipient_unit_id), untouched: rest[0].count };
  }

  /** Writes an annotation (its id made here unless given). */
  async insertAnnotation(
    manager: EntityManager,
    row: Omit<AnnotationRow, 'id' | 'unitName'> & { id?: string },
  ): Promise<string> {
    return (await this.writeAnnotation(manager, { ...row, id: row.id ?? null }, null)).id;
  }

  /**
   * Writes an annotation that is the command's only write, and in the same statement its
   * audit event (`audit`: audit's `inlineAppend` for the relation `written_annotation`, given
   * its first parameter), so a minute is one statement and its commit; `auditEventId` is the
   * event's id.
   */
  async insertAnnotationAudited(
    manager: EntityManager,
    row: Omit<AnnotationRow, 'unitName'>,
    audit: (firstParam: number, source: string) => InlineAuditSql,
  ): Promise<{ id: string; auditEventId: string | null }> {
    return this.writeAnnotation(manager, row, audit(11, 'written_annotation'));
  }

  private async writeAnnotation(
    manager: EntityManager,
    row: Omit<AnnotationRow, 'id' | 'unitName'> & { id: string | null },
    append: InlineAuditSql | null,
  ): Promise<{ id: string; auditEventId: string | null }> {
    const [written] = await preparedRows(
      manager,
      'RoutingRepository.insertAnnotation',
      { id: col.uuid, auditEventId: col.nullable(col.bigint) },
      `WITH written_annotation AS (
         INSERT INTO annotations (id, register_entry_id, letter_id, unit_id, author_user_id,
                                  author_name, author_position, text, decision, created_at)
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id
       )${append ? `, ${append.ctes}` : ''}
       SELECT id, ${append ? append.eventId : 'NULL::text'} AS "auditEventId"
         FROM written_annotation`,
      [
        row.id,
        row.registerEntryId,
        row.letterId,
        row.unitId,
        row.authorUserId,
        row.authorName,
        row.authorPosition,
        row.text,
        row.decision,
        row.createdAt,
        ...(append ? append.params : []),
      ],
    );
    return written;
  }

  async findAnnotations(manager: EntityManager, entryId: string): Promise<AnnotationRow[]> {
    return queryRows(
      manager,
      'RoutingRepository.findAnnotations',
      {
        id: col.uuid,
        registerEntryId: col.uuid,
        letterId: col.uuid,
        unitId: col.uuid,
        unitName: col.text,
        authorUserId: col.uuid,
        authorName: col.text,
        authorPosition: col.nullable(col.text),
        text: col.text,
        decision: col.nullable(col.oneOf(...ANNOTATION_DECISION_CODES)),
        createdAt: col.date,
      },
      `SELECT a.id, a.register_entry_id AS "registerEntryId", a.letter_id AS "letterId", a.unit_id AS "unitId",
              u.name_th AS "unitName", a.author_user_id AS "authorUserId", a.author_name AS "authorName",
              a.author_position AS "authorPosition", a.text, a.decision, a.created_at AS "createdAt"
         FROM annotations a JOIN units_read u ON u.id = a.unit_id
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
   * which targets were created and which skipped; with any target it also logs the
   * forward's progress event (`forward.sent`, the count created), as
   * `ProgressEventsRepository.append` would. Without any target nothing is written.
   * Only the target rules in use are planned; the deliveries' foreign key to the forward
   * is checked at the end of the statement, when both rows exist. A unit's forward is the
   * hottest write of a nationwide circular, so the statement is prepared per connection.
   */
  async insertForward(
    manager: EntityManager,
    forward: NewForward,
    batch: DeliveryBatch,
  ): Promise<{ created: string[]; skipped: string[]; deliveryIds: string[] }> {
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
    if (rules.length === 0) return { created: [], skipped: [], deliveryIds: [] };
    const rows = await preparedRows(
      manager,
      'RoutingRepository.insertForward',
      { unit_id: col.uuid, delivery_id: col.nullable(col.uuid) },
      `WITH targets AS (
         SELECT id FROM (${rules.join(' UNION ')}) r WHERE id <> $4 AND id <> $13
       ),
       inserted AS (
         INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, parent_delivery_id,
                                 forward_id, forwarded_by, sent_at, due_at, state, state_changed_at, hop)
         SELECT $2, $3, $4, t.id, $5, $1, $6, $7, $8, 'sent', $7, $9 FROM targets t
         ON CONFLICT (letter_id, sender_unit_id, recipient_unit_id) WHERE state IN ('sent', 'received')
         DO NOTHING
         RETURNING recipient_unit_id, id
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
       ),
       sent_event AS (
         -- The forward's progress event (as ProgressEventsRepository.append writes it), in
         -- this statement rather than one more round trip of the transaction.
         INSERT INTO progress_events (kind, root_letter_id, letter_id, secrecy, forward_id,
                                      sender_unit_id, count, occurred_at)
         SELECT 'forward.sent', $3, $2, l.secrecy, $1, $4, c.created, $7
           FROM counts c JOIN letters_read l ON l.id = $2
          WHERE c.total > 0
       )
       SELECT t.id AS unit_id, i.id AS delivery_id
         FROM targets t LEFT JOIN inserted i ON i.recipient_unit_id = t.id`,
      params,
    );
    const created: string[] = [];
    const skipped: string[] = [];
    const deliveryIds: string[] = [];
    for (const row of rows) {
      if (row.delivery_id === null) skipped.push(row.unit_id);
      else {
        created.push(row.unit_id);
        deliveryIds.push(row.delivery_id);
      }
    }
    // The statement logged the forward's progress event: wake the readers after commit.
    if (rows.length > 0) markProgressAppended(manager);
    return { created, skipped, deliveryIds };
  }
}
