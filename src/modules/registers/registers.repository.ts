import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Queryable } from 'src/database/read-replica.js';
import { preparedRows } from 'src/database/prepared-query.js';
import { col, execute, queryFirst, queryRows } from 'src/database/rows.js';
import type { InlineAuditSql } from 'src/modules/audit/audit.repository.js';
import type { UnitRef } from 'src/modules/auth/principal.js';
import {
  REGISTER_KINDS,
  type Register,
  type RegisterKind,
} from 'src/modules/registers/register.entity.js';
import type { RegisterEntry } from 'src/modules/registers/register-entry.entity.js';
import { CLEARANCE_CODES } from 'src/modules/users/roles.js';

/**
 * The default books every unit keeps (see src/modules/registers/README.md#kinds); created on first
 * use.
 */
export const DEFAULT_REGISTERS: {
  kind: RegisterKind;
  direction: 'incoming' | 'outgoing';
  name: string;
}[] = [
  { kind: 'incoming', direction: 'incoming', name: 'ทะเบียนหนังสือรับ' },
  { kind: 'outgoing', direction: 'outgoing', name: 'ทะเบียนหนังสือส่ง' },
  { kind: 'circular', direction: 'outgoing', name: 'ทะเบียนหนังสือเวียน' },
];

export interface EntryRow {
  id: string;
  registerId: string;
  beYear: number;
  number: number;
  letterId: string;
  registeredAt: Date;
  action: string | null;
  remarks: string | null;
  status: 'active' | 'cancelled';
  cancelReason: string | null;
  cancelledAt: Date | null;
  replacesEntryId: string | null;
  replacedByEntryId: string | null;
  deliveryId: string | null;
  issuedReference: string | null;
  createdBy: string | null;
}

const ENTRY_COLUMNS = `e.id, e.register_id AS "registerId", e.be_year AS "beYear", e.number,
  e.letter_id AS "letterId", e.registered_at AS "registeredAt", e.action, e.remarks, e.status,
  e.cancel_reason AS "cancelReason", e.cancelled_at AS "cancelledAt",
  e.replaces_entry_id AS "replacesEntryId", e.replaced_by_entry_id AS "replacedByEntryId",
  e.delivery_id AS "deliveryId", e.issued_reference AS "issuedReference", e.created_by AS "createdBy"`;
const ENTRY_STATUS = col.oneOf('active', 'cancelled');
const ENTRY_ROW = {
  id: col.uuid,
  registerId: col.uuid,
  beYear: col.int,
  number: col.int,
  letterId: col.uuid,
  registeredAt: col.date,
  action: col.nullable(col.text),
  remarks: col.nullable(col.text),
  status: ENTRY_STATUS,
  cancelReason: col.nullable(col.text),
  cancelledAt: col.nullable(col.date),
  replacesEntryId: col.nullable(col.uuid),
  replacedByEntryId: col.nullable(col.uuid),
  deliveryId: col.nullable(col.uuid),
  issuedReference: col.nullable(col.text),
  createdBy: col.nullable(col.uuid),
};

const REGISTER_COLUMNS = `r.id, r.unit_id AS "unitId", r.kind, r.direction, r.name,
  r.min_clearance AS "minClearance", r.active, r.created_at AS "createdAt"`;
const REGISTER_ROW = {
  id: col.uuid,
  unitId: col.uuid,
  kind: col.oneOf(...REGISTER_KINDS),
  direction: col.oneOf('incoming', 'outgoing'),
  name: col.text,
  minClearance: col.oneOf(...CLEARANCE_CODES),
  active: col.bool,
  createdAt: col.date,
};

/** The columns an entry is written with, its number last; values from `entryValues`. */
const ENTRY_INSERT_COLUMNS = `(register_id, be_year, letter_id, registered_at, action, remarks, status,
  cancel_reason, cancelled_at, replaces_entry_id, replaced_by_entry_id, delivery_id,
  issued_reference, created_by, number)`;

function entryValues(entry: Omit<RegisterEntry, 'id' | 'register' | 'letter' | 'number'>) {
  return [
    entry.registerId,
    entry.beYear,
    entry.letterId,
    entry.registeredAt,
    entry.action,
    entry.remarks,
    entry.status,
    entry.cancelReason,
    entry.cancelledAt,
    entry.replacesEntryId,
    entry.replacedByEntryId,
    entry.deliveryId,
    entry.issuedReference,
    entry.createdBy,
  ];
}

