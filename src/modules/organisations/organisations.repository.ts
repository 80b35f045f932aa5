import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Queryable } from 'src/database/read-replica.js';
import type { SqlPredicate } from 'src/modules/auth/access.service.js';
import type { SeedUnit } from 'src/modules/organisations/national-tree.js';
import {
  REFERENCE_DIGITS,
  type ReferenceDigits,
  UNIT_KIND_CODES,
  type UnitKind,
} from 'src/modules/organisations/unit-kind.js';
import { col, execute, executeCount, queryFirst, queryRows } from 'src/database/rows.js';

export interface UnitRow {
  id: string;
  kind: UnitKind;
  nameTh: string;
  shortName: string | null;
  letterCode: string | null;
  ownerNumber: string | null;
  headPosition: string | null;
  parentId: string | null;
  path: string;
  depth: number;
  active: boolean;
  referenceDigits: ReferenceDigits;
  geocode: string | null;
}

export interface UnitFields {
  kind: UnitKind;
  nameTh: string;
  shortName: string | null;
  letterCode: string | null;
  ownerNumber: string | null;
  headPosition: string | null;
  referenceDigits: ReferenceDigits;
}

export type EditableUnitFields = Partial<Omit<UnitFields, 'kind'>>;

/** A page position: the last row's (name, id). */
export interface UnitCursor {
  name: string;
  id: string;
}

const UNIT_COLUMNS = `u.id, u.kind, u.name_th AS "nameTh", u.short_name AS "shortName",
  u.letter_code AS "letterCode", u.owner_number AS "ownerNumber",
  u.head_position AS "headPosition", u.parent_id AS "parentId", u.path, u.depth, u.active,
  u.reference_digits AS "referenceDigits", u.geocode`;
const UNIT_ROW = {
  id: col.uuid,
  kind: col.oneOf(...UNIT_KIND_CODES),
  nameTh: col.text,
  shortName: col.nullable(col.text),
  letterCode: col.nullable(col.text),
  ownerNumber: col.nullable(col.text),
  headPosition: col.nullable(col.text),
  parentId: col.nullable(col.uuid),
  path: col.text,
  depth: col.int,
  active: col.bool,
  referenceDigits: col.oneOf(...REFERENCE_DIGITS),
  geocode: col.nullable(col.text),
};

const EDITABLE_COLUMNS: Record<keyof EditableUnitFields, string> = {
  nameTh: 'name_th',
  shortName: 'short_name',
  letterCode: 'letter_code',
  ownerNumber: 'owner_number',
  headPosition: 'head_position',
  referenceDigits: 'reference_digits',
};

