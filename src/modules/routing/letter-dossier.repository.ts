import { Injectable } from '@nestjs/common';
import type { Queryable } from 'src/database/read-replica.js';
import { col, queryFirst, queryRows } from 'src/database/rows.js';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import {
  ANNOTATION_DECISION_CODES,
  type AnnotationDecision,
} from 'src/modules/routing/annotation.entity.js';
import { DELIVERY_STATES, type DeliveryState } from 'src/modules/routing/delivery.entity.js';

/** "The unit in this column is visible to the reader", its parameters numbered from $2. */
export type VisibleUnits = (unitIdColumn: string, unitPathColumn?: string) => SqlPredicate;

export interface DossierReceiptRow {
  entryId: string;
  registerId: string;
  registerName: string;
  direction: string;
  unitId: string;
  unitName: string;
  number: number;
  beYear: number;
  registeredAt: Date;
  status: string;
  deliveryId: string | null;
}

export interface DossierMinuteRow {
  id: string;
  registerEntryId: string;
  unitId: string;
  unitName: string;
  authorName: string;
  authorPosition: string | null;
  text: string;
  decision: AnnotationDecision | null;
  createdAt: Date;
}

export interface DossierHopRow {
  deliveryId: string;
  parentDeliveryId: string | null;
  letterId: string;
  senderUnitId: string;
  senderName: string;
  recipientUnitId: string;
  recipientName: string;
  state: DeliveryState;
  sentAt: Date;
  receiptNumber: number | null;
  depth: number;
}

export interface DossierForwardRow {
  forwardId: string;
  senderUnitId: string;
  senderName: string;
  sentAt: Date;
  responseDueAt: Date | null;
  annotationId: string | null;
  cancelledAt: Date | null;
  total: number;
  sent: number;
  received: number;
  returned: number;
  cancelled: number;
  recipients: {
    unitId: string;
    nameTh: string;
    kind: string;
    state: DeliveryState;
    receiptNumber: number | null;
    /** ISO text: json_build_object gives timestamptz as text. */
    stateChangedAt: string;
  }[];
}

/** Longest delivery path read upward (a letter goes ministry → province → district → อปท.). */
const MAX_HOPS = 12;

/**
 * Reads of the letter page (src/modules/routing/README.md#the-letter-page): the receipts,
 * minutes, arrival path and forwards of one letter, each narrowed by the reader's visibility
 * predicate (built with its first parameter at $2).
 */
@Injectable()
export class LetterDossierRepository {
  /** The letter's register entries in units the reader sees, oldest first. */
  findReceipts(db: Queryable, letterId: string, units: VisibleUnits): Promise<DossierReceiptRow[]> {
    const visible = units('r.unit_id', 'u.path');
    return queryRows(
      db,
      'LetterDossierRepository.findReceipts',
      {
        entryId: col.uuid,
        registerId: col.uuid,
        registerName: col.text,
        direction: col.text,
        unitId: col.uuid,
        unitName: col.text,
        number: col.int,
        beYear: col.int,
        registeredAt: col.date,
        status: col.text,
        deliveryId: col.nullable(col.uuid),
      },
      `SELECT e.id AS "entryId", e.register_id AS "registerId", r.name AS "registerName", r.direction,
              r.unit_id AS "unitId", u.name_th AS "unitName", e.number, e.be_year AS "beYear",
              e.registered_at AS "registeredAt", e.status, e.delivery_id AS "deliveryId"
         FROM register_entries_read e
         JOIN registers_read r ON r.id = e.register_id
         JOIN units_read u ON u.id = r.unit_id
        WHERE e.letter_id = $1 AND ${visible.sql}
        ORDER BY e.registered_at, e.id`,
      [letterId, ...visible.params],
    );
  }

  /**
   * The delivery paths by which the letter reached units the reader sees, up to the first
   * sender: each arrival and its parent deliveries. What a path names is already printed on
   * the paper the reader holds (the receipt stamps of every unit on it).
   */
  findArrivalPaths(db: Queryable, letterId: string, units: VisibleUnits): Promise<DossierHopRow[]> {
    const visible = units('d.recipient_unit_id');
    return queryRows(
      db,
      'LetterDossierRepository.findArrivalPaths',
      {
        deliveryId: col.uuid,
        parentDeliveryId: col.nullable(col.uuid),
        letterId: col.uuid,
        senderUnitId: col.uuid,
        senderName: col.text,
        recipientUnitId: col.uuid,
        recipientName: col.text,
        state: col.oneOf(...DELIVERY_STATES),
        sentAt: col.date,
        receiptNumber: col.nullable(col.int),
        depth: col.int,
      },
      `WITH RECURSIVE path AS (
         SELECT d.id, d.parent_delivery_id, 0 AS depth FROM deliveries d
          WHERE d.letter_id = $1 AND ${visible.sql}
         UNION
         SELECT p.id, p.parent_delivery_id, c.depth + 1
           FROM deliveries p JOIN path c ON p.id = c.parent_delivery_id
          WHERE c.depth < ${MAX_HOPS})
       SELECT d.id AS "deliveryId", d.parent_delivery_id AS "parentDeliveryId", d.letter_id AS "letterId",
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              d.recipient_unit_id AS "recipientUnitId", ru.name_th AS "recipientName",
              d.state, d.sent_at AS "sentAt", d.receipt_number AS "receiptNumber", max(p.depth)::int AS depth
         FROM path p
         JOIN deliveries d ON d.id = p.id
         JOIN units_read su ON su.id = d.sender_unit_id
         JOIN units_read ru ON ru.id = d.recipient_unit_id
        GROUP BY d.id, su.name_th, ru.name_th
        ORDER BY d.sent_at, d.id
        LIMIT 200`,
      [letterId, ...visible.params],
    );
  }