/**
 * A unit's earlier receipt of a letter chain (see
 * src/modules/registers/README.md#duplicate-arrival).
 */
export interface EarlierReceipt {
  id: string;
  registerId: string;
  number: number;
  beYear: number;
}
const EARLIER_RECEIPT = { id: col.uuid, registerId: col.uuid, number: col.int, beYear: col.int };

/** Printout and CSV line: the entry with the letter's columns as printed. */
export interface PrintoutRow {
  entryId: string;
  letterId: string;
  number: number;
  beYear: number;
  registeredAt: Date;
  referenceRaw: string | null;
  letterDateRaw: string | null;
  letterDate: string | null;
  senderText: string | null;
  addressee: string | null;
  subject: string;
  action: string | null;
  remarks: string | null;
  status: 'active' | 'cancelled';
  cancelReason: string | null;
  issuedReference: string | null;
}
const PRINTOUT_ROW = {
  entryId: col.uuid,
  letterId: col.uuid,
  number: col.int,
  beYear: col.int,
  registeredAt: col.date,
  referenceRaw: col.nullable(col.text),
  letterDateRaw: col.nullable(col.text),
  letterDate: col.nullable(col.text),
  senderText: col.nullable(col.text),
  addressee: col.nullable(col.text),
  subject: col.text,
  action: col.nullable(col.text),
  remarks: col.nullable(col.text),
  status: ENTRY_STATUS,
  cancelReason: col.nullable(col.text),
  issuedReference: col.nullable(col.text),
};

/**
 * The active entries of letter `l` in the incoming registers of the unit `$unit`: per
 * register of the unit (a handful), one probe of (letter_id, register_id). OFFSET 0 keeps
 * the probes: otherwise PostgreSQL, which the statistics tell that a letter has one entry,
 * reads every entry of a circular that hundreds of units have registered.
 */
const RECEIPTS_OF_LETTER_IN_UNIT = (unit: string) => `
  SELECT r_e.id, r_e.register_id, r_e.number, r_e.be_year, r_e.registered_at
    FROM registers r
    CROSS JOIN LATERAL (
      SELECT r_e.id, r_e.register_id, r_e.number, r_e.be_year, r_e.registered_at
        FROM register_entries r_e
       WHERE r_e.letter_id = l.id AND r_e.register_id = r.id AND r_e.status = 'active'
      OFFSET 0) r_e
   WHERE r.unit_id = ${unit} AND r.direction = 'incoming'`;

