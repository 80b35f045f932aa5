import type { Queryable } from 'src/database/read-replica.js';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';
import { SECRECY_CODES, SPEED_CODES, type Speed } from 'src/modules/letters/letter.entity.js';
import { DELIVERY_STATES } from 'src/modules/routing/delivery.entity.js';
import type { MembershipRole } from 'src/modules/users/roles.js';

export interface PolicyRow {
  speed: Speed;
  ackWorkingMinutes: number;
  stepWorkingMinutes: number[];
  updatedAt: Date;
}

/** A policy row as both repositories read it. */
export const POLICY_ROW = {
  speed: col.oneOf(...SPEED_CODES),
  ackWorkingMinutes: col.int,
  stepWorkingMinutes: col.array(col.int),
  updatedAt: col.date,
};

/** A delivery locked for one rung of the ladder, with what its messages need. */
export interface EscalationTarget {
  id: string;
  state: string;
  /** The ladder was stopped: nobody in the recipient unit may act on it. */
  escalationHaltedAt: Date | null;
  dueAt: Date | null;
  /**
   * When level 1 falls due: the due time, or the time a ladder halted before level 1
   * resumed, whichever is later.
   */
  firstRungDueAt: Date | null;
  /** Level 1's due time has come, by PostgreSQL's clock (or the test clock); null without one. */
  due: boolean | null;
  letterId: string;
  rootLetterId: string;
  forwardId: string;
  recipientUnitId: string;
  recipientUnitName: string;
  senderUnitId: string;
  senderUnitName: string;
  rootUnitId: string | null;
  speed: Speed;
  secrecy: string;
  subject: string;
  referenceRaw: string | null;
  /** เลขรับ (or outgoing number) under which the sender holds the letter it forwarded. */
  senderReceiptNumber: number | null;
}
const ESCALATION_TARGET = {
  id: col.uuid,
  state: col.oneOf(...DELIVERY_STATES),
  escalationHaltedAt: col.nullable(col.date),
  dueAt: col.nullable(col.date),
  firstRungDueAt: col.nullable(col.date),
  due: col.nullable(col.bool),
  letterId: col.uuid,
  rootLetterId: col.uuid,
  forwardId: col.uuid,
  recipientUnitId: col.uuid,
  recipientUnitName: col.text,
  senderUnitId: col.uuid,
  senderUnitName: col.text,
  rootUnitId: col.nullable(col.uuid),
  speed: col.oneOf(...SPEED_CODES),
  secrecy: col.oneOf(...SECRECY_CODES),
  subject: col.text,
  referenceRaw: col.nullable(col.text),
  senderReceiptNumber: col.nullable(col.int),
};

export interface DueEscalation {
  deliveryId: string;
  level: number;
  dueAt: Date;
}

const NOW = (n: number) => `COALESCE($${n}::timestamptz, now())`;

/**
 * When level 1 falls due: the delivery's due time or, for a ladder that halted before level 1
 * and resumed, the time it resumed (the later; null without a due time).
 */
const FIRST_RUNG_DUE = `CASE WHEN d.due_at IS NOT NULL
  THEN GREATEST(d.due_at, d.escalation_resumed_at) END`;

/** Namespace of the transaction advisory locks on who may act for a unit's classified mail. */
export const UNIT_ACTORS_LOCK_NAMESPACE = 7_000_003;

/** A delivery whose ladder halted, locked for resuming, with what the decision needs. */
export interface HaltedDelivery {
  id: string;
  recipientUnitId: string;
  secrecy: string;
  /** The highest rung recorded (0: none); the ladder halted at the one above. */
  lastLevel: number;
}

/**
 * All SQL of the escalation ladder: the calendar and policy as deadlines read them, the rungs,
 * the reconcile sweep's source. `now` parameters are null for PostgreSQL's now(). Holiday and
 * policy administration is EscalationAdminRepository's.
 */
