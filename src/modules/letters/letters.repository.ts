import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import type { UnitRef } from 'src/modules/auth/principal.js';
import { preparedRows } from 'src/database/prepared-query.js';
import { col, execute, queryRows } from 'src/database/rows.js';
import {
  type Letter,
  LETTER_KINDS,
  SECRECY_CODES,
  SPEED_CODES,
} from 'src/modules/letters/letter.entity.js';
import { searchForm } from 'src/thai/normalize.js';

/** Where to look for a unit holding a letter: one condition on `u`, or several tried in order. */
export interface LetterScope {
  sql: string | string[];
  params: unknown[];
}

export type LetterRow = Omit<Letter, 'senderUnit' | 'enclosesLetter' | 'createdUnit'> & {
  fileIds: string[];
};

const LETTER_COLUMNS = `l.id, l.kind, l.speed, l.speed_deadline AS "speedDeadline", l.secrecy,
  l.reference_raw AS "referenceRaw", l.agency_prefix AS "agencyPrefix", l.agency_number AS "agencyNumber",
  l.circular, l.serial, l.letter_date_raw AS "letterDateRaw", to_char(l.letter_date, 'YYYY-MM-DD') AS "letterDate",
  to_char(l.suggested_letter_date, 'YYYY-MM-DD') AS "suggestedLetterDate", l.subject, l.addressee,
  l.references, l.enclosures, l.signatory, l.sender_unit_id AS "senderUnitId", l.sender_text AS "senderText",
  l.owner_unit AS "ownerUnit", l.root_letter_id AS "rootLetterId", l.encloses_letter_id AS "enclosesLetterId", l.warnings,
  l.printed_stamps AS "printedStamps", l.created_unit_id AS "createdUnitId", l.created_by AS "createdBy",
  l.created_at AS "createdAt",
  COALESCE((SELECT array_agg(f.file_id ORDER BY f.position) FROM letter_files f WHERE f.letter_id = l.id), '{}') AS "fileIds"`;
const LETTER_ROW = {
  id: col.uuid,
  kind: col.oneOf(...LETTER_KINDS),
  speed: col.oneOf(...SPEED_CODES),
  speedDeadline: col.nullable(col.date),
  secrecy: col.oneOf(...SECRECY_CODES),
  referenceRaw: col.nullable(col.text),
  agencyPrefix: col.nullable(col.text),
  agencyNumber: col.nullable(col.text),
  circular: col.bool,
  serial: col.nullable(col.int),
  letterDateRaw: col.nullable(col.text),
  letterDate: col.nullable(col.text),
  suggestedLetterDate: col.nullable(col.text),
  subject: col.text,
  addressee: col.nullable(col.text),
  references: col.array(
    col.object({
      raw: col.text,
      agencyPrefix: col.nullable(col.text),
      agencyNumber: col.nullable(col.text),
      circular: col.bool,
      serial: col.nullable(col.int),
      date: col.nullable(col.text),
      letterId: col.nullable(col.uuid),
    }),
  ),
  enclosures: col.array(col.text),
  signatory: col.nullable(
    col.object({ name: col.nullable(col.text), position: col.nullable(col.text) }),
  ),
  senderUnitId: col.nullable(col.uuid),
  senderText: col.nullable(col.text),
  ownerUnit: col.nullable(col.text),
  rootLetterId: col.uuid,
  enclosesLetterId: col.nullable(col.uuid),
  warnings: col.array(col.json),
  printedStamps: col.array(col.json),
  createdUnitId: col.uuid,
  createdBy: col.nullable(col.uuid),
  createdAt: col.date,
  fileIds: col.array(col.uuid),
};

export interface SearchFilters {
  pattern: string | null;
  /** The same pattern with its digits in the other set (clerks type either). */
  altPattern: string | null;
  from: string | null;
  to: string | null;
  speed: string | null;
  registerId: string | null;
  secrecyLevels: string[];
  cursor: { createdAt: string; id: string } | null;
  limit: number;
  /**
   * The units whose letters are all the principal sees, when it sees no subtree (a clerk):
   * the search then starts from their letters (recorded by, registered in or delivered to
   * them, each through its index) instead of walking the newest matching letters of the
   * whole deployment and checking each one's visibility. Null: walk the newest.
   */
  visibleUnitIds: string[] | null;
}

export interface LetterSummaryRow {
  id: string;
  kind: string;
  speed: string;
  secrecy: string;
  referenceRaw: string | null;
  letterDateRaw: string | null;
  letterDate: string | null;
  subject: string;
  senderText: string | null;
  createdAt: Date;
}