/** Key of the transaction-level advisory lock that serialises re-parenting. */
const TREE_RESHAPE_LOCK_KEY = 4_242_010;

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** All SQL over `units`. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, db: Queryable = this.dataSource): Promise<UnitRow | null> {
    return queryFirst(
      db,
      'OrganisationsRepository.findById',
      UNIT_ROW,
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1`,
      [id],
    );
  }

  /** Locks the row for the rest of the transaction (rename, move, deactivate). */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<UnitRow | null> {
    return queryFirst(
      manager,
      'OrganisationsRepository.findByIdForUpdate',
      UNIT_ROW,
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1 FOR UPDATE`,
      [id],
    );
  }

  async insert(
    manager: EntityManager,
    unit: UnitFields & { id: string; parentId: string | null; path: string; depth: number },
    now: Date,
  ): Promise<void> {
    await execute(
      manager,
      `INSERT INTO units (id, kind, name_th, short_name, letter_code, owner_number, head_position,
                          parent_id, path, depth, active, reference_digits, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $12)`,
      [
        unit.id,
        unit.kind,
        unit.nameTh,
        unit.shortName,
        unit.letterCode,
        unit.ownerNumber,
        unit.headPosition,
        unit.parentId,
        unit.path,
        unit.depth,
        unit.referenceDigits,
        now,
      ],
    );
  }

  async updateFields(
    manager: EntityManager,
    id: string,
    fields: EditableUnitFields,
    now: Date,
  ): Promise<void> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined) as [
      keyof EditableUnitFields,
      unknown,
    ][];
    const sets = entries.map(([key], i) => `${EDITABLE_COLUMNS[key]} = $${i + 3}`);
    await execute(
      manager,
      `UPDATE units SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`,
      [id, now, ...entries.map(([, value]) => value)],
    );
  }

  async setActive(manager: EntityManager, id: string, active: boolean, now: Date): Promise<void> {
    await execute(manager, 'UPDATE units SET active = $2, updated_at = $3 WHERE id = $1', [
      id,
      active,
      now,
    ]);
  }

  async hasActiveChildren(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await queryRows(
      manager,
      'OrganisationsRepository.hasActiveChildren',
      {},
      'SELECT 1 FROM units WHERE parent_id = $1 AND active LIMIT 1',
      [id],
    );
    return rows.length > 0;
  }

  /** Serialises re-parenting, so two concurrent moves can never close a cycle. */
  async lockTreeShape(manager: EntityManager): Promise<void> {
    await execute(manager, 'SELECT pg_advisory_xact_lock($1)', [TREE_RESHAPE_LOCK_KEY]);
  }

  /**
   * Re-parents a whole subtree in one statement: every path under `oldPath` gets the new
   * prefix, every depth moves by the same amount. Returns the number of units moved.
   */
  async moveSubtree(
    manager: EntityManager,
    unitId: string,
    newParentId: string,
    oldPath: string,
    newPath: string,
    depthDelta: number,
    now: Date,
  ): Promise<number> {
    return executeCount(
      manager,
      'OrganisationsRepository.moveSubtree',
      `UPDATE units
          SET path = $2 || substr(path, length($1) + 1),
              depth = depth + $3,
              parent_id = CASE WHEN id = $4 THEN $5::uuid ELSE parent_id END,
              updated_at = $6
        WHERE path LIKE $7`,
      [oldPath, newPath, depthDelta, unitId, newParentId, now, `${escapeLike(oldPath)}%`],
    );
  }

  /** Children of a unit, filtered by the caller's visibility, by name then id. */
  async findChildren(
    parentId: string,
    visible: SqlPredicate,
    after: UnitCursor | null,
    limit: number,
  ): Promise<UnitRow[]> {
    const params: unknown[] = [...visible.params, parentId, limit];
    const base = visible.params.length;
    let cursor = '';
    if (after) {
      params.push(after.name, after.id);
      cursor = `AND (u.name_th, u.id) > ($${base + 3}, $${base + 4}::uuid)`;
    }
    return queryRows(
      this.dataSource,
      'OrganisationsRepository.findChildren',
      UNIT_ROW,
      `SELECT ${UNIT_COLUMNS} FROM units u
        WHERE u.parent_id = $${base + 1} AND ${visible.sql} ${cursor}
        ORDER BY u.name_th, u.id LIMIT $${base + 2}`,
      params,
    );
  }

  /**
   * Units of a subtree (the root included), optionally whose Thai name contains `text`,
   * filtered by the caller's visibility. Uses the path index, and the trigram index for
   * the name.
   */
  async findInSubtree(
    rootPath: string,
    text: string | null,
    visible: SqlPredicate,
    after: UnitCursor | null,
    limit: number,
  ): Promise<UnitRow[]> {
    const params: unknown[] = [...visible.params, `${escapeLike(rootPath)}%`, limit];
    const base = visible.params.length;
    const conditions = [`u.path LIKE $${base + 1}`, visible.sql];
    if (text !== null) {
      params.push(`%${escapeLike(text)}%`);
      conditions.push(`u.name_th ILIKE $${params.length}`);
    }
    if (after) {
      params.push(after.name, after.id);
      conditions.push(`(u.name_th, u.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    return queryRows(
      this.dataSource,
      'OrganisationsRepository.findInSubtree',
      UNIT_ROW,
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE ${conditions.join(' AND ')}
        ORDER BY u.name_th, u.id LIMIT $${base + 2}`,
      params,
    );
  }

  /** For the CLI: units whose id, short name or full name is exactly `reference`. */
  async findByReference(reference: string): Promise<UnitRow[]> {
    return queryRows(
      this.dataSource,
      'OrganisationsRepository.findByReference',
      UNIT_ROW,
      `SELECT ${UNIT_COLUMNS} FROM units u
        WHERE (u.id::text = $1 OR u.short_name = $1 OR u.name_th = $1 OR u.seed_key = $1)
        ORDER BY u.path LIMIT 10`,
      [reference],
    );
  }

  async findIdsBySeedKeys(
    manager: EntityManager,
    seedKeys: string[],
  ): Promise<Map<string, string>> {
    const rows = await queryRows(
      manager,
      'OrganisationsRepository.findIdsBySeedKeys',
      { id: col.uuid, seed_key: col.text },
      'SELECT id, seed_key FROM units WHERE seed_key = ANY($1::text[])',
      [seedKeys],
    );
    return new Map(rows.map((row) => [row.seed_key, row.id]));
  }

  /**
   * Inserts seed units whose natural key is not there yet; existing ones are left as an
   * administrator may have edited them. Parents must already exist (earlier batch).
   * Returns how many were inserted.
   */
  async insertMissingSeedUnits(
    manager: EntityManager,
    units: (SeedUnit & { id: string })[],
    now: Date,
  ): Promise<number> {
    if (units.length === 0) return 0;
    const column = <K extends keyof (SeedUnit & { id: string })>(key: K) =>
      units.map((unit) => unit[key]);
    const rows = await queryRows(
      manager,
      'OrganisationsRepository.insertMissingSeedUnits',
      { id: col.uuid },
      `INSERT INTO units (id, kind, name_th, short_name, letter_code, owner_number, head_position,
                          parent_id, path, depth, active, reference_digits, seed_key, geocode,
                          created_at, updated_at)
       SELECT i.id, i.kind, i.name_th, i.short_name, i.letter_code, i.owner_number,
              i.head_position, p.id, COALESCE(p.path, '/') || i.id::text || '/',
              COALESCE(p.depth + 1, 0), true, 'thai', i.seed_key, i.geocode, $11, $11
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::text[])
                AS i(id, kind, name_th, short_name, letter_code, owner_number, head_position,
                     parent_seed_key, seed_key, geocode)
         LEFT JOIN units p ON p.seed_key = i.parent_seed_key
        WHERE i.parent_seed_key IS NULL OR p.id IS NOT NULL
       ON CONFLICT (seed_key) DO NOTHING
       RETURNING id`,
      [
        column('id'),
        column('kind'),
        column('nameTh'),
        column('shortName'),
        column('letterCode'),
        column('ownerNumber'),
        column('headPosition'),
        column('parentSeedKey'),
        column('seedKey'),
        column('geocode'),
        now,
      ],
    );
    return rows.length;
  }

  async countSeededByKind(prefixes: string[]): Promise<Record<string, number>> {
    const rows = await queryRows(
      this.dataSource,
      'OrganisationsRepository.countSeededByKind',
      { kind: col.text, count: col.bigint },
      `SELECT kind, count(*) AS count FROM units
        WHERE seed_key LIKE ANY($1::text[]) GROUP BY kind ORDER BY kind`,
      [prefixes.map((prefix) => `${escapeLike(prefix)}%`)],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
  }

  async findReferenceDigits(unitId: string): Promise<ReferenceDigits | null> {
    const row = await queryFirst(
      this.dataSource,
      'OrganisationsRepository.findReferenceDigits',
      { reference_digits: col.oneOf(...REFERENCE_DIGITS) },
      'SELECT reference_digits FROM units WHERE id = $1',
      [unitId],
    );
    return row?.reference_digits ?? null;
  }
}