@Injectable()
export class EscalationRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ---- calendar and policy, as deadlines read them ------------------------------------------

  async findHolidayDates(manager: Queryable = this.dataSource.manager): Promise<string[]> {
    const rows = await queryRows(
      manager,
      'EscalationRepository.findHolidayDates',
      { date: col.text },
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays ORDER BY date`,
    );
    return rows.map((row) => row.date);
  }

  async findPolicy(manager: EntityManager, speed: Speed): Promise<PolicyRow | undefined> {
    const row = await queryFirst(
      manager,
      'EscalationRepository.findPolicy',
      POLICY_ROW,
      `SELECT speed, ack_working_minutes AS "ackWorkingMinutes",
              step_working_minutes AS "stepWorkingMinutes", updated_at AS "updatedAt"
         FROM escalation_policies WHERE speed = $1`,
      [speed],
    );
    return row ?? undefined;
  }

  /**
   * A speed class's policy and the holiday dates, in one round trip: what a forward's due time
   * needs, read inside the forwarding transaction. Undefined without a policy row.
   */
  async findPolicyAndHolidays(
    manager: EntityManager,
    speed: Speed,
  ): Promise<{ policy: PolicyRow; holidays: string[] } | undefined> {
    const row = await queryFirst(
      manager,
      'EscalationRepository.findPolicyAndHolidays',
      { ...POLICY_ROW, holidays: col.array(col.text) },
      `SELECT speed, ack_working_minutes AS "ackWorkingMinutes",
              step_working_minutes AS "stepWorkingMinutes", updated_at AS "updatedAt",
              array_to_json(ARRAY(SELECT to_char(date, 'YYYY-MM-DD') FROM holidays ORDER BY date)) AS holidays
         FROM escalation_policies WHERE speed = $1`,
      [speed],
    );
    if (!row) return undefined;
    const { holidays, ...policy } = row;
    return { policy, holidays };
  }

  // ---- the ladder ---------------------------------------------------------------------------

  /**
   * Locks the delivery row (a registration racing this job waits here, or this job waits
   * for it) and reads what the messages need.
   */
  async lockTarget(
    manager: EntityManager,
    deliveryId: string,
    now: Date | null,
  ): Promise<EscalationTarget | undefined> {
    const row = await queryFirst(
      manager,
      'EscalationRepository.lockTarget',
      ESCALATION_TARGET,
      `SELECT d.id, d.state, d.escalation_halted_at AS "escalationHaltedAt", d.due_at AS "dueAt",
              ${FIRST_RUNG_DUE} AS "firstRungDueAt", (${FIRST_RUNG_DUE} <= ${NOW(2)}) AS due,
              d.letter_id AS "letterId", d.root_letter_id AS "rootLetterId", d.forward_id AS "forwardId",
              d.recipient_unit_id AS "recipientUnitId", ru.name_th AS "recipientUnitName",
              d.sender_unit_id AS "senderUnitId", su.name_th AS "senderUnitName",
              root.created_unit_id AS "rootUnitId",
              l.speed, l.secrecy, l.subject, l.reference_raw AS "referenceRaw",
              re.number AS "senderReceiptNumber"
         FROM deliveries_read d
         JOIN letters_read l ON l.id = d.letter_id
         JOIN letters_read root ON root.id = d.root_letter_id
         JOIN units_read ru ON ru.id = d.recipient_unit_id
         JOIN units_read su ON su.id = d.sender_unit_id
         LEFT JOIN forwards_read f ON f.id = d.forward_id
         LEFT JOIN register_entries_read re ON re.id = f.register_entry_id
        WHERE d.id = $1
        FOR UPDATE OF d`,
      [deliveryId, now],
    );
    return row ?? undefined;
  }

  async findRung(
    manager: EntityManager,
    deliveryId: string,
    level: number,
    now: Date | null,
  ): Promise<{ id: string; nextDueAt: Date | null; nextDue: boolean } | undefined> {
    const row = await queryFirst(
      manager,
      'EscalationRepository.findRung',
      { id: col.uuid, nextDueAt: col.nullable(col.date), nextDue: col.bool },
      `SELECT id, next_due_at AS "nextDueAt", COALESCE(next_due_at <= ${NOW(3)}, false) AS "nextDue"
         FROM escalations WHERE delivery_id = $1 AND level = $2`,
      [deliveryId, level, now],
    );
    return row ?? undefined;
  }

  /** The rung, once: a second writer finds the unique key and gets null. */
  async insertRung(
    manager: EntityManager,
    row: {
      deliveryId: string;
      level: number;
      dueAt: Date;
      escalatedAt: Date;
      notifiedUnitId: string | null;
      notifiedUserIds: string[];
      nextDueAt: Date | null;
    },
  ): Promise<string | null> {
    const rows = await queryRows(
      manager,
      'EscalationRepository.insertRung',
      { id: col.uuid },
      `INSERT INTO escalations (delivery_id, level, due_at, escalated_at, notified_unit_id, notified_user_ids, next_due_at)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7)
       ON CONFLICT ON CONSTRAINT escalations_delivery_level_key DO NOTHING
       RETURNING id`,
      [
        row.deliveryId,
        row.level,
        row.dueAt,
        row.escalatedAt,
        row.notifiedUnitId,
        row.notifiedUserIds,
        row.nextDueAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The next rung is handled (ran, or found the delivery settled): the sweep stops asking. */
  async clearNextDue(manager: EntityManager, deliveryId: string, level: number): Promise<void> {
    await execute(
      manager,
      `UPDATE escalations SET next_due_at = NULL
        WHERE delivery_id = $1 AND level = $2 AND next_due_at IS NOT NULL`,
      [deliveryId, level],
    );
  }

  /**
   * Serialises, per unit, the ladder's "nobody may act here" check with the commands that
   * give someone the right to act there (a membership, a clearance): whichever runs second
   * sees the other's commit, so a ladder cannot halt just after the change that would have
   * resumed it looked for halted ladders. Held until the transaction ends; taken in unit
   * order, so two commands over the same units cannot deadlock.
   */
  async lockUnitActors(manager: EntityManager, unitIds: string[]): Promise<void> {
    if (unitIds.length === 0) return;
    await execute(
      manager,
      `SELECT count(pg_advisory_xact_lock($1, hashtext(u.id)))
         FROM (SELECT DISTINCT unnest($2::text[]) AS id ORDER BY 1) u`,
      [UNIT_ACTORS_LOCK_NAMESPACE, unitIds],
    );
  }

  /**
   * The pending deliveries to these units whose ladder halted for `reason`, locked (a rung's
   * job for one of them waits here, or this waits for it), with the highest rung recorded.
   */
  async lockHaltedDeliveries(
    manager: EntityManager,
    unitIds: string[],
    reason: string,
  ): Promise<HaltedDelivery[]> {
    if (unitIds.length === 0) return [];
    return queryRows(
      manager,
      'EscalationRepository.lockHaltedDeliveries',
      { id: col.uuid, recipientUnitId: col.uuid, secrecy: col.text, lastLevel: col.int },
      `SELECT d.id, d.recipient_unit_id AS "recipientUnitId", l.secrecy,
              COALESCE((SELECT max(e.level) FROM escalations e WHERE e.delivery_id = d.id), 0)::int
                AS "lastLevel"
         FROM deliveries_read d JOIN letters_read l ON l.id = d.letter_id
        WHERE d.recipient_unit_id = ANY($1::uuid[]) AND d.escalation_halt_reason = $2
          AND d.state = 'sent'
        ORDER BY d.id
        FOR UPDATE OF d`,
      [unitIds, reason],
    );
  }

  /**
   * For the reconcile sweep: halted deliveries whose recipient unit has, now, an active user
   * with a live membership in one of `roles` and a clearance that `clearances` lists for the
   * letter's class — someone may act again though no users command resumed the ladder (an
   * acting span that began since). The rung each halted at; a handful, by the partial index.
   */
  async findResumableHalts(
    manager: EntityManager,
    now: Date | null,
    clearances: Record<string, readonly string[]>,
    roles: readonly string[],
    limit: number,
  ): Promise<{ deliveryId: string; level: number }[]> {
    return queryRows(
      manager,
      'EscalationRepository.findResumableHalts',
      { deliveryId: col.uuid, level: col.int },
      `SELECT d.id AS "deliveryId",
              COALESCE((SELECT max(e.level) FROM escalations e WHERE e.delivery_id = d.id), 0)::int + 1
                AS level
         FROM deliveries_read d JOIN letters_read l ON l.id = d.letter_id
        WHERE d.escalation_halt_reason IS NOT NULL AND d.state = 'sent'
          AND EXISTS (
            SELECT 1 FROM memberships_read m JOIN users_read u ON u.id = m.user_id AND u.active
             WHERE m.unit_id = d.recipient_unit_id AND m.role = ANY($3::text[])
               AND m.starts_at <= ${NOW(1)} AND (m.ends_at IS NULL OR m.ends_at > ${NOW(1)})
               AND u.clearance IN (SELECT jsonb_array_elements_text($2::jsonb -> l.secrecy)))
        ORDER BY d.escalation_halted_at LIMIT $4`,
      [now, JSON.stringify(clearances), roles, limit],
    );
  }

  /**
   * Re-arms the rung above `level` of a resumed ladder: `level`'s next due time becomes `at`,
   * so the sweep asks for it again.
   */
  async rearmNextDue(
    manager: EntityManager,
    deliveryId: string,
    level: number,
    at: Date,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE escalations SET next_due_at = $3 WHERE delivery_id = $1 AND level = $2`,
      [deliveryId, level, at],
    );
  }

  /**
   * Active users holding one of `roles` in the unit right now (acting heads included); with
   * `clearances`, only those holding one of them.
   */
  async findMembers(
    manager: EntityManager,
    unitId: string,
    roles: MembershipRole[],
    now: Date,
    clearances: readonly string[] | null = null,
  ): Promise<string[]> {
    const rows = await queryRows(
      manager,
      'EscalationRepository.findMembers',
      { userId: col.uuid },
      `SELECT DISTINCT m.user_id AS "userId"
         FROM memberships_read m JOIN users_read u ON u.id = m.user_id AND u.active
        WHERE m.unit_id = $1 AND m.role = ANY($2::text[])
          AND m.starts_at <= $3 AND (m.ends_at IS NULL OR m.ends_at > $3)
          AND ($4::text[] IS NULL OR u.clearance = ANY($4::text[]))
        ORDER BY 1`,
      [unitId, roles, now, clearances],
    );
    return rows.map((row) => row.userId);
  }

  /** The sender's overdue recipients of the same letter (level 3's list). */
  async findOverdueRecipients(
    manager: EntityManager,
    senderUnitId: string,
    letterId: string,
    now: Date | null,
    limit: number,
  ): Promise<{ count: number; units: { unitId: string; name: string; dueAt: string }[] }> {
    const rows = await queryRows(
      manager,
      'EscalationRepository.findOverdueRecipients',
      { unitId: col.uuid, name: col.text, dueAt: col.date, total: col.int },
      `SELECT d.recipient_unit_id AS "unitId", u.name_th AS name, d.due_at AS "dueAt",
                count(*) OVER ()::int AS total
           FROM deliveries_read d JOIN units_read u ON u.id = d.recipient_unit_id
          WHERE d.sender_unit_id = $1 AND d.letter_id = $2 AND d.state = 'sent'
            AND d.due_at <= ${NOW(3)}
          ORDER BY d.due_at, u.name_th LIMIT $4`,
      [senderUnitId, letterId, now, limit],
    );
    return {
      count: rows[0]?.total ?? 0,
      units: rows.map((row) => ({
        unitId: row.unitId,
        name: row.name,
        dueAt: row.dueAt.toISOString(),
      })),
    };
  }

  // ---- the reconcile sweep's source ---------------------------------------------------------

  /**
   * Rungs that are due and not recorded, asked of PostgreSQL: level 1 of pending deliveries
   * past their due time (the partial index on due_at WHERE state = 'sent'), and the next
   * level of recorded rungs whose next due time has come (the partial index on
   * next_due_at). Cost follows the overdue rows, not the table.
   */
  async findDueRungs(
    manager: EntityManager,
    now: Date | null,
    limit: number,
  ): Promise<DueEscalation[]> {
    return queryRows(
      manager,
      'EscalationRepository.findDueRungs',
      { deliveryId: col.uuid, level: col.int, dueAt: col.date },
      `(SELECT d.id AS "deliveryId", 1 AS level, d.due_at AS "dueAt"
          FROM deliveries_read d
         WHERE d.state = 'sent' AND NOT d.escalation_started AND d.due_at <= ${NOW(1)}
           AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.delivery_id = d.id AND e.level = 1)
         ORDER BY d.due_at LIMIT $2)
       UNION ALL
       (SELECT e.delivery_id, e.level + 1, e.next_due_at
          FROM escalations e
         WHERE e.next_due_at <= ${NOW(1)}
         ORDER BY e.next_due_at LIMIT $2)`,
      [now, limit],
    );
  }

  /** The highest rung of each delivery that has one. */
  async findLastRungs(
    db: Queryable,
    deliveryIds: string[],
  ): Promise<{ deliveryId: string; level: number; escalatedAt: Date; nextDueAt: Date | null }[]> {
    if (deliveryIds.length === 0) return [];
    return queryRows(
      db,
      'EscalationRepository.findLastRungs',
      {
        deliveryId: col.uuid,
        level: col.int,
        escalatedAt: col.date,
        nextDueAt: col.nullable(col.date),
      },
      `SELECT DISTINCT ON (delivery_id) delivery_id AS "deliveryId", level, escalated_at AS "escalatedAt",
              next_due_at AS "nextDueAt"
         FROM escalations WHERE delivery_id = ANY($1::uuid[])
        ORDER BY delivery_id, level DESC`,
      [deliveryIds],
    );
  }

  // ---- metrics ------------------------------------------------------------------------------

  async countByLevel(): Promise<{ level: number; count: number }[]> {
    return queryRows(
      this.dataSource,
      'EscalationRepository.countByLevel',
      { level: col.int, count: col.int },
      `SELECT level, count(*)::int AS count FROM escalations GROUP BY level ORDER BY level`,
    );
  }
}