@Injectable()
export class LettersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    letter: Omit<LetterRow, 'fileIds'>,
    fileIds: string[],
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO letters (id, kind, speed, speed_deadline, secrecy, reference_raw, agency_prefix, agency_number,
         circular, serial, letter_date_raw, letter_date, suggested_letter_date, subject, addressee, "references",
         enclosures, signatory, sender_unit_id, sender_text, root_letter_id, encloses_letter_id, warnings,
         printed_stamps, created_unit_id, created_by, created_at, owner_unit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
         $23, $24, $25, $26, $27, $28)`,
      [
        letter.id,
        letter.kind,
        letter.speed,
        letter.speedDeadline,
        letter.secrecy,
        letter.referenceRaw,
        letter.agencyPrefix,
        letter.agencyNumber,
        letter.circular,
        letter.serial,
        letter.letterDateRaw,
        letter.letterDate,
        letter.suggestedLetterDate,
        letter.subject,
        letter.addressee,
        JSON.stringify(letter.references),
        JSON.stringify(letter.enclosures),
        letter.signatory ? JSON.stringify(letter.signatory) : null,
        letter.senderUnitId,
        letter.senderText,
        letter.rootLetterId,
        letter.enclosesLetterId,
        JSON.stringify(letter.warnings),
        JSON.stringify(letter.printedStamps),
        letter.createdUnitId,
        letter.createdBy,
        letter.createdAt,
        letter.ownerUnit,
      ],
    );
    if (fileIds.length > 0) {
      await execute(
        manager,
        `INSERT INTO letter_files (letter_id, position, file_id)
         SELECT $1, ordinality - 1, file_id FROM unnest($2::uuid[]) WITH ORDINALITY AS f(file_id, ordinality)`,
        [letter.id, fileIds],
      );
    }
  }

  /** Records an issued reference number as the letter's ที่, when it has none yet. */
  async setReferenceIfNone(
    manager: EntityManager,
    letterId: string,
    reference: {
      raw: string;
      agencyPrefix: string;
      agencyNumber: string;
      circular: boolean;
      serial: number;
    },
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE letters SET reference_raw = $2, agency_prefix = $3, agency_number = $4, circular = $5, serial = $6
        WHERE id = $1 AND reference_raw IS NULL`,
      [
        letterId,
        reference.raw,
        reference.agencyPrefix,
        reference.agencyNumber,
        reference.circular,
        reference.serial,
      ],
    );
  }

  /**
   * `setReferenceIfNone` as a data-modifying CTE (`letter_reference`) of the statement that
   * takes the number, for a command that holds a register's counter row while it runs: the
   * raw text and the serial are read from the caller's relation named `entry` (one row, its
   * `issued_reference` and `number`), the rest from `params`, placed from `firstParam` on.
   */
  issuedReferenceSql(
    entry: string,
    firstParam: number,
    letterId: string,
    reference: { agencyPrefix: string; agencyNumber: string; circular: boolean },
  ): { ctes: string; params: unknown[] } {
    const p = (i: number) => `$${firstParam + i}`;
    return {
      ctes: `letter_reference AS (
         UPDATE letters l
            SET reference_raw = w.issued_reference, agency_prefix = ${p(1)}::text,
                agency_number = ${p(2)}::text, circular = ${p(3)}::boolean, serial = w.number
           FROM ${entry} w
          WHERE l.id = ${p(0)}::uuid AND l.reference_raw IS NULL
         RETURNING l.id
       )`,
      params: [letterId, reference.agencyPrefix, reference.agencyNumber, reference.circular],
    };
  }

  /**
   * The letter, and one unit inside `scope` (built from $2 on `u.id`/`u.path`) where the
   * letter is "at": the unit that recorded it, a unit whose register holds it, a unit it
   * was delivered to or sent from. Access is decided on that unit; one query, and a
   * circular delivered to thousands of units is decided by index probes, not by loading
   * them all. A scope in parts (the units the user acts for, then the subtrees a head
   * sees) is looked in part by part, and the first part that holds the letter ends it.
   */
  async findWithUnitInScope(
    manager: EntityManager,
    id: string,
    scope: LetterScope,
  ): Promise<{ letter: LetterRow; unit: UnitRef | null } | undefined> {
    return (await this.findManyWithUnitInScope(manager, [id], scope))[0];
  }

  /** The letters of `ids` with a unit of the scope that holds each (a batch reads them at once). */
  async findManyWithUnitInScope(
    manager: EntityManager,
    ids: string[],
    scope: LetterScope,
  ): Promise<{ letter: LetterRow; unit: UnitRef | null }[]> {
    const parts = typeof scope.sql === 'string' ? [scope.sql] : scope.sql;
    // Each part is tried in order (an Append under LIMIT 1 stops at the first row). In the
    // first, the holders are probed unit by unit: OFFSET 0 keeps each EXISTS a probe of the
    // (letter, unit) index. Left to itself the planner hashes all of a circular's thousands
    // of deliveries, twice, to test the one or two units a clerk acts for.
    const holds = (probe: boolean) => {
      const only = probe ? ' OFFSET 0' : '';
      return `(u.id = l.created_unit_id
                OR EXISTS (SELECT 1 FROM deliveries_read d WHERE d.letter_id = l.id AND d.recipient_unit_id = u.id${only})
                OR EXISTS (SELECT 1 FROM register_entries_read e JOIN registers_read r ON r.id = e.register_id
                            WHERE e.letter_id = l.id AND r.unit_id = u.id${only})
                OR EXISTS (SELECT 1 FROM deliveries_read d WHERE d.letter_id = l.id AND d.sender_unit_id = u.id${only}))`;
    };
    const branches = parts.map(
      (part, i) =>
        `(SELECT u.id, u.path FROM units_read u WHERE ${part} AND ${holds(i === 0 && parts.length > 1)})`,
    );
    // Prepared, and planned once per connection: every registration and letter view runs it,
    // planning its four published views cost twelve times what running it does, and its plan
    // is the same for any letters and units (probes of their keys).
    const rows = await preparedRows(
      manager,
      'LettersRepository.findManyWithUnitInScope',
      {
        ...LETTER_ROW,
        scopeUnitId: col.nullable(col.uuid),
        scopeUnitPath: col.nullable(col.text),
      },
      `SELECT ${LETTER_COLUMNS}, s.id AS "scopeUnitId", s.path AS "scopeUnitPath"
         FROM letters l
         LEFT JOIN LATERAL (
           ${branches.join('\n           UNION ALL\n           ')}
           LIMIT 1
         ) s ON true
        WHERE l.id = ANY($1::uuid[])`,
      [ids, ...scope.params],
      'generic',
    );
    return rows.map(({ scopeUnitId, scopeUnitPath, ...letter }) => ({
      letter,
      unit: scopeUnitId && scopeUnitPath ? { id: scopeUnitId, path: scopeUnitPath } : null,
    }));
  }

  /** Files the principal's units uploaded (a letter may link only those). */
  async findFilesUploadedBy(
    manager: EntityManager,
    fileIds: string[],
    unitIds: string[],
  ): Promise<string[]> {
    const rows = await queryRows(
      manager,
      'LettersRepository.findFilesUploadedBy',
      { id: col.uuid },
      `SELECT id FROM files_read WHERE id = ANY($1::uuid[]) AND uploaded_unit_id = ANY($2::uuid[])`,
      [fileIds, unitIds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * SQL "letter `l` is visible": recorded by, registered in, or delivered to a visible
   * unit. `unitPredicate` is built by AccessService.visibleUnitsPredicate with the column
   * placeholder `@unit`, so one pair of parameters serves every branch.
   */
  visibilitySql(unitPredicate: (column: string) => string | string[]): string {
    const parts = (column: string) => {
      const sql = unitPredicate(column);
      return typeof sql === 'string' ? [sql] : sql;
    };
    // A predicate in parts (the units acted for, then a head's subtrees) gives one EXISTS per
    // part, every first part before any second: the units acted for are then index probes
    // of (letter, unit), where an OR of both parts made PostgreSQL read every delivery of a
    // national circular and test each recipient's path.
    const creator = parts('l.created_unit_id');
    const register = parts('vr.unit_id');
    const delivery = parts('vd.recipient_unit_id');
    const tests = creator.flatMap((_, i) => [
      creator[i],
      `EXISTS (SELECT 1 FROM register_entries_read ve JOIN registers_read vr ON vr.id = ve.register_id
                  WHERE ve.letter_id = l.id AND ${register[i]})`,
      `EXISTS (SELECT 1 FROM deliveries_read vd WHERE vd.letter_id = l.id AND ${delivery[i]})`,
    ]);
    return `(${tests.join('\n      OR ')})`;
  }

  /** Finds a cited letter among the visible ones (same code, owner number, serial and year). */
  async resolveReference(
    manager: EntityManager,
    reference: {
      agencyPrefix: string;
      agencyNumber: string;
      serial: number;
      circular: boolean;
      date: string | null;
    },
    visibility: SqlPredicate,
  ): Promise<string | null> {
    // `visibility` was built with its first parameter at $6.
    const rows = await queryRows(
      manager,
      'LettersRepository.resolveReference',
      { id: col.uuid },
      `SELECT l.id FROM letters l
        WHERE l.agency_prefix = $1 AND l.agency_number = $2 AND l.serial = $3 AND l.circular = $4
          AND ($5::date IS NULL OR date_part('year', l.letter_date) = date_part('year', $5::date))
          AND ${visibility.sql}
        LIMIT 2`,
      [
        reference.agencyPrefix,
        reference.agencyNumber,
        reference.serial,
        reference.circular,
        reference.date,
        ...visibility.params,
      ],
    );
    return rows.length === 1 ? rows[0].id : null;
  }

  async search(
    filters: SearchFilters,
    visibility: SqlPredicate,
    db: EntityManager = this.dataSource.manager,
  ): Promise<LetterSummaryRow[]> {
    const params: unknown[] = [...visibility.params];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [visibility.sql, `l.secrecy = ANY(${add(filters.secrecyLevels)}::text[])`];
    if (filters.pattern) {
      // The trigram indexes hold the search form of the text (Thai marks replaced by
      // letters, which pg_trgm would otherwise cut words at); the plain match on the text
      // itself stays as the final word. It is wrapped in COALESCE (NULL fields) so that
      // the planner takes it at one half instead of multiplying two estimates of the same
      // match: a common word then walks the newest letters instead of sorting every match.
      const fields = ['l.subject', 'l.sender_text', 'l.reference_raw'];
      const patterns = [filters.pattern, ...(filters.altPattern ? [filters.altPattern] : [])];
      const like = patterns.some((p) => p.toLowerCase() !== p.toUpperCase()) ? 'ILIKE' : 'LIKE';
      const exact = patterns.map(add);
      const forms = patterns.map((p) => add(searchForm(p)));
      const any = (test: (field: string, p: string) => string, ps: string[]) =>
        ps.flatMap((p) => fields.map((f) => test(f, p))).join(' OR ');
      // Among a clerk's candidates the letters are walked, never found through the trigram
      // indexes; written so that no index matches (`|| ''` changes no value), the match costs
      // the planner nothing to weigh, and the plan is the same whatever the words.
      const indexed = (field: string) => (filters.visibleUnitIds ? `(${field} || '')` : field);
      where.push(`(${any((f, p) => `saraban_search_form(${indexed(f)}) ${like} ${p}`, forms)})`);
      where.push(`COALESCE(${any((f, p) => `${f} ${like} ${p}`, exact)}, false)`);
    }
    if (filters.from) where.push(`l.letter_date >= ${add(filters.from)}::date`);
    if (filters.to) where.push(`l.letter_date <= ${add(filters.to)}::date`);
    if (filters.speed) where.push(`l.speed = ${add(filters.speed)}`);
    if (filters.registerId) {
      where.push(
        `EXISTS (SELECT 1 FROM register_entries_read se WHERE se.letter_id = l.id AND se.register_id = ${add(filters.registerId)}::uuid)`,
      );
    }
    if (filters.cursor) {
      where.push(
        `(l.created_at, l.id) < (${add(filters.cursor.createdAt)}::timestamptz, ${add(filters.cursor.id)}::uuid)`,
      );
    }
    // The visibility predicate stays in the WHERE: the candidates only narrow the walk.
    const candidates = filters.visibleUnitIds
      ? (() => {
          const units = `${add(filters.visibleUnitIds)}::uuid[]`;
          return `WITH candidate AS MATERIALIZED (
             SELECT cl.id FROM letters cl WHERE cl.created_unit_id = ANY(${units})
             UNION
             SELECT ce.letter_id FROM register_entries_read ce JOIN registers_read cr ON cr.id = ce.register_id
              WHERE cr.unit_id = ANY(${units})
             UNION
             SELECT cd.letter_id FROM deliveries_read cd WHERE cd.recipient_unit_id = ANY(${units}))
           `;
        })()
      : '';
    const from = filters.visibleUnitIds ? 'candidate c JOIN letters l ON l.id = c.id' : 'letters l';
    const shape = {
      id: col.uuid,
      kind: col.text,
      speed: col.text,
      secrecy: col.text,
      referenceRaw: col.nullable(col.text),
      letterDateRaw: col.nullable(col.text),
      letterDate: col.nullable(col.text),
      subject: col.text,
      senderText: col.nullable(col.text),
      createdAt: col.date,
    };
    const text = `${candidates}SELECT l.id, l.kind, l.speed, l.secrecy, l.reference_raw AS "referenceRaw",
              l.letter_date_raw AS "letterDateRaw", to_char(l.letter_date, 'YYYY-MM-DD') AS "letterDate",
              l.subject, l.sender_text AS "senderText", l.created_at AS "createdAt"
         FROM ${from}
        WHERE ${where.join(' AND ')}
        ORDER BY l.created_at DESC, l.id DESC
        LIMIT ${add(filters.limit + 1)}`;
    // A clerk's search walks the candidates whatever it looks for: planned once per
    // connection. A search over subtrees stays planned with its words, whose frequency
    // decides between the trigram indexes and the newest letters (a generic plan scans the
    // indexes over every letter).
    return filters.visibleUnitIds
      ? preparedRows(db, 'LettersRepository.search', shape, text, params, 'generic')
      : queryRows(db, 'LettersRepository.search', shape, text, params);
  }
}
