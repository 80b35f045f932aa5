import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, queryRows } from 'src/database/rows.js';
import {
  PROGRESS_EVENT_KINDS,
  type ProgressEventKind,
} from 'src/modules/routing/progress-event.entity.js';
import { markProgressAppended } from 'src/modules/routing/progress-wakeups.js';

export interface NewProgressEvent {
  kind: ProgressEventKind;
  rootLetterId: string;
  letterId: string;
  deliveryId?: string | null;
  forwardId?: string | null;
  senderUnitId: string;
  recipientUnitId?: string | null;
  level?: number | null;
  receiptNumber?: number | null;
  count?: number | null;
  occurredAt: Date;
}

/** An event as readers get it: with the units' paths (for access) and names (for display). */
export interface ProgressEventRow {
  id: number;
  kind: ProgressEventKind;
  rootLetterId: string;
  letterId: string;
  secrecy: string;
  deliveryId: string | null;
  forwardId: string | null;
  senderUnitId: string;
  senderPath: string;
  senderName: string;
  recipientUnitId: string | null;
  recipientPath: string | null;
  recipientName: string | null;
  recipientKind: string | null;
  level: number | null;
  receiptNumber: number | null;
  count: number | null;
  occurredAt: Date;
}

const EVENT_COLUMNS = `e.id::float8 AS id, e.kind, e.root_letter_id AS "rootLetterId", e.letter_id AS "letterId",
  e.secrecy, e.delivery_id AS "deliveryId", e.forward_id AS "forwardId",
  e.sender_unit_id AS "senderUnitId", su.path AS "senderPath", su.name_th AS "senderName",
  e.recipient_unit_id AS "recipientUnitId", ru.path AS "recipientPath", ru.name_th AS "recipientName",
  ru.kind AS "recipientKind", e.level, e.receipt_number AS "receiptNumber", e.count,
  e.occurred_at AS "occurredAt"`;

const EVENT_ROW = {
  id: col.number,
  kind: col.oneOf(...PROGRESS_EVENT_KINDS),
  rootLetterId: col.uuid,
  letterId: col.uuid,
  secrecy: col.text,
  deliveryId: col.nullable(col.uuid),
  forwardId: col.nullable(col.uuid),
  senderUnitId: col.uuid,
  senderPath: col.text,
  senderName: col.text,
  recipientUnitId: col.nullable(col.uuid),
  recipientPath: col.nullable(col.text),
  recipientName: col.nullable(col.text),
  recipientKind: col.nullable(col.text),
  level: col.nullable(col.int),
  receiptNumber: col.nullable(col.int),
  count: col.nullable(col.int),
  occurredAt: col.date,
};

const EVENT_FROM = `progress_events e
  JOIN units_read su ON su.id = e.sender_unit_id
  LEFT JOIN units_read ru ON ru.id = e.recipient_unit_id`;

/** The durable log behind the live tracking stream. */
@Injectable()
export class ProgressEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends events in the caller's transaction (each with its letter's secrecy class); the
   * readers are woken when (and if) it commits (ProgressWakeups).
   */
  async append(manager: EntityManager, events: NewProgressEvent[]): Promise<void> {
    if (events.length === 0) return;
    await execute(
      manager,
      `INSERT INTO progress_events (kind, root_letter_id, letter_id, secrecy, delivery_id, forward_id,
                                    sender_unit_id, recipient_unit_id, level, receipt_number, count, occurred_at)
       SELECT r.kind, r.root_letter_id, r.letter_id, l.secrecy, r.delivery_id, r.forward_id, r.sender_unit_id,
              r.recipient_unit_id, r.level, r.receipt_number, r.count, r.occurred_at
         FROM json_to_recordset($1::json) AS r(kind text, root_letter_id uuid, letter_id uuid,
              delivery_id uuid, forward_id uuid, sender_unit_id uuid, recipient_unit_id uuid, level smallint,
              receipt_number int, count int, occurred_at timestamptz)
         JOIN letters_read l ON l.id = r.letter_id`,
      [
        JSON.stringify(
          events.map((e) => ({
            kind: e.kind,
            root_letter_id: e.rootLetterId,
            letter_id: e.letterId,
            delivery_id: e.deliveryId ?? null,
            forward_id: e.forwardId ?? null,
            sender_unit_id: e.senderUnitId,
            recipient_unit_id: e.recipientUnitId ?? null,
            level: e.level ?? null,
            receipt_number: e.receiptNumber ?? null,
            count: e.count ?? null,
            occurred_at: e.occurredAt.toISOString(),
          })),
        ),
      ],
    );
    markProgressAppended(manager);
  }

  async lastId(): Promise<number> {
    const rows = await queryRows(
      this.dataSource,
      'ProgressEventsRepository.lastId',
      { id: col.nullable(col.number) },
      'SELECT max(id)::float8 AS id FROM progress_events',
    );
    return rows[0].id ?? 0;
  }

  /** Committed events after `afterId`, in id order. */
  async findAfter(afterId: number, limit: number): Promise<ProgressEventRow[]> {
    return queryRows(
      this.dataSource,
      'ProgressEventsRepository.findAfter',
      EVENT_ROW,
      `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Events in (afterId, upToId], optionally of one root letter (index), in id order. */
  async findRange(
    afterId: number,
    upToId: number,
    rootLetterId: string | null,
    limit: number,
  ): Promise<ProgressEventRow[]> {
    return queryRows(
      this.dataSource,
      'ProgressEventsRepository.findRange',
      EVENT_ROW,
      `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM}
        WHERE e.id > $1 AND e.id <= $2 AND ($3::uuid IS NULL OR e.root_letter_id = $3)
        ORDER BY e.id LIMIT $4`,
      [afterId, upToId, rootLetterId, limit],
    );
  }
}