  /**
   * Minutes (เกษียน) on the letter written in units the reader sees, and those that went
   * with a forward to such a unit (the sender's minute travels with the letter), in order.
   */
  findMinutes(
    db: Queryable,
    letterId: string,
    units: VisibleUnits,
    carriedBy: string[],
  ): Promise<DossierMinuteRow[]> {
    const visible = units('a.unit_id', 'u.path');
    const carried = `$${visible.params.length + 2}::uuid[]`;
    return queryRows(
      db,
      'LetterDossierRepository.findMinutes',
      {
        id: col.uuid,
        registerEntryId: col.uuid,
        unitId: col.uuid,
        unitName: col.text,
        authorName: col.text,
        authorPosition: col.nullable(col.text),
        text: col.text,
        decision: col.nullable(col.oneOf(...ANNOTATION_DECISION_CODES)),
        createdAt: col.date,
      },
      `SELECT a.id, a.register_entry_id AS "registerEntryId", a.unit_id AS "unitId", u.name_th AS "unitName",
              a.author_name AS "authorName", a.author_position AS "authorPosition", a.text, a.decision,
              a.created_at AS "createdAt"
         FROM annotations a JOIN units_read u ON u.id = a.unit_id
        WHERE a.letter_id = $1 AND (${visible.sql}
              OR a.id IN (SELECT f.annotation_id FROM deliveries d JOIN forwards f ON f.id = d.forward_id
                           WHERE d.id = ANY(${carried})))
        ORDER BY a.created_at, a.id`,
      [letterId, ...visible.params, carriedBy],
    );
  }

  /**
   * Where the letter went from units the reader sees: each forward with its deliveries
   * counted by state and the first recipients by name.
   */
  findForwards(
    db: Queryable,
    letterId: string,
    units: VisibleUnits,
    recipientsListed: number,
  ): Promise<DossierForwardRow[]> {
    const visible = units('f.sender_unit_id', 'su.path');
    const listed = `$${visible.params.length + 2}`;
    return queryRows(
      db,
      'LetterDossierRepository.findForwards',
      {
        forwardId: col.uuid,
        senderUnitId: col.uuid,
        senderName: col.text,
        sentAt: col.date,
        responseDueAt: col.nullable(col.date),
        annotationId: col.nullable(col.uuid),
        cancelledAt: col.nullable(col.date),
        total: col.int,
        sent: col.int,
        received: col.int,
        returned: col.int,
        cancelled: col.int,
        recipients: col.array(
          col.object({
            unitId: col.uuid,
            nameTh: col.text,
            kind: col.text,
            state: col.oneOf(...DELIVERY_STATES),
            receiptNumber: col.nullable(col.int),
            stateChangedAt: col.text,
          }),
        ),
      },
      `SELECT f.id AS "forwardId", f.sender_unit_id AS "senderUnitId", su.name_th AS "senderName",
              f.created_at AS "sentAt", f.response_due_at AS "responseDueAt",
              f.annotation_id AS "annotationId", f.cancelled_at AS "cancelledAt",
              c.total, c.sent, c.received, c.returned, c.cancelled,
              COALESCE(l.recipients, '[]'::json) AS recipients
         FROM forwards f
         JOIN units_read su ON su.id = f.sender_unit_id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE d.state = 'sent')::int AS sent,
                  count(*) FILTER (WHERE d.state = 'received')::int AS received,
                  count(*) FILTER (WHERE d.state = 'returned')::int AS returned,
                  count(*) FILTER (WHERE d.state = 'cancelled')::int AS cancelled
             FROM deliveries d WHERE d.forward_id = f.id) c
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('unitId', x.id, 'nameTh', x.name_th, 'kind', x.kind,
                    'state', x.state, 'receiptNumber', x.receipt_number,
                    'stateChangedAt', x.state_changed_at) ORDER BY x.name_th, x.id) AS recipients
             FROM (SELECT ru.id, ru.name_th, ru.kind, d.state, d.receipt_number, d.state_changed_at
                     FROM deliveries d JOIN units_read ru ON ru.id = d.recipient_unit_id
                    WHERE d.forward_id = f.id
                    ORDER BY ru.name_th, ru.id LIMIT ${listed}) x) l ON true
        WHERE f.letter_id = $1 AND ${visible.sql}
        ORDER BY f.created_at, f.id`,
      [letterId, ...visible.params, recipientsListed],
    );
  }

  /** The letters each one encloses (re-issued letters), upward from `letterId`, nearest first. */
  async findEnclosedChain(db: Queryable, letterId: string): Promise<string[]> {
    const rows = await queryRows(
      db,
      'LetterDossierRepository.findEnclosedChain',
      { id: col.uuid },
      `WITH RECURSIVE up AS (
         SELECT l.encloses_letter_id AS id, 1 AS depth FROM letters_read l WHERE l.id = $1
         UNION ALL
         SELECT l.encloses_letter_id, up.depth + 1 FROM letters_read l JOIN up ON l.id = up.id
          WHERE up.depth < ${MAX_HOPS})
       SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth`,
      [letterId],
    );
    return rows.map((row) => row.id);
  }

  async findUnitName(db: Queryable, unitId: string): Promise<string | null> {
    const row = await queryFirst(
      db,
      'LetterDossierRepository.findUnitName',
      { nameTh: col.text },
      `SELECT name_th AS "nameTh" FROM units_read WHERE id = $1`,
      [unitId],
    );
    return row?.nameTh ?? null;
  }
}