@Injectable()
export class RegistersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ensureDefaultRegisters(
    manager: EntityManager,
    unitIds: string[],
    now: Date,
  ): Promise<void> {
    if (unitIds.length === 0) return;
    await execute(
      manager,
      `INSERT INTO registers (unit_id, kind, direction, name, created_at)
       SELECT u.id, d.kind, d.direction, d.name, $2
         FROM unnest($1::uuid[]) AS u(id)
         CROSS JOIN jsonb_to_recordset($3::jsonb) AS d(kind text, direction text, name text)
       ON CONFLICT (unit_id, name) DO NOTHING`,
      [unitIds, now, JSON.stringify(DEFAULT_REGISTERS)],
    );
  }

  async findRegisterIdOfKind(
    manager: EntityManager,
    unitId: string,
    kind: RegisterKind,
  ): Promise<string | null> {
    const row = await queryFirst(
      manager,
      'RegistersRepository.findRegisterIdOfKind',
      { id: col.uuid },
      `SELECT id FROM registers WHERE unit_id = $1 AND kind = $2 ORDER BY created_at, id LIMIT 1`,
      [unitId, kind],
    );
    return row?.id ?? null;
  }

  async findRegistersOfUnit(unitId: string): Promise<Register[]> {
    return queryRows(
      this.dataSource,
      'RegistersRepository.findRegistersOfUnit',
      REGISTER_ROW,
      `SELECT ${REGISTER_COLUMNS} FROM registers r WHERE r.unit_id = $1 ORDER BY r.created_at, r.name`,
      [unitId],
    );
  }

  /** The register and its unit's path (what access decides on), in one query. */
  async findRegister(
    manager: EntityManager,
    id: string,
  ): Promise<{ register: Register; unit: UnitRef } | undefined> {
    // Prepared: every registration reads its register first.
    const [row] = await preparedRows(
      manager,
      'RegistersRepository.findRegister',
      { ...REGISTER_ROW, unitPath: col.text },
      `SELECT ${REGISTER_COLUMNS}, u.path AS "unitPath"
         FROM registers r JOIN units_read u ON u.id = r.unit_id WHERE r.id = $1`,
      [id],
    );
    if (!row) return undefined;
    const { unitPath, ...register } = row;
    return { register, unit: { id: register.unitId, path: unitPath } };
  }

  async insertRegister(
    manager: EntityManager,
    register: Pick<
      Register,
      'unitId' | 'kind' | 'direction' | 'name' | 'minClearance' | 'createdAt'
    >,
  ): Promise<Register | undefined> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.insertRegister',
      REGISTER_ROW,
      `INSERT INTO registers (unit_id, kind, direction, name, min_clearance, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_id, name) DO NOTHING
       RETURNING id, unit_id AS "unitId", kind, direction, name, min_clearance AS "minClearance", active,
                 created_at AS "createdAt"`,
      [
        register.unitId,
        register.kind,
        register.direction,
        register.name,
        register.minClearance,
        register.createdAt,
      ],
    );
    return rows[0];
  }

  /**
   * Takes the next number of the register's year (invariant 3): one upsert on the counter
   * row, in the caller's transaction. Concurrent callers queue on the row lock; a rollback
   * returns the number. The unique index on entries is the backstop.
   */
  async allocateNumber(
    manager: EntityManager,
    registerId: string,
    beYear: number,
  ): Promise<number> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.allocateNumber',
      { last_number: col.int },
      `INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + 1
       RETURNING last_number`,
      [registerId, beYear],
    );
    return rows[0].last_number;
  }

  /** The counter row of a year, locked for the rest of the transaction. */
  async lockCounter(
    manager: EntityManager,
    registerId: string,
    beYear: number,
  ): Promise<{ lastNumber: number; openingFloor: number | null } | undefined> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.lockCounter',
      { lastNumber: col.int, openingFloor: col.nullable(col.int) },
      `SELECT last_number AS "lastNumber", opening_floor AS "openingFloor"
         FROM register_counters WHERE register_id = $1 AND be_year = $2 FOR UPDATE`,
      [registerId, beYear],
    );
    return rows[0];
  }

  /** Sets the opening floor of a year that has no number yet (numbers continue after it). */
  async setOpeningFloor(
    manager: EntityManager,
    registerId: string,
    beYear: number,
    lastPaperNumber: number,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO register_counters (register_id, be_year, last_number, opening_floor) VALUES ($1, $2, $3, $3)
       ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = $3, opening_floor = $3`,
      [registerId, beYear, lastPaperNumber],
    );
  }

  async insertEntry(
    manager: EntityManager,
    entry: Omit<RegisterEntry, 'id' | 'register' | 'letter'>,
  ): Promise<EntryRow> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.insertEntry',
      ENTRY_ROW,
      `INSERT INTO register_entries AS e ${ENTRY_INSERT_COLUMNS}
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING ${ENTRY_COLUMNS}`,
      [...entryValues(entry), entry.number],
    );
    return rows[0];
  }

  /**
   * Takes the next number of the year (as `allocateNumber`) and writes the entry with it in
   * one statement: every registration of the register queues on the counter row's lock, so
   * nothing else waits inside it. The same statement finds the unit's earlier receipt of the
   * chain (`earlier`, see src/modules/registers/README.md#duplicate-arrival: any letter with the
   * same root, in the unit's incoming registers; each (letter, register) pair one probe of
   * register_entries_letter_register_idx, so the cost follows the chain, never the size of the
   * register). With `delivery` (the receipt listener's `receivedSql`, for an entry that
   * registers a delivery) it also marks the delivery received, and `deliveriesReceived` says
   * how many it marked. With `audit` (when the entry is the command's last write: audit's
   * `inlineAppend` for the relation `written e`, given its first parameter) it also appends
   * the audit event, after the counter, and `auditEventId` is the event's id (NULL without
   * `audit`). `entryId` is the entry's id when the caller needs it before the statement (the
   * audit event names it).
   */
  async insertNextEntry(
    manager: EntityManager,
    entry: Omit<RegisterEntry, 'id' | 'register' | 'letter' | 'number'>,
    options: {
      unitId: string;
      rootLetterId: string;
      entryId?: string;
      audit?: ((firstParam: number, source: string) => InlineAuditSql) | null;
      delivery?: { ctes: string; received: string } | null;
    },
  ): Promise<{
    entry: EntryRow;
    earlier: EarlierReceipt | null;
    auditEventId: string | null;
    deliveriesReceived: number | null;
  }> {
    // Evaluated from the written row, so after the counter: locks are taken in the order
    // every command takes them, the audit chain last (the delivery's row is already this
    // transaction's, locked by the check before the number).
    const audit = options.audit ? options.audit(18, 'written e') : null;
    const delivery = options.delivery ?? null;
    // Prepared: the counter row is locked while this runs, so no parse or plan in there.
    const rows = await preparedRows(
      manager,
      'RegistersRepository.insertNextEntry',
      {
        ...ENTRY_ROW,
        earlier: col.nullable(col.object(EARLIER_RECEIPT)),
        auditEventId: col.nullable(col.bigint),
        deliveriesReceived: col.nullable(col.int),
      },
      `WITH next AS (
         INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + 1
         RETURNING last_number
       ), earlier AS (
         -- Per chain letter (a handful), its receipt in this unit's registers: the LATERAL
         -- with OFFSET 0 keeps that order even on stale statistics. The statement's
         -- snapshot does not see the entry it writes.
         SELECT x.id, x.register_id AS "registerId", x.number, x.be_year AS "beYear"
           FROM letters_read l
           CROSS JOIN LATERAL (${RECEIPTS_OF_LETTER_IN_UNIT('$15')}) x
          WHERE l.root_letter_id = $16
          ORDER BY x.registered_at LIMIT 1
       ), written AS (
         INSERT INTO register_entries (id, ${ENTRY_INSERT_COLUMNS.slice(1)}
         VALUES (coalesce($17::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                 $11, $12, $13, $14, (SELECT last_number FROM next))
         RETURNING *
       )${delivery ? `, ${delivery.ctes}` : ''}${audit ? `, ${audit.ctes}` : ''}
       SELECT ${ENTRY_COLUMNS}, (SELECT row_to_json(earlier) FROM earlier) AS earlier,
              ${audit ? audit.eventId : 'NULL::text'} AS "auditEventId",
              ${delivery ? delivery.received : 'NULL::int'} AS "deliveriesReceived"
         FROM written e`,
      [
        ...entryValues(entry),
        options.unitId,
        options.rootLetterId,
        options.entryId ?? null,
        ...(audit ? audit.params : []),
      ],
    );
    const { earlier, auditEventId, deliveriesReceived, ...row } = rows[0];
    return { entry: row, earlier, auditEventId, deliveriesReceived };
  }

  /**
   * An outgoing number (ที่) in one statement: takes the next number of the year (as
   * `allocateNumber`), writes the entry with it and its reference number (`referenceHead`
   * followed by the number in the unit's digits, `digits` the ten digits 0–9 in them), and,
   * from the same written row, the caller's `letter` CTEs (letters' `issuedReferenceSql`)
   * and `audit` CTEs (audit's `inlineAppend`, `auditEventId` the event's id). The counter
   * row is the register's hot lock: nothing of the command waits inside it but the commit. Each part gets its first parameter and the written relation's name.
   */
  async insertNumberedEntry(
    manager: EntityManager,
    entry: Omit<RegisterEntry, 'id' | 'register' | 'letter' | 'number' | 'issuedReference'> & {
      id: string;
    },
    reference: { head: string; digits: string },
    parts: {
      letter: (firstParam: number, entry: string) => { ctes: string; params: unknown[] };
      audit: (firstParam: number, source: string) => InlineAuditSql;
    },
  ): Promise<{ entry: EntryRow; auditEventId: string | null }> {
    const letter = parts.letter(17, 'written');
    const audit = parts.audit(17 + letter.params.length, 'written e');
    // Prepared: the counter row is locked while this runs, so no parse or plan in there.
    const rows = await preparedRows(
      manager,
      'RegistersRepository.insertNumberedEntry',
      { ...ENTRY_ROW, auditEventId: col.nullable(col.bigint) },
      `WITH next AS (
         INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + 1
         RETURNING last_number
       ), written AS (
         INSERT INTO register_entries (id, ${ENTRY_INSERT_COLUMNS.slice(1)}
         SELECT $14::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                $15::text || translate(n.last_number::text, '0123456789', $16::text), $13,
                n.last_number
           FROM next n
         RETURNING *
       ), ${letter.ctes}, ${audit.ctes}
       SELECT ${ENTRY_COLUMNS}, ${audit.eventId} AS "auditEventId"
         FROM written e`,
      [
        // Every value of the entry but its reference number, which is written from the number.
        ...entryValues({ ...entry, issuedReference: null }).filter((_, i) => i !== 12),
        entry.id,
        reference.head,
        reference.digits,
        ...letter.params,
        ...audit.params,
      ],
    );
    const { auditEventId, ...row } = rows[0];
    return { entry: row, auditEventId };
  }

  /**
   * A batch's entries: takes `entries.length` consecutive numbers of the year in one update
   * of the counter row (invariant 3: still one row, one transaction, gap-free) and writes the
   * entries with them in the order given, in one statement. Returned in number order.
   */
  async insertNextEntries(
    manager: EntityManager,
    registerId: string,
    beYear: number,
    entries: Omit<
      RegisterEntry,
      'id' | 'register' | 'letter' | 'number' | 'registerId' | 'beYear'
    >[],
  ): Promise<EntryRow[]> {
    const column = <K extends keyof (typeof entries)[number]>(key: K) => entries.map((e) => e[key]);
    const rows = await preparedRows(
      manager,
      'RegistersRepository.insertNextEntries',
      ENTRY_ROW,
      `WITH next AS (
         INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, $2, $3)
         ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + $3
         RETURNING last_number
       )
       INSERT INTO register_entries AS e ${ENTRY_INSERT_COLUMNS}
       SELECT $1, $2, x.letter_id, x.registered_at, x.action, x.remarks, x.status, NULL, NULL,
              x.replaces_entry_id, NULL, x.delivery_id, NULL, x.created_by,
              (SELECT last_number FROM next) - $3 + x.n
         FROM unnest($4::uuid[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::uuid[],
                     $10::uuid[], $11::uuid[])
              WITH ORDINALITY AS x(letter_id, registered_at, action, remarks, status, replaces_entry_id,
                                   delivery_id, created_by, n)
       RETURNING ${ENTRY_COLUMNS}`,
      [
        registerId,
        beYear,
        entries.length,
        column('letterId'),
        column('registeredAt'),
        column('action'),
        column('remarks'),
        column('status'),
        column('replacesEntryId'),
        column('deliveryId'),
        column('createdBy'),
      ],
    );
    return rows.sort((a, b) => a.number - b.number);
  }

  /**
   * For each chain root, the unit's earliest active receipt of any letter of that chain in
   * its incoming registers (see src/modules/registers/README.md#duplicate-arrival), before a batch
   * writes its own entries.
   */
  async findEarlierReceipts(
    manager: EntityManager,
    unitId: string,
    rootLetterIds: string[],
  ): Promise<Map<string, EarlierReceipt>> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.findEarlierReceipts',
      { ...EARLIER_RECEIPT, rootLetterId: col.uuid },
      `SELECT DISTINCT ON (l.root_letter_id) l.root_letter_id AS "rootLetterId", x.id,
              x.register_id AS "registerId", x.number, x.be_year AS "beYear"
         FROM letters_read l
         CROSS JOIN LATERAL (${RECEIPTS_OF_LETTER_IN_UNIT('$1')}) x
        WHERE l.root_letter_id = ANY($2::uuid[])
        ORDER BY l.root_letter_id, x.registered_at`,
      [unitId, rootLetterIds],
    );
    return new Map(rows.map(({ rootLetterId, ...earlier }) => [rootLetterId, earlier]));
  }

  /**
   * An entry with its register and the register unit's path (what access decides on), in
   * one statement: every minute and forward starts here.
   */
  async findEntryWithRegister(
    manager: EntityManager,
    id: string,
  ): Promise<{ entry: EntryRow; register: Register; unit: UnitRef } | undefined> {
    const [row] = await queryRows(
      manager,
      'RegistersRepository.findEntryWithRegister',
      {
        ...ENTRY_ROW,
        registerUnitId: REGISTER_ROW.unitId,
        registerKind: REGISTER_ROW.kind,
        registerDirection: REGISTER_ROW.direction,
        registerName: REGISTER_ROW.name,
        registerMinClearance: REGISTER_ROW.minClearance,
        registerActive: REGISTER_ROW.active,
        registerCreatedAt: REGISTER_ROW.createdAt,
        unitPath: col.text,
      },
      `SELECT ${ENTRY_COLUMNS}, r.unit_id AS "registerUnitId", r.kind AS "registerKind",
              r.direction AS "registerDirection", r.name AS "registerName",
              r.min_clearance AS "registerMinClearance", r.active AS "registerActive",
              r.created_at AS "registerCreatedAt", u.path AS "unitPath"
         FROM register_entries e
         JOIN registers r ON r.id = e.register_id
         JOIN units_read u ON u.id = r.unit_id
        WHERE e.id = $1`,
      [id],
    );
    if (!row) return undefined;
    const {
      registerUnitId,
      registerKind,
      registerDirection,
      registerName,
      registerMinClearance,
      registerActive,
      registerCreatedAt,
      unitPath,
      ...entry
    } = row;
    return {
      entry,
      register: {
        id: entry.registerId,
        unitId: registerUnitId,
        kind: registerKind,
        direction: registerDirection,
        name: registerName,
        minClearance: registerMinClearance,
        active: registerActive,
        createdAt: registerCreatedAt,
      },
      unit: { id: registerUnitId, path: unitPath },
    };
  }

  async findEntry(manager: EntityManager, id: string, lock = false): Promise<EntryRow | undefined> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.findEntry',
      ENTRY_ROW,
      `SELECT ${ENTRY_COLUMNS} FROM register_entries e WHERE e.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async markCancelled(
    manager: EntityManager,
    id: string,
    reason: string,
    at: Date,
  ): Promise<EntryRow> {
    const rows = await queryRows(
      manager,
      'RegistersRepository.markCancelled',
      ENTRY_ROW,
      `UPDATE register_entries e SET status = 'cancelled', cancel_reason = $2, cancelled_at = $3
        WHERE e.id = $1 RETURNING ${ENTRY_COLUMNS}`,
      [id, reason, at],
    );
    return rows[0];
  }

  async linkReplacement(manager: EntityManager, oldId: string, newId: string): Promise<void> {
    await execute(manager, 'UPDATE register_entries SET replaced_by_entry_id = $2 WHERE id = $1', [
      oldId,
      newId,
    ]);
  }

  /** A page of a register's year, in number order, after `afterNumber`. */
  async findEntries(
    registerId: string,
    beYear: number,
    afterNumber: number,
    limit: number,
  ): Promise<EntryRow[]> {
    return queryRows(
      this.dataSource,
      'RegistersRepository.findEntries',
      ENTRY_ROW,
      `SELECT ${ENTRY_COLUMNS} FROM register_entries e
        WHERE e.register_id = $1 AND e.be_year = $2 AND e.number > $3
        ORDER BY e.number LIMIT $4`,
      [registerId, beYear, afterNumber, limit],
    );
  }

  /** Entries registered between two instants, with the letter's columns, in register order. */
  async findPrintoutRows(
    registerId: string,
    from: Date,
    to: Date,
    db: Queryable = this.dataSource,
  ): Promise<PrintoutRow[]> {
    return queryRows(
      db,
      'RegistersRepository.findPrintoutRows',
      PRINTOUT_ROW,
      `SELECT e.id AS "entryId", e.letter_id AS "letterId", e.number, e.be_year AS "beYear",
              e.registered_at AS "registeredAt", l.reference_raw AS "referenceRaw", l.letter_date_raw AS "letterDateRaw",
              to_char(l.letter_date, 'YYYY-MM-DD') AS "letterDate", l.sender_text AS "senderText",
              l.addressee, l.subject, e.action, e.remarks, e.status, e.cancel_reason AS "cancelReason",
              e.issued_reference AS "issuedReference"
         FROM register_entries e JOIN letters_read l ON l.id = e.letter_id
        WHERE e.register_id = $1 AND e.registered_at >= $2 AND e.registered_at < $3
        ORDER BY e.be_year, e.number`,
      [registerId, from, to],
    );
  }

  async findEntriesOfLetter(manager: EntityManager, letterId: string): Promise<EntryRow[]> {
    return queryRows(
      manager,
      'RegistersRepository.findEntriesOfLetter',
      ENTRY_ROW,
      `SELECT ${ENTRY_COLUMNS} FROM register_entries e WHERE e.letter_id = $1 ORDER BY e.registered_at, e.id`,
      [letterId],
    );
  }
}
